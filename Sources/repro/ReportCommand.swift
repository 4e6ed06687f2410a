import ArgumentParser
import ResultsStore
import ExperimentRegistry

/// `repro report`: bring the reviewer report, and every figure it shows, up to date.
///
/// The report is the `report` experiment, run by the same driver as `repro figure report`, so
/// this command and `repro all` write the same bytes and share staleness tracking.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Regenerate the reviewer report (Figures/report/REPORT.md and report.html) and any stale figure it shows.")

  @OptionGroup var options: RunFlags

  func run() throws {
    try DriverCommand.run(targets: [Experiment.report.target], options)
    guard !options.dryRun else { return }
    let folder = try ProjectLayout.locate().figuresDirectory.appendingPathComponent(Experiment.report.outputFolder)
    print("report: \(folder.appendingPathComponent("REPORT.md").path) and \(folder.appendingPathComponent("report.html").path)")
  }
}
