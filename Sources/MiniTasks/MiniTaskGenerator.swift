/// A task family with its parameters: what the data writer and the contact sheet draw from.
public enum MiniTaskGenerator: Sendable {
  case reasoning(ReasoningTask)
  case ocr(OCRTask)

  /// The family at its version-``TaskFamily/generatorVersion`` defaults.
  public static func standard(_ family: TaskFamily) -> MiniTaskGenerator {
    switch family {
    // The defaults are valid (a test checks them), so these initialisers cannot throw.
    case .reasoning: .reasoning(try! ReasoningTask(parameters: .default))
    case .ocr: .ocr(try! OCRTask(parameters: .default))
    }
  }

  public var family: TaskFamily {
    switch self {
    case .reasoning: .reasoning
    case .ocr: .ocr
    }
  }

  public var questionsPerImage: Int {
    switch self {
    case .reasoning(let task): task.parameters.questionsPerImage
    case .ocr(let task): task.parameters.questionsPerImage
    }
  }

  /// The question types this generator asks, in the order of their index in `question_types`
  /// (an OCR generator asks the ones its parameters list).
  public var questionTypes: [String] {
    switch self {
    case .reasoning: ReasoningQuestionType.allCases.map(\.rawValue)
    case .ocr(let task): task.parameters.questionTypes.map(\.rawValue)
    }
  }

  public var patchLabelClasses: Int {
    switch self {
    case .reasoning(let task): task.parameters.patchLabelClasses
    case .ocr(let task): task.parameters.patchLabelClasses
    }
  }

  /// Image `index` of `split` under `seed` with `questionCount` questions.
  public func example(index: Int, split: DataSplit, seed: UInt64, questionCount: Int) -> MiniExample {
    switch self {
    case .reasoning(let task): task.example(index: index, split: split, seed: seed, questionCount: questionCount).example
    case .ocr(let task): task.example(index: index, split: split, seed: seed, questionCount: questionCount).example
    }
  }

  /// The parameters as they are recorded in the manifest.
  var parameters: MiniTaskParameters {
    switch self {
    case .reasoning(let task): .reasoning(task.parameters)
    case .ocr(let task): .ocr(task.parameters)
    }
  }
}

/// One family's parameters, encoded as the plain parameter object.
enum MiniTaskParameters: Encodable, Equatable {
  case reasoning(ReasoningParameters)
  case ocr(OCRParameters)

  func encode(to encoder: any Encoder) throws {
    switch self {
    case .reasoning(let parameters): try parameters.encode(to: encoder)
    case .ocr(let parameters): try parameters.encode(to: encoder)
    }
  }
}
