import LawForms
import ArgumentParser
import ResultsStore
import ScalingLawFit

// Values the command line accepts directly, in the same spelling as the registry and lock file.
extension FitMethod: ExpressibleByArgument {}
extension LawForm: ExpressibleByArgument {}
extension ParameterBounds: ExpressibleByArgument {}

/// The commands that take `--suite` fit the law, so they accept the suites with a grid, and an
/// unknown name is refused with the list.
extension SuiteID: ExpressibleByArgument {
  public init?(argument: String) {
    guard Self.grids.contains(SuiteID(rawValue: argument)) else { return nil }
    self.init(rawValue: argument)
  }

  public static var allValueStrings: [String] { grids.map(\.rawValue) }
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
