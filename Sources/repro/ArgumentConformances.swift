import LawForms
import ArgumentParser
import ResultsStore
import ScalingLawFit

// Values the command line accepts directly, in the same spelling as the registry and lock file.
extension FitMethod: ExpressibleByArgument {}
extension LawForm: ExpressibleByArgument {}
extension ParameterBounds: ExpressibleByArgument {}

/// The commands that take `--suite` fit the law. Any name parses; the command checks it against
/// the database's grids (the paper's two and any an ingest declared) and refuses an unknown one
/// with the list.
extension SuiteID: ExpressibleByArgument {
  public init?(argument: String) {
    self.init(rawValue: argument)
  }
}

/// LLM sizes in billions, comma-separated on the command line (`0.5,1.8,4`): every option that
/// takes sizes parses them here, and a bad list is refused naming the option and what was typed.
enum SizesBillion {
  static func parser(_ option: String) -> @Sendable (String) throws -> [Double] {
    { text in
      let values = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
      guard !values.isEmpty, values.allSatisfy({ $0.map { $0 > 0 && $0.isFinite } ?? false }) else {
        throw ValidationError("\(option) takes positive numbers separated by commas, got '\(text)'")
      }
      return values.map { $0! }
    }
  }
}
