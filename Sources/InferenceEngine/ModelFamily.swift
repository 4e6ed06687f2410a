import VLM

/// The bundled family of models: one vision tower, LLMs shaped like a scaled-down Qwen1.5
/// family (head width 64, SwiGLU width 2.75 × model width, depth growing with width), spanning
/// about 57× in `N` — the paper's 0.5 B … 7 B LLMs span 14×.
///
/// The vision tower keeps CLIP ViT-L/14-336's geometry (336-pixel images, 14-pixel patches, the
/// 24 × 24 grid of 576 tokens, depth 12 of 24 relative layers) at width 128, so compression
/// operates on exactly the paper's grid. Its 4.5 GFLOP per image are twice the smallest LLM's
/// prefill of 626 tokens and 5 % of the largest's — CLIP ViT-L likewise costs a large share of
/// a 0.5 B LLM's prefill and a few percent of a 7 B one's. The weights are synthetic and
/// untrained: the family exists to measure cost, and makes no accuracy claim.
public struct ModelFamily: Sendable, Equatable {
  /// Names the checkpoint files, so two families never share a file.
  public var name: String
  public var models: [VLMConfiguration]

  public init(name: String, models: [VLMConfiguration]) {
    self.name = name
    self.models = models
  }

  /// The model called `name` (`5m` or `qwen-5m`), or an error listing the choices.
  public func model(named name: String) throws(ModelFamilyError) -> VLMConfiguration {
    let key = name.lowercased().replacingOccurrences(of: "qwen-", with: "")
    guard let model = models.first(where: { $0.name == key }) else {
      throw .unknownModel(name, available: models.map(\.name))
    }
    return model
  }

  /// The family the experiment and `repro infer` use.
  public static let bundled: ModelFamily = {
    let vision = VisionConfig(imageSide: 336, patchSide: 14, width: 128, heads: 2, depth: 12, mlpWidth: 512)
    func qwen(_ name: String, width: Int, layers: Int) -> VLMConfiguration {
      VLMConfiguration(
        name: name, vision: vision,
        language: LanguageModelConfig(vocabularySize: ByteTokenizer.vocabularySize, width: width, layers: layers,
                                      heads: width / 64, mlpWidth: width * 11 / 4))
    }
    return ModelFamily(name: "bundled", models: [
      qwen("1m", width: 128, layers: 5),
      qwen("5m", width: 256, layers: 6),
      qwen("15m", width: 384, layers: 8),
      qwen("32m", width: 512, layers: 10),
      qwen("61m", width: 640, layers: 12),
    ])
  }()

  /// A miniature family for tests: a 4 × 4 patch grid on 8-pixel images (V ∈ {1, 4, 16}) and
  /// widths of a few dozen, so a debug build runs a whole VLM in milliseconds.
  public static let tiny: ModelFamily = {
    let vision = VisionConfig(imageSide: 8, patchSide: 2, width: 16, heads: 2, depth: 4, mlpWidth: 32)
    func model(_ name: String, width: Int, layers: Int) -> VLMConfiguration {
      VLMConfiguration(
        name: name, vision: vision,
        language: LanguageModelConfig(vocabularySize: ByteTokenizer.vocabularySize, width: width, layers: layers,
                                      heads: 2, mlpWidth: 2 * width))
    }
    return ModelFamily(name: "tiny", models: [model("a", width: 16, layers: 1), model("b", width: 32, layers: 2)])
  }()
}

/// A model name that is not in the family.
public enum ModelFamilyError: Error, Equatable, CustomStringConvertible {
  case unknownModel(String, available: [String])

  public var description: String {
    switch self {
    case .unknownModel(let name, let available):
      return "no bundled model named \(name); choose one of \(available.joined(separator: ", "))"
    }
  }
}
