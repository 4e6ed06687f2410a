import ScalingLawFit

/// How the ledger fits the law: the method whose fit decides each verdict, the parameter boxes,
/// the methods compared against it, and the bootstrap.
///
/// These are the report experiment's registered parameters (`Experiment.report`), so
/// `repro verify` and the report use one set of settings and the driver fingerprints them. The
/// claims' criteria are not settings: they are constants beside each claim, fixed up front.
public struct LedgerSettings: Sendable, Equatable {
  /// The method whose fit decides fit-dependent verdicts (Figure 1's: least squares).
  public var method: FitMethod
  /// Every method the verdicts are also reported under (the primary one is always included).
  public var comparedMethods: [FitMethod]
  /// The box for the visual-reasoning fits (the authors' box).
  public var bounds: ParameterBounds
  /// The box for the OCR fits. OCR's α, β were not published, and the authors' box was chosen
  /// for the visual-reasoning grid; a wider box lets the OCR data, not the box, decide them.
  public var ocrBounds: ParameterBounds
  /// Bootstrap resamples of the primary method's fits, and their seed.
  public var resamples: Int
  public var seed: UInt64

  public init(
    method: FitMethod, comparedMethods: [FitMethod], bounds: ParameterBounds, ocrBounds: ParameterBounds,
    resamples: Int, seed: UInt64
  ) {
    self.method = method
    self.comparedMethods = comparedMethods
    self.bounds = bounds
    self.ocrBounds = ocrBounds
    self.resamples = resamples
    self.seed = seed
  }

  /// Settings from registered parameters: `method`, `compare-methods`, `bounds`, `ocr-bounds`,
  /// `bootstrap-resamples`, `seed`.
  public init(parameters: [String: String]) throws(LedgerError) {
    func value<T: LosslessStringConvertible>(_ name: String, _ type: T.Type = T.self) throws(LedgerError) -> T {
      guard let text = parameters[name] else { throw .missingSetting(name) }
      guard let value = T(text) else { throw .invalidSetting(name: name, value: text) }
      return value
    }
    guard let methods = parameters["compare-methods"] else { throw .missingSetting("compare-methods") }
    let compared = methods.split(separator: ",").map { FitMethod(String($0)) }
    guard !compared.isEmpty, compared.allSatisfy({ $0 != nil }) else {
      throw .invalidSetting(name: "compare-methods", value: methods)
    }
    let resamples: Int = try value("bootstrap-resamples")
    guard resamples >= 1 else { throw .invalidSetting(name: "bootstrap-resamples", value: String(resamples)) }
    self.init(
      method: try value("method"), comparedMethods: compared.map { $0! }, bounds: try value("bounds"),
      ocrBounds: try value("ocr-bounds"), resamples: resamples, seed: try value("seed"))
  }

  /// The primary method and the compared ones, each once, in ``FitMethod/allCases`` order.
  public var methods: [FitMethod] {
    FitMethod.allCases.filter { $0 == method || comparedMethods.contains($0) }
  }
}
