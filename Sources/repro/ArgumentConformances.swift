import ArgumentParser
import ResultsStore
import ScalingLawFit

// Values the command line accepts directly, in the same spelling as the registry and lock file.
extension FitMethod: ExpressibleByArgument {}
extension ParameterBounds: ExpressibleByArgument {}

extension SuiteID: ExpressibleByArgument {
  public init?(argument: String) {
    self.init(rawValue: argument)
  }
}
