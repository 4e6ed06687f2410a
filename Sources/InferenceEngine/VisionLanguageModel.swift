import QueCC
import VLM

/// One query to the VLM: an image, a question, how many visual tokens to keep, with which
/// compressor, and how many tokens to generate.
public struct InferenceRequest: Sendable {
  public var image: Image
  public var question: String
  /// `V`, the visual tokens after compression.
  public var visualTokens: Int
  public var compressor: CompressorKind
  /// Tokens to generate greedily (the first comes from prefill, the rest from decoding).
  public var newTokens: Int

  public init(image: Image, question: String, visualTokens: Int, compressor: CompressorKind, newTokens: Int) {
    self.image = image
    self.question = question
    self.visualTokens = visualTokens
    self.compressor = compressor
    self.newTokens = newTokens
  }
}

/// What one forward pass did: the tokens it generated, tensor shapes along the way, and the cost
/// of each component.
public struct InferenceResult: Sendable {
  public var generatedTokens: [Int]
  /// `Q`, the question's length in tokens.
  public var questionTokens: Int
  /// Named shapes along the pipeline, in order (`patch features: 576 × 192`, …).
  public var shapes: [(name: String, rows: Int, columns: Int)]
  public var costs: [InferenceComponent: ComponentCost]
  /// The compressed visual tokens as the LLM receives them, `[V, d_llm]`.
  public var visualTokens: Matrix
}

/// A LLaVA-style VLM: vision tower → compressor + projector → LLM prefill → greedy decoding.
///
/// The prompt is the visual tokens followed by the question's tokens (LLaVA puts the image
/// first), so prefill processes exactly `V + Q` tokens. With QueCC and a non-empty question, the
/// LLM first runs over the question alone to produce the query embedding; that pass cannot be
/// reused for the prompt because there the question's keys depend on the image tokens before it.
public struct VisionLanguageModel: Sendable {
  public let configuration: VLMConfiguration
  public let vision: VisionEncoder
  public let connector: VisualConnector
  public let language: LanguageModel

  public init(_ weights: Weights, configuration: VLMConfiguration) throws(WeightsError) {
    self.configuration = configuration
    vision = try VisionEncoder(weights.scoped("vision_tower"), config: configuration.vision)
    connector = try VisualConnector(
      weights.scoped("connector"), visionWidth: configuration.vision.width,
      textWidth: configuration.language.width, gridSide: configuration.vision.gridSide)
    language = try LanguageModel(weights.scoped("language_model"), config: configuration.language)
  }

  /// Runs one query, timing each component with a monotonic clock.
  public func run(_ request: InferenceRequest) throws -> InferenceResult {
    guard request.newTokens >= 1 else { throw InferenceError.noTokensToGenerate(request.newTokens) }
    guard request.image.side == configuration.vision.imageSide else {
      throw InferenceError.wrongImageSize(request.image.side, expected: configuration.vision.imageSide)
    }
    let grid = try CompressionGrid(gridSide: configuration.vision.gridSide, tokens: request.visualTokens)
    let question = ByteTokenizer.encode(request.question)
    var costs: [InferenceComponent: ComponentCost] = [:]
    func measure<T>(_ component: InferenceComponent, _ body: (inout Int) -> T) -> T {
      var flops = 0
      let start = ContinuousClock.now
      let result = body(&flops)
      let elapsed = ContinuousClock.now - start
      costs[component] = ComponentCost(flops: flops, seconds: elapsed.inSeconds)
      return result
    }

    let features = measure(.visionEncoder) { vision(request.image, flops: &$0) }
    let queryEmbedding: [Float]? = measure(.questionPass) { flops in
      guard request.compressor.usesQuestion, !question.isEmpty else { return nil }
      var cache = language.makeCache(capacity: question.count)
      let hidden = language.hiddenStates(language.embed(question), cache: &cache, flops: &flops)
      return Array(hidden.row(hidden.rows - 1))
    }
    let visualTokens = measure(.compressor) {
      connector.visualTokens(features, kind: request.compressor, grid: grid, queryEmbedding: queryEmbedding, flops: &$0)
    }
    let prompt = Matrix.stacking([visualTokens, language.embed(question)])
    var cache = language.makeCache(capacity: prompt.rows + request.newTokens)
    var generated = [LanguageModel.argmax(measure(.prefill) { language.prefill(prompt, cache: &cache, flops: &$0) })]
    measure(.decode) { flops in
      while generated.count < request.newTokens {
        generated.append(LanguageModel.argmax(language.decodeStep(generated.last!, cache: &cache, flops: &flops)))
      }
    }
    return InferenceResult(
      generatedTokens: generated, questionTokens: question.count,
      shapes: [
        ("image (channels × pixels)", 3, request.image.side * request.image.side),
        ("patch features x", features.patches.rows, features.patches.columns),
        ("multi-level features x_multi", features.multiLevel.rows, features.multiLevel.columns),
        ("query embedding", queryEmbedding == nil ? 0 : 1, queryEmbedding?.count ?? 0),
        ("visual tokens (projected)", visualTokens.rows, visualTokens.columns),
        ("prompt (V + Q)", prompt.rows, prompt.columns),
      ],
      costs: costs, visualTokens: visualTokens)
  }
}

/// A request the pipeline cannot run.
public enum InferenceError: Error, Equatable, CustomStringConvertible {
  case noTokensToGenerate(Int)
  case wrongImageSize(Int, expected: Int)

  public var description: String {
    switch self {
    case .noTokensToGenerate(let count):
      return "asked to generate \(count) tokens; at least 1 is needed (prefill produces the first)"
    case .wrongImageSize(let side, let expected):
      return "image of side \(side) pixels; the vision tower takes \(expected)"
    }
  }
}
