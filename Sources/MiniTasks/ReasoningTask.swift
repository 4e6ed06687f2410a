import SeededRandom

/// The reasoning question types, in the order of their index in `question_types`.
///
/// Every question is `[asked, relation, reference, ?]`. Chance levels (a model that reads the
/// question but not the image) are in docs/miniature-vlm.md; the generator reports the measured
/// majority-answer baseline of each type in the manifest.
public enum ReasoningQuestionType: String, CaseIterable, Sendable {
  /// `shape of <colour> ?` → the object's shape. Non-relational.
  case shapeOf = "shape_of"
  /// `side of <colour> ?` → left / right (of the image's vertical midline). Non-relational.
  case sideOf = "side_of"
  /// `level of <colour> ?` → top / bottom (of the horizontal midline). Non-relational.
  case levelOf = "level_of"
  /// `shape closest <colour> ?` → the shape of the object whose centre is closest. Relational.
  case shapeClosest = "shape_closest"
  /// `colour furthest <colour> ?` → the colour of the object whose centre is furthest. Relational.
  case colourFurthest = "colour_furthest"
  /// `count same-shape <colour> ?` → how many *other* objects have that object's shape. Counting.
  case countSameShape = "count_same_shape"
  /// `count of <shape> ?` → how many objects have that shape (0 if none). Counting.
  case countShape = "count_shape"
}

/// The reasoning family: Sort-of-CLEVR-like scenes whose questions compose a few coarse facts.
///
/// Every fact a question needs (colour, shape, rough position of a handful of objects) survives
/// heavy compression of the image; the difficulty is in composing them (relations, counts), which
/// is what the language model contributes.
public struct ReasoningTask: Sendable {
  public let parameters: ReasoningParameters

  public init(parameters: ReasoningParameters = .default) throws(MiniTasksError) {
    try parameters.validate()
    self.parameters = parameters
  }

  /// The pixels of `scene`: each pixel whose centre lies inside an object takes its colour.
  public func render(_ scene: ReasoningScene) -> [UInt8] {
    var image = Pixels.blank()
    for object in scene.objects {
      for y in object.top..<(object.top + object.side) {
        for x in object.left..<(object.left + object.side)
        where object.contains(doubledX: 2 * x + 1, doubledY: 2 * y + 1) {
          Pixels.set(&image, x: x, y: y, object.colour.rgb)
        }
      }
    }
    return image
  }

  /// Per-patch classes: 0 where no object covers the patch centre, else
  /// `1 + colour · shapeCount + shape` of the object that does.
  public func patchLabels(_ scene: ReasoningScene) -> [UInt8] {
    var labels = [UInt8](repeating: 0, count: MiniTasks.patchGridSide * MiniTasks.patchGridSide)
    for row in 0..<MiniTasks.patchGridSide {
      for column in 0..<MiniTasks.patchGridSide {
        // The centre of a 4 × 4 patch is a pixel corner: (4c + 2, 4r + 2), doubled.
        let x2 = 2 * (MiniTasks.patchSide * column + MiniTasks.patchSide / 2)
        let y2 = 2 * (MiniTasks.patchSide * row + MiniTasks.patchSide / 2)
        if let object = scene.objects.first(where: { $0.contains(doubledX: x2, doubledY: y2) }) {
          labels[row * MiniTasks.patchGridSide + column] =
            UInt8(1 + object.colour.rawIndex * parameters.shapeCount + object.shape.rawIndex)
        }
      }
    }
    return labels
  }

  /// Every question of type `type` that `scene` admits, with its answer.
  func candidates(_ type: ReasoningQuestionType, _ scene: ReasoningScene) -> [QuestionSampling.Candidate] {
    typealias V = MiniVocabulary
    let objects = scene.objects
    func others(_ object: SceneObject) -> [SceneObject] { objects.filter { $0 != object } }
    func ask(_ word: V.Word, _ relation: V.Word, _ reference: Int32, _ answer: Int32) -> QuestionSampling.Candidate {
      .init(tokens: [V.id(word), V.id(relation), reference, V.id(.questionMark)], answer: answer)
    }
    switch type {
    case .shapeOf:
      return objects.map { ask(.shape, .of, V.id($0.colour), V.id($0.shape)) }
    case .sideOf:
      return objects.map {
        ask(.side, .of, V.id($0.colour), V.id($0.doubledCentreX < MiniTasks.imageSide ? .left : .right))
      }
    case .levelOf:
      return objects.map {
        ask(.level, .of, V.id($0.colour), V.id($0.doubledCentreY < MiniTasks.imageSide ? .top : .bottom))
      }
    case .shapeClosest:
      return objects.map { object in
        let closest = others(object).min { $0.doubledSquaredDistance(to: object) < $1.doubledSquaredDistance(to: object) }!
        return ask(.shape, .closest, V.id(object.colour), V.id(closest.shape))
      }
    case .colourFurthest:
      return objects.map { object in
        let furthest = others(object).max { $0.doubledSquaredDistance(to: object) < $1.doubledSquaredDistance(to: object) }!
        return ask(.colour, .furthest, V.id(object.colour), V.id(furthest.colour))
      }
    case .countSameShape:
      return objects.map { object in
        ask(.count, .sameShape, V.id(object.colour), V.id(count: others(object).count { $0.shape == object.shape }))
      }
    case .countShape:
      return parameters.shapes.map { shape in
        ask(.count, .of, V.id(shape), V.id(count: objects.count { $0.shape == shape }))
      }
    }
  }

  /// Image `index` of `split` under `seed`, with `questionCount` questions: the scene (for tests
  /// and the contact sheet) and the example as it is stored.
  public func example(
    index: Int, split: DataSplit, seed: UInt64, questionCount: Int
  ) -> (scene: ReasoningScene, example: MiniExample) {
    generate(index: index, split: split, seed: seed, questionCount: questionCount)
  }
}

extension ReasoningTask: SceneTask {
  static let family = TaskFamily.reasoning
  var questionsPerImage: Int { parameters.questionsPerImage }
  var noise: Int { parameters.noise }
  var questionTypeCount: Int { ReasoningQuestionType.allCases.count }
  func randomScene(using rng: inout SplitMix64) -> ReasoningScene { .random(parameters, using: &rng) }
  func candidates(type: Int, _ scene: ReasoningScene) -> [QuestionSampling.Candidate] {
    candidates(ReasoningQuestionType.allCases[type], scene)
  }
}
