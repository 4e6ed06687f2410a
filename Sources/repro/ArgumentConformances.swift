import ArgumentParser
import ResultsStore
import ScalingLawFit

// Values the command line accepts directly, in the same spelling as the registry and lock file.
extension FitMethod: ExpressibleByArgument {}
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
