import Foundation
import ResultValues
import ResultsStore
import ScalingLaw
import ScalingLawFit

/// The settings of one registration, typed: the single home of every number an experiment uses.
///
/// The experiment's executable reads them typed (``ExperimentRun/settings(_:)``), the claims
/// ledger and the command line read the same values from the registry, and the driver
/// fingerprints them as ``parameters`` (text, as the lock file records them). So a setting is
/// written once and cannot mean one thing to a figure and another to a claim.
public protocol ExperimentSettings: Sendable {
  /// The settings as named text, e.g. `method = least-squares`, `Q = 0,50`: what the driver
  /// fingerprints and the lock file records.
  var parameters: [String: String] { get }
}

/// Settings given only as text: registrations made by hand (tests of the driver).
public struct TextSettings: ExperimentSettings, Hashable {
  public var parameters: [String: String]

  public init(_ parameters: [String: String]) {
    self.parameters = parameters
  }
}

/// How one scaling-law fit is made: the suite it reads, the LLM sizes (billions) it fits on, the
/// method and the parameter box. Figures, the claims ledger and `repro fit` all fit through it.
public struct LawFitSettings: Sendable, Hashable {
  /// The grid the fit reads (a setting, so the same experiment code can be registered for another suite).
  public var suite: SuiteID
  /// The LLM sizes, in billions, the fit uses; rows at other sizes (an ingested 14 B) stay out.
  public var sizesBillion: [Double]
  public var method: FitMethod
  public var bounds: ParameterBounds
  /// Where the fit's summary reads its compute-optimal V: the suite's question length and its
  /// model's visual-token range (the paper's, or a miniature model's).
  public var question: QuestionSetting

  public init(
    suite: SuiteID, sizesBillion: [Double], method: FitMethod, bounds: ParameterBounds, question: QuestionSetting
  ) {
    self.suite = suite
    self.sizesBillion = sizesBillion
    self.method = method
    self.bounds = bounds
    self.question = question
  }

  /// `method`, `bounds`, `fit-sizes`: the text the lock file has always recorded for a fit, and
  /// `question` where it is not the paper's.
  public var parameters: [String: String] {
    var parameters = ["method": method.rawValue, "bounds": Self.text(bounds), "fit-sizes": RegistrationText.list(sizesBillion)]
    if question != .paper {
      parameters["question"] = RegistrationText.list([question.tokens, question.visualTokenRange.lowerBound, question.visualTokenRange.upperBound])
    }
    return parameters
  }

  /// `result` as summaries report it, its optimum read at ``question``.
  public func summary(of result: FitResult, excludedSizes: [Double] = [], bootstrap: BootstrapResult? = nil) -> FitSummary {
    FitSummary(suite: suite.rawValue, excludedSizes: excludedSizes, result: result, question: question, bootstrap: bootstrap)
  }

  /// The fitter these settings describe.
  public var fitter: any ScalingLawFitter { method.fitter(bounds: bounds) }

  /// The rows of `all` at ``sizesBillion``, each size required: a fit that stands for the
  /// paper's must not silently lose a size, nor gain one.
  public func observations(from all: [Observation]) throws(RegistryError) -> [Observation] {
    if let missing = sizesBillion.first(where: { N in !all.contains { $0.N == N } }) {
      throw .missingFitSize(suite: suite, N: missing, available: Set(all.map(\.N)).sorted())
    }
    return all.filter { sizesBillion.contains($0.N) }
  }

  /// Fits the law to `all`'s rows at ``sizesBillion``.
  public func fit(_ all: [Observation]) throws -> FitResult {
    try fitter.fit(FitProblem(observations(from: all)))
  }

  /// The sizes of `all` this fit leaves out, ascending.
  public func excludedSizes(of all: [Observation]) -> [Double] {
    Set(all.map(\.N)).subtracting(sizesBillion).sorted()
  }

  /// `paper`, or `a=LO:HI,…` with numbers as `%g` (`a=0:5`), as registrations are written.
  static func text(_ bounds: ParameterBounds) -> String {
    if bounds == .paper { return "paper" }
    return zip(["a", "alpha", "beta", "D"], bounds.ranges).map { "\($0)=\(RegistrationText.number($1.lowerBound)):\(RegistrationText.number($1.upperBound))" }
      .joined(separator: ",")
  }
}

/// A seeded bootstrap as registered: resamples and seed.
public struct BootstrapSettings: Sendable, Hashable {
  public var resamples: Int
  public var seed: UInt64

  public init(resamples: Int, seed: UInt64) {
    self.resamples = resamples
    self.seed = seed
  }

  public var bootstrap: Bootstrap { Bootstrap(resamples: resamples, seed: seed) }
}

/// How registrations write numbers as text: `%g` (`0.5`, `14`, `0.25`), lists comma-separated
/// (`0.5,1.8,4,7`).
enum RegistrationText {
  static func number(_ value: Double) -> String {
    String(format: "%g", value)
  }

  static func list(_ values: [Double]) -> String {
    values.map(number).joined(separator: ",")
  }

  static func list(_ values: [Int]) -> String {
    values.map(String.init).joined(separator: ",")
  }
}
