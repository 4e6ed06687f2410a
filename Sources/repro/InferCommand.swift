import ArgumentParser
import InferenceEngine
import QueCC
import ResultsStore
import VLM

/// `repro infer`: one forward pass of a bundled VLM, printing shapes, FLOPs and timings per
/// component next to the paper's `2·N·(Q+V)`.
struct InferCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "infer",
    abstract: "Run one VLM/QueCC forward pass on a synthetic image and print shapes, FLOPs and timings.",
    discussion: "Weights are synthetic and untrained (generated on first use into paper-artifacts/.inference-weights/): "
      + "the output measures cost, not answers.")

  @Option(help: "LLM size: \(ModelFamily.bundled.models.map(\.name).joined(separator: ", ")).")
  var model = "15m"

  @Option(help: "Visual tokens V after compression: \(supportedTokens.map(String.init).joined(separator: ", ")).")
  var tokens = 16

  @Option(help: "The compressor between the vision tower and the LLM (QueCC reads the question).")
  var compressor: CompressorKind = .quecc

  @Option(help: "The question (one token per UTF-8 byte, so Q is its length in bytes: \(InferCommand.questionTokenRange.upperBound) at most).")
  var question = "What is the person on the left holding?"

  @Option(help: "Tokens to generate greedily (the first comes from prefill): \(rangeText(InferCommand.newTokenRange)).")
  var newTokens = 8

  /// The longest question, in tokens (UTF-8 bytes): attention over the question costs memory
  /// quadratic in its length (2048 tokens: about 170 MB for the largest bundled model).
  /// Checked here, not in the engine: any change to the engine's sources invalidates the
  /// inference-cost study's measured sweep (see `EngineFingerprint`).
  static let questionTokenRange = 0...2048
  /// How many tokens one request may generate: the engine allocates its KV cache up front for
  /// `V + Q + newTokens` tokens (and `Int.max` overflowed that sum).
  static let newTokenRange = 1...2048

  static var supportedTokens: [Int] {
    CompressionGrid.supportedTokenCounts(gridSide: ModelFamily.bundled.models[0].vision.gridSide)
  }

  func validate() throws {
    do {
      _ = try ModelFamily.bundled.model(named: model)
    } catch {
      throw ValidationError(error.description)
    }
    guard Self.supportedTokens.contains(tokens) else {
      throw ValidationError("--tokens \(tokens) is not a square number of regions of the 24 × 24 grid; "
        + "choose one of \(Self.supportedTokens.map(String.init).joined(separator: ", "))")
    }
    try check("--new-tokens", newTokens, in: Self.newTokenRange)
    guard Self.questionTokenRange.contains(question.utf8.count) else {
      throw ValidationError("--question is \(question.utf8.count) bytes (tokens) long; at most "
        + "\(Self.questionTokenRange.upperBound) are supported")
    }
  }

  func run() throws {
    let configuration = try ModelFamily.bundled.model(named: model)
    let vlm = try CheckpointStore(projectRoot: ProjectLayout.locate().root).load(configuration, family: .bundled)
    let request = InferenceRequest(
      image: .synthetic(side: configuration.vision.imageSide, seed: 7), question: question, visualTokens: tokens,
      compressor: compressor, newTokens: newTokens)
    print(InferenceReport(model: configuration, request: request, result: try vlm.run(request)).text)
  }
}

extension CompressorKind: ExpressibleByArgument {}
