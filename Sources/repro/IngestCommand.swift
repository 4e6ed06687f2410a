import ArgumentParser
import Foundation
import ResultsStore

/// `repro ingest FILE`: add measured results to the database, all or nothing.
struct IngestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Add measured results (CSV or JSON Lines) to the database in one step, after validating every row.",
    discussion: """
      CSV columns: suite,llm_params_billion,visual_tokens,metric,value,source_note (optional '#' header lines \
      are kept as provenance; see paper-artifacts/README.md). JSON Lines: one object per line with the same \
      fields. Rows are Qwen-1.5 models with TokenPacker, the scaling-law setup. A file with any bad row \
      (NaN, a value outside its metric's range, V ≤ 0, an unknown suite, a duplicate) is rejected as a whole \
      with every bad line named, and nothing changes. Accepted rows are written to \
      paper-artifacts/ingested/<name>.csv and the database is rebuilt. --new-suite ID --description TEXT \
      declares a grid of your own (averaged accuracy), which repro fit --suite ID then fits.
      """)

  @Argument(help: "The CSV or JSON Lines file.")
  var file: String

  @Option(help: "Name of the seed file to write, ingested/<name>.csv (default: the file's base name).")
  var name: String?

  @Option(help: "Input format: csv or jsonl (default: from the file extension).")
  var format: IngestFormat?

  @Flag(help: "Replace earlier ingested rows with the same configuration (published rows are never replaced).")
  var replace = false

  @Option(help: "Declare a new averaged suite (a grid of your own models) that the file's rows may name; needs --description.")
  var newSuite: String?

  @Option(help: "What the new suite's values average, kept in the seed file's header (with --new-suite).")
  var description: String?

  @Flag(help: "If another repro is running, stop at once instead of waiting for it.")
  var noWait = false

  func validate() throws {
    if (newSuite == nil) != (description == nil) {
      throw ValidationError("--new-suite and --description go together: a new suite needs an id and a description")
    }
  }

  func run() throws {
    let layout = try ProjectLayout.locate()
    let declared = newSuite.map { ResultIngest.NewSuite(id: SuiteID(rawValue: $0), description: description ?? "") }
    let report = try StoreWriting.run(layout, noWait: noWait) {
      try ResultIngest(layout: layout, replace: replace, newSuite: declared)
        .ingest(URL(fileURLWithPath: file), format: format, name: name)
    }
    print("ingested \(report.rows) row\(report.rows == 1 ? "" : "s") into paper-artifacts/\(report.seedFile); "
      + "rebuilt \(layout.databaseURL.lastPathComponent) (seed digest \(report.seedDigest))")
    for replaced in report.replaced { print("  replaced \(replaced)") }
    for removed in report.removedSeedFiles { print("  removed paper-artifacts/\(removed) (no rows left)") }
    print("figures that read these results are now stale: run ./repro all")
  }
}

extension IngestFormat: ExpressibleByArgument {}
