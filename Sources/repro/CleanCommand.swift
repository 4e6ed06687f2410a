import ArgumentParser
import ReproDriver

/// `repro clean [id…]`: remove targets' outputs and lock entries, so they are rebuilt next time.
struct CleanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clean",
    abstract: "Remove the outputs and lock entries of the named figures and tables (default: all).")

  @Argument(help: "Experiment ids or names (default: all).")
  var ids: [String] = []

  @Flag(help: "If another repro is running, stop at once instead of waiting for it.")
  var noWait = false

  func run() throws {
    let removed = try DriverCommand.driver().clean(ids, waitForLock: !noWait, progress: TerminalProgress())
    print(removed.isEmpty ? "nothing to clean" : "removed \(removed.joined(separator: ", "))")
  }
}
