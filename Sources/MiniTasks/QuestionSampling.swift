import SeededRandom

/// How both families choose and order questions, so the answer priors stay flat.
enum QuestionSampling {
  /// A candidate question: its tokens and answer (the type is the caller's).
  struct Candidate {
    var tokens: [Int32]
    var answer: Int32
  }

  /// Picks a candidate by first choosing one of the candidates' distinct answers uniformly, then a
  /// candidate with that answer uniformly.
  ///
  /// Drawing the answer first flattens the answer prior within every image (e.g. a counting
  /// question answers 0, 1 or 2 about equally often instead of mostly 1), without giving the
  /// question away: which reference is asked about stays symmetric across colours, shapes, glyphs
  /// and rows, so the question alone does not predict its answer.
  static func pickBalancingAnswers(_ candidates: [Candidate], using rng: inout SplitMix64) -> Candidate {
    precondition(!candidates.isEmpty, "every generated scene admits every question type")
    let answers = Set(candidates.map(\.answer)).sorted()
    let answer = rng.pick(answers)
    return rng.pick(candidates.filter { $0.answer == answer })
  }

  /// The type index of question `slot` of image `image` when every image has `perImage`
  /// questions: round-robin over the global question number, so every type is asked equally
  /// often (to within one) over any run of consecutive images.
  static func typeIndex(image: Int, slot: Int, perImage: Int, typeCount: Int) -> Int {
    (image * perImage + slot) % typeCount
  }

  /// `count` questions for one image, avoiding asking the same tokens twice when the scene allows.
  static func questions(
    image: Int, count: Int, perImage: Int, typeCount: Int, using rng: inout SplitMix64,
    candidates: (Int) -> [Candidate]
  ) -> [MiniQuestion] {
    var asked: Set<[Int32]> = []
    var questions: [MiniQuestion] = []
    var candidatesOfType: [Int: [Candidate]] = [:]
    for slot in 0..<count {
      let type = typeIndex(image: image, slot: slot, perImage: perImage, typeCount: typeCount)
      let options = candidatesOfType[type] ?? candidates(type)
      candidatesOfType[type] = options
      let fresh = options.filter { !asked.contains($0.tokens) }
      let chosen = pickBalancingAnswers(fresh.isEmpty ? options : fresh, using: &rng)
      asked.insert(chosen.tokens)
      questions.append(MiniQuestion(tokens: chosen.tokens, answer: chosen.answer, type: type))
    }
    return questions
  }
}

/// What a task family provides so that its examples are generated the same way as every other
/// family's: one stream per image, drawn from in a fixed order (scene, questions, noise).
protocol SceneTask {
  associatedtype Scene
  static var family: TaskFamily { get }
  var questionsPerImage: Int { get }
  var noise: Int { get }
  /// How many question types the task asks (their indices are `0..<questionTypeCount`).
  var questionTypeCount: Int { get }
  func randomScene(using rng: inout SplitMix64) -> Scene
  /// Every question of type index `type` that `scene` admits, with its answer.
  func candidates(type: Int, _ scene: Scene) -> [QuestionSampling.Candidate]
  func render(_ scene: Scene) -> [UInt8]
  func patchLabels(_ scene: Scene) -> [UInt8]
}

extension SceneTask {
  /// Image `index` of `split` under `seed` with `questionCount` questions, and its scene.
  func generate(index: Int, split: DataSplit, seed: UInt64, questionCount: Int) -> (Scene, MiniExample) {
    var rng = ImageStream.generator(family: Self.family, split: split, seed: seed, index: index)
    let scene = randomScene(using: &rng)
    let questions = QuestionSampling.questions(
      image: index, count: questionCount, perImage: questionsPerImage, typeCount: questionTypeCount,
      using: &rng
    ) { candidates(type: $0, scene) }
    var image = render(scene)
    Pixels.addNoise(&image, amplitude: noise, using: &rng)
    return (scene, MiniExample(image: image, patchLabels: patchLabels(scene), questions: questions))
  }
}

/// Pixel operations shared by the two renderers.
enum Pixels {
  /// A white `48 × 48` RGB image.
  static func blank() -> [UInt8] {
    [UInt8](repeating: 255, count: MiniTasks.imageBytes)
  }

  /// Sets pixel (`x`, `y`) to `rgb`.
  static func set(_ image: inout [UInt8], x: Int, y: Int, _ rgb: (UInt8, UInt8, UInt8)) {
    let offset = 3 * (y * MiniTasks.imageSide + x)
    image[offset] = rgb.0
    image[offset + 1] = rgb.1
    image[offset + 2] = rgb.2
  }

  /// Adds uniform noise in `-amplitude…amplitude` to every channel of every pixel, clamped.
  static func addNoise(_ image: inout [UInt8], amplitude: Int, using rng: inout SplitMix64) {
    guard amplitude > 0 else { return }
    for i in image.indices {
      let value = Int(image[i]) + rng.nextInt(in: -amplitude...amplitude)
      image[i] = UInt8(min(255, max(0, value)))
    }
  }
}
