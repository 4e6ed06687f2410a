import QueCC
import VLM

/// One complete LLaVA-style model: a vision tower, the connectors (QueCC, TokenPacker-style,
/// pooling, each with its projector) and a Qwen-style LLM.
public struct VLMConfiguration: Sendable, Equatable, Codable {
  /// The short name used on the command line and in file names (`5m`).
  public var name: String
  public var vision: VisionConfig
  public var language: LanguageModelConfig

  public init(name: String, vision: VisionConfig, language: LanguageModelConfig) {
    self.name = name
    self.vision = vision
    self.language = language
  }

  /// `N` of the paper: the LLM's parameters (vision tower and connector excluded).
  public var parameterCount: Int { language.parameterCount }

  /// Every tensor of the checkpoint, under `vision_tower.`, `connector.` and `language_model.`.
  public var parameters: [ParameterSpec] {
    VisionEncoder.parameters(vision).scoped("vision_tower")
      + VisualConnector.parameters(visionWidth: vision.width, textWidth: language.width, gridSide: vision.gridSide).scoped("connector")
      + LanguageModel.parameters(language).scoped("language_model")
  }
}
