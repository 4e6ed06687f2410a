import Foundation
import VLM

/// A held-out set in memory, as a shard holds it (docs/miniature-vlm.md §1), whatever file or
/// files it came from.
public struct MiniEvalSet: Sendable, Equatable {
  public var imageSide: Int
  /// `[images, side, side, 3]` pixels, channels last.
  public var pixels: [UInt8]
  /// `Q`, tokens per question.
  public var questionTokens: Int
  /// `[questions, Q]` token ids, row after row.
  public var questions: [Int]
  public var answers: [Int]
  /// Index into `typeNames` per question.
  public var questionTypes: [Int]
  /// Which image each question is about.
  public var imageIndex: [Int]
  public var typeNames: [String]
  /// The files the questions came from, in order (empty for a set built in memory).
  public var sources: [Source] = []

  /// One shard's share of the set.
  public struct Source: Sendable, Equatable {
    public var path: String
    public var sha256: String
    public var family: String
    public var split: String
    /// The shard's questions, as indices into the set.
    public var questions: Range<Int>
  }

  public init(imageSide: Int, pixels: [UInt8], questionTokens: Int, questions: [Int], answers: [Int],
              questionTypes: [Int], imageIndex: [Int], typeNames: [String]) {
    (self.imageSide, self.pixels, self.questionTokens, self.questions) = (imageSide, pixels, questionTokens, questions)
    (self.answers, self.questionTypes, self.imageIndex, self.typeNames) = (answers, questionTypes, imageIndex, typeNames)
  }

  /// The first `count` questions, each given its own copy of its image: the workload of an
  /// inference server answering `count` requests (and of the trainer's `bench.py`).
  public func requests(_ count: Int) -> MiniEvalSet {
    precondition((0...questionCount).contains(count), "\(count) requests from \(questionCount) questions")
    let bytes = 3 * imageSide * imageSide
    var requests = self
    requests.pixels = (0..<count).flatMap { pixels[(imageIndex[$0] * bytes)..<((imageIndex[$0] + 1) * bytes)] }
    requests.questions = Array(questions.prefix(count * questionTokens))
    requests.answers = Array(answers.prefix(count))
    requests.questionTypes = Array(questionTypes.prefix(count))
    requests.imageIndex = Array(0..<count)
    requests.sources = []
    return requests
  }

  public var imageCount: Int { pixels.count / (3 * imageSide * imageSide) }
  public var questionCount: Int { answers.count }

  /// Several shards as one set (image indices shifted; the shards must share `Q` and types).
  public static func concatenating(_ sets: [MiniEvalSet]) throws(MiniVLMError) -> MiniEvalSet {
    guard var all = sets.first else { throw .incompatibleData(reason: "no evaluation shards") }
    for set in sets.dropFirst() {
      guard set.imageSide == all.imageSide, set.questionTokens == all.questionTokens, set.typeNames == all.typeNames else {
        throw .incompatibleData(reason: "shards differ in image side, question length or question types")
      }
      let offset = all.imageCount, questionOffset = all.questionCount
      all.sources += set.sources.map { source in
        var source = source
        source.questions = (source.questions.lowerBound + questionOffset)..<(source.questions.upperBound + questionOffset)
        return source
      }
      all.pixels += set.pixels
      all.questions += set.questions
      all.answers += set.answers
      all.questionTypes += set.questionTypes
      all.imageIndex += set.imageIndex.map { $0 + offset }
    }
    return all
  }

  /// Checks every count and index against the model before any work starts.
  func validate(for configuration: MiniCellConfiguration) throws(MiniVLMError) {
    let n = questionCount
    let vocabulary = configuration.language.vocabularySize
    guard imageSide == configuration.vision.imageSide, pixels.count == imageCount * 3 * imageSide * imageSide else {
      throw .incompatibleData(reason: "images of side \(imageSide); the vision tower takes \(configuration.vision.imageSide)")
    }
    guard questionTokens == configuration.questionTokens, questions.count == n * questionTokens else {
      throw .incompatibleData(reason: "questions of \(questionTokens) tokens; the checkpoint was trained on \(configuration.questionTokens)")
    }
    guard questionTypes.count == n, imageIndex.count == n else {
      throw .incompatibleData(reason: "answers, question types and image indices differ in length")
    }
    guard questions.allSatisfy({ (0..<vocabulary).contains($0) }), answers.allSatisfy({ (0..<vocabulary).contains($0) }) else {
      throw .incompatibleData(reason: "a token id lies outside the model's vocabulary of \(vocabulary)")
    }
    guard imageIndex.allSatisfy({ (0..<imageCount).contains($0) }) else {
      throw .incompatibleData(reason: "a question refers to an image the set does not hold")
    }
    guard questionTypes.allSatisfy({ typeNames.indices.contains($0) }) else {
      throw .incompatibleData(reason: "a question type index lies outside question_types")
    }
  }
}

/// Accuracy and loss of a model on a held-out set, overall and per question type, with every
/// question's prediction.
public struct MiniEvaluation: Sendable, Equatable, Codable {
  /// Accuracy and mean cross-entropy over a set of questions.
  public struct Summary: Sendable, Equatable, Codable {
    public var type: String
    public var questions: Int
    public var correct: Int
    public var accuracy: Double
    /// Mean of `−ln p(answer)`, in nats.
    public var meanCrossEntropy: Double
  }

  /// The argmax answer per question (ties: lowest id).
  public var predictions: [Int]
  /// `−ln softmax(logits)[answer]` per question (nats).
  public var crossEntropies: [Double]
  /// Largest minus second-largest logit per question: how close the prediction was to a tie.
  public var margins: [Float]
  public var overall: Summary
  /// One entry per question type present, in the order of the set's `typeNames`.
  public var byType: [Summary]

  init(predictions: [Int], crossEntropies: [Double], margins: [Float], set: MiniEvalSet) {
    self.predictions = predictions
    self.crossEntropies = crossEntropies
    self.margins = margins
    func summary(_ name: String, _ questions: [Int]) -> Summary {
      let correct = questions.count { predictions[$0] == set.answers[$0] }
      // Summed in question order in Double: the same bytes whatever the batching.
      let loss = questions.reduce(0.0) { $0 + crossEntropies[$1] }
      return Summary(type: name, questions: questions.count, correct: correct,
                     accuracy: questions.isEmpty ? 0 : Double(correct) / Double(questions.count),
                     meanCrossEntropy: questions.isEmpty ? 0 : loss / Double(questions.count))
    }
    overall = summary("all", Array(0..<set.questionCount))
    byType = set.typeNames.indices.compactMap { type in
      let questions = (0..<set.questionCount).filter { set.questionTypes[$0] == type }
      return questions.isEmpty ? nil : summary(set.typeNames[type], questions)
    }
  }

  /// Prediction, cross-entropy and top-two margin of one row of logits.
  static func score(_ logits: ArraySlice<Float>, answer: Int) -> (prediction: Int, crossEntropy: Double, margin: Float) {
    var best = logits.startIndex, second: Float = -.infinity
    for i in logits.indices.dropFirst() {
      if logits[i] > logits[best] {
        second = logits[best]
        best = i
      } else if logits[i] > second {
        second = logits[i]
      }
    }
    let top = Double(logits[best])
    let sum = logits.reduce(0.0) { $0 + exp(Double($1) - top) }
    let crossEntropy = log(sum) + top - Double(logits[logits.startIndex + answer])
    return (best - logits.startIndex, crossEntropy, logits.count > 1 ? logits[best] - second : .infinity)
  }
}

extension MiniVLM {
  /// The accepted range of `batch` (sequences per LM pass) and `threads`.
  public static let batchRange = 1...65_536
  public static let threadRange = 1...256
  /// Images encoded together by the vision tower (fixed, so results never depend on threads).
  static let imagesPerUnit = 16
  /// Prompts per LM pass by default: enough rows for efficient GEMMs even at V = 1, few enough
  /// that a batch of a few hundred questions still spreads over the threads.
  public static let defaultBatch = 32

  /// Evaluates the whole set: the tower once per image, the connector per image (per question
  /// for QueCC), and the LM over `batch` prompts at a time.
  ///
  /// Work is cut into units that do not depend on `threads` (groups of `imagesPerUnit` images,
  /// groups of `batch` questions), each run single-threaded on one of `threads` threads: the
  /// result is bit-identical for every thread count. The batch size only regroups rows, which
  /// changes nothing but, at most, the last bits of a GEMM.
  public func evaluate(_ set: MiniEvalSet, batch: Int = MiniVLM.defaultBatch, threads: Int = 1) throws(MiniVLMError) -> MiniEvaluation {
    guard Self.batchRange.contains(batch) else { throw .incompatibleData(reason: "batch \(batch) outside \(Self.batchRange)") }
    guard Self.threadRange.contains(threads) else { throw .incompatibleData(reason: "threads \(threads) outside \(Self.threadRange)") }
    try set.validate(for: configuration)
    let states = imageStates(set, threads: threads)
    let count = set.questionCount, Q = set.questionTokens
    var predictions = [Int](repeating: 0, count: count)
    var crossEntropies = [Double](repeating: 0, count: count)
    var margins = [Float](repeating: 0, count: count)
    predictions.withUnsafeMutableBufferPointer { predictions in
      crossEntropies.withUnsafeMutableBufferPointer { crossEntropies in
        margins.withUnsafeMutableBufferPointer { margins in
          nonisolated(unsafe) let (p, c, m) = (predictions, crossEntropies, margins)
          ComputeThreads.forEach(units: (count + batch - 1) / batch, threads: threads) { unit in
            let range = (unit * batch)..<min(count, (unit + 1) * batch)
            let questions = Array(set.questions[(range.lowerBound * Q)..<(range.upperBound * Q)])
            var flops = 0
            let embeddings = connector.readsQuestion ? queryEmbeddings(questions, flops: &flops) : nil
            let visual = connector.visualTokens(range.map { states[set.imageIndex[$0]] }, queryEmbeddings: embeddings, flops: &flops)
            let logits = answerLogits(visualTokens: visual, questions: questions, flops: &flops)
            for (row, question) in range.enumerated() {
              (p[question], c[question], m[question]) = MiniEvaluation.score(logits.row(row), answer: set.answers[question])
            }
          }
        }
      }
    }
    return MiniEvaluation(predictions: predictions, crossEntropies: crossEntropies, margins: margins, set: set)
  }

  /// The connector's per-image state for every image of the set, the tower run once per image.
  func imageStates(_ set: MiniEvalSet, threads: Int) -> [MiniConnector.ImageState] {
    forEachImageUnit(set, threads: threads) { features, flops in connector.imageStates(features, flops: &flops) }
  }

  /// The vision tower's features of every image of the set (what the tower alone costs).
  public func encodeImages(_ set: MiniEvalSet, threads: Int) -> [VisionFeatures] {
    forEachImageUnit(set, threads: threads) { features, _ in features }
  }

  /// `body` of each unit's features (one result per image), the images encoded
  /// `imagesPerUnit` at a time.
  private func forEachImageUnit<T: Sendable>(
    _ set: MiniEvalSet, threads: Int, _ body: ([VisionFeatures], inout Int) -> [T]
  ) -> [T] {
    let count = set.imageCount, bytes = 3 * set.imageSide * set.imageSide
    let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer { slots.deallocate() }
    nonisolated(unsafe) let shared = slots
    ComputeThreads.forEach(units: (count + Self.imagesPerUnit - 1) / Self.imagesPerUnit, threads: threads) { unit in
      let range = (unit * Self.imagesPerUnit)..<min(count, (unit + 1) * Self.imagesPerUnit)
      let images = range.map { Self.image(pixels: set.pixels[($0 * bytes)..<(($0 + 1) * bytes)], side: set.imageSide) }
      var flops = 0
      for (image, result) in zip(range, body(vision.features(images, flops: &flops), &flops)) { shared[image] = result }
    }
    return slots.map { $0! }
  }
}

/// The wall time and FLOPs of each stage of one single-threaded forward pass over a set of
/// requests: what the inference-cost analysis compares with the paper's 2·N·(Q+V).
public struct MiniForwardProfile: Sendable, Equatable {
  /// The shared vision tower over every image.
  public var vision: MiniStageCost
  /// QueCC's LM pass over the questions alone (zero for the other compressors).
  public var questionPass: MiniStageCost
  /// The connector: compressor and projector, `V` tokens per request.
  public var connector: MiniStageCost
  /// The LM over every `[V visual; Q question]` prompt, up to the answer logits.
  public var prefill: MiniStageCost
}

/// One stage's cost: FLOPs the engine counted and wall seconds.
public struct MiniStageCost: Sendable, Equatable {
  public var flops: Int
  public var seconds: Double
}

extension MiniVLM {
  /// Times each stage of the forward pass over `set` (one batch, one thread), in the order the
  /// evaluation runs them; the answers are computed and discarded.
  public func profile(_ set: MiniEvalSet) throws(MiniVLMError) -> MiniForwardProfile {
    try set.validate(for: configuration)
    let clock = ContinuousClock()
    func timed<T>(_ body: (inout Int) -> T) -> (T, MiniStageCost) {
      var flops = 0
      let start = clock.now
      let result = body(&flops)
      let elapsed = clock.now - start
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      return (result, MiniStageCost(flops: flops, seconds: seconds))
    }
    let bytes = 3 * set.imageSide * set.imageSide
    let images = (0..<set.imageCount).map { Self.image(pixels: set.pixels[($0 * bytes)..<(($0 + 1) * bytes)], side: set.imageSide) }
    let (features, visionCost) = timed { self.vision.features(images, flops: &$0) }
    let (embeddings, questionPass) = timed { flops in
      connector.readsQuestion ? queryEmbeddings(set.questions, flops: &flops) : nil
    }
    let (visual, connectorCost) = timed { flops in
      let states = connector.imageStates(features, flops: &flops)
      return connector.visualTokens(set.imageIndex.map { states[$0] }, queryEmbeddings: embeddings, flops: &flops)
    }
    let (_, prefill) = timed { answerLogits(visualTokens: visual, questions: set.questions, flops: &$0) }
    return MiniForwardProfile(vision: visionCost, questionPass: questionPass, connector: connectorCost, prefill: prefill)
  }
}
