import ArgumentParser
import AtomicFiles
import Foundation
import Gnuplot
import ResultValues
import ResultsStore
import ScalingLaw
import ExperimentRegistry

/// The context one experiment runs in: its registration, the results database (read-only), and
/// an output folder that appears all at once when the experiment succeeds.
///
/// An experiment executable is a single call to ``main(_:_:)``. Run standalone (`swift run
/// figure1`), outputs are written to a staging folder and swapped into `Figures/<executable>/`
/// only after everything succeeded, so a failure or Ctrl-C leaves the previous outputs intact.
/// Run by the driver (`--output DIR`), they are written into the driver's staging folder and the
/// driver does the swap. Either way the same bytes are written.
public final class ExperimentRun {
  public let experiment: Experiment
  public let layout: ProjectLayout
  /// The results database, opened read-only and verified against its seed files.
  public let results: ResultsDatabase
  /// Where this run writes; a staging folder until the run succeeds.
  public let outputDirectory: URL
  /// `--force`: re-measure rather than reuse cached measurements of this machine.
  public let force: Bool
  private let renderer: Result<GnuplotRenderer, GnuplotError>

  init(experiment: Experiment, layout: ProjectLayout, outputDirectory: URL, force: Bool = false) throws {
    self.experiment = experiment
    self.force = force
    self.layout = layout
    self.results = try ResultsDatabase.openReadOnly(layout)
    self.outputDirectory = outputDirectory
    self.renderer = Result { () throws(GnuplotError) in try GnuplotRenderer.locate() }
  }

  // MARK: Inputs (only what the registration declares)

  /// The observations of a suite's grid (Qwen-1.5 LLMs, TokenPacker), as N, V and error Y.
  public func observations(_ suite: SuiteID) throws -> [Observation] {
    try require(.results(suite: suite))
    return try results.observations(suite: suite)
  }

  /// The rows a registered fit reads: its suite's observations at its LLM sizes, each of which
  /// must be present (the paper fits on 0.5–7 B; rows ingested at other sizes, such as 14 B,
  /// must not silently enter a fit that stands for the paper's).
  public func observations(for fit: LawFitSettings) throws -> [Observation] {
    try fit.observations(from: observations(fit.suite))
  }

  /// How a figure's header names the rows a fit read: `results:ocr, N = 0.5, 1.8, 4, 7 B (28 rows)`.
  public func describe(_ suite: SuiteID, _ observations: [Observation]) -> String {
    let sizes = Set(observations.map(\.N)).sorted().map { String(format: "%g", $0) }
    return "results:\(suite.rawValue), N = \(sizes.joined(separator: ", ")) B (\(observations.count) rows)"
  }

  /// Every stored result of a suite, with its source.
  public func measurements(_ suite: SuiteID) throws -> [MeasuredResult] {
    try require(.results(suite: suite))
    return try results.measurements(suite: suite)
  }

  /// Table 1's cells.
  public func table1() throws -> [Table1Entry] {
    try require(.table1)
    return try results.table1()
  }

  /// The results of a suite that are means over several training seeds, when the registration
  /// declares them (the miniature grids); none otherwise, so the paper's figures draw no bars.
  public func seedSpreads(_ suite: SuiteID) throws -> [SeedSpread] {
    guard experiment.inputs.contains(.seedSpread(suite: suite)) else { return [] }
    return try results.seedSpreads(suite: suite)
  }

  /// Which held-out questions the models behind a suite's results answered correctly, when the
  /// registration declares them (a miniature grid's bootstrap); none otherwise.
  public func heldOutAnswers(_ suite: SuiteID) throws -> [HeldOutAnswers] {
    guard experiment.inputs.contains(.heldOutAnswers(suite: suite)) else { return [] }
    return try results.heldOutAnswers(suite: suite)
  }

  /// The known defects recorded for a suite's data.
  public func dataIssues(_ suite: SuiteID) throws -> [DataIssue] {
    try require(.dataIssues(suite: suite))
    return try results.dataIssues(suite: suite)
  }

  /// How an output names the data it was made from: ``ResultsStore/ResultsDatabase/readDigest``
  /// once every selection this experiment declares has been read (from the same connection its
  /// rows came from). It changes exactly when those rows do, so an incremental run and a forced
  /// one write the same bytes, and an output never names data it did not read.
  public func dataDigest() throws -> String {
    for selection in experiment.inputs { _ = try results.canonicalDump(selection) }
    return results.readDigest
  }

  private func require(_ selection: DataSelection) throws {
    guard experiment.inputs.contains(selection) else {
      throw NotebookError.undeclaredInput(experiment: experiment.target, selection: selection)
    }
  }

  // MARK: Settings

  /// The registration's settings, typed: the experiment's code reads every number from here, so
  /// registering the same code again with other settings (another suite) needs no copy of it.
  public func settings<S: ExperimentSettings>(_ type: S.Type = S.self) throws -> S {
    try experiment.settings(type)
  }

  /// A header line naming the registration when the code runs one other than its paper figure's
  /// (the miniature replication's `mini-figure1` runs `figure1`), so its outputs say what they show.
  public var registrationNote: [String] {
    experiment.target == experiment.executable ? [] : ["Registered as \(experiment.target): \(experiment.title)."]
  }

  // MARK: Outputs

  /// Writes a gnuplot script and, when gnuplot is available, its PNG, SVG and PDF renderings.
  public func write(_ script: GnuplotScript) throws {
    switch renderer {
    case .success(let renderer): try renderer.render(script, into: outputDirectory)
    case .failure: try script.write(into: outputDirectory)
    }
  }

  /// Writes a CSV table beside the figure.
  public func write(_ table: CSVTable, named name: String) throws {
    try write(text: table.text, named: name)
  }

  /// Writes a text file (Markdown, LaTeX, …) beside the figure.
  public func write(text: String, named name: String) throws {
    try AtomicFile.write(text, to: outputDirectory.appendingPathComponent(name))
  }

  /// Writes `fits.json` (``ResultValues/LawFits/fileName``): every fit this figure's claims are
  /// decided on, with its compared methods, bootstrap and variants, for the claims ledger to read.
  public func write(fits: [LawFits]) throws {
    try AtomicFile.write(Self.json(fits), to: outputDirectory.appendingPathComponent(LawFits.fileName))
  }

  /// Writes `summary.json`: the experiment's computed numbers at full precision, which the
  /// driver copies into the lock file and the claims ledger reads.
  func writeSummary(_ summary: some Encodable) throws {
    try AtomicFile.write(Self.json(summary), to: outputDirectory.appendingPathComponent("summary.json"))
  }

  /// Writes what the driver records as this target's data fingerprints: those of the rows the
  /// experiment actually read, which may differ from the ones the driver saw before starting it
  /// if someone changed the database meanwhile without taking the run lock.
  func writeDataRead(to url: URL) throws {
    try AtomicFile.write(Self.json(results.readFingerprints), to: url)
  }

  private static func json(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return try encoder.encode(value) + Data("\n".utf8)
  }
}

extension ExperimentRun {
  /// Command-line options every experiment executable accepts.
  struct Options: ParsableArguments {
    @Option(help: "Project root (default: found by walking up from the current directory).")
    var root: String?

    @Option(help: "Write outputs into this folder instead of Figures/<experiment>/ (used by the driver).")
    var output: String?

    @Option(help: "Run the registration with this target name instead of the executable's own (the same code registered again for another suite, e.g. mini-figure1; used by the driver).")
    var target: String?

    @Option(help: "Draw the figure for another grid of the database (e.g. one an ingest declared), into Figures/suites/<suite>/<experiment>/.")
    var suite: String?

    @Flag(help: "Re-measure instead of reusing cached measurements (experiments that time this machine).")
    var force = false

    @Option(help: "Write the fingerprint of every data selection read (JSON: selection id → SHA-256) to this file (used by the driver).")
    var reportData: String?

    @Flag(help: "Standard input is the driver's lifeline: when it closes, stop at once with every process this experiment started (used by the driver).")
    var exitWithDriver = false
  }

  /// Watches standard input, the driver's lifeline: it never writes to it, so a read returns
  /// only when the driver is gone (end of file, however it died, SIGKILL included). Then the
  /// gnuplot it runs is killed and this process ends: a dead driver leaves no orphan computing
  /// into a staging folder nobody will read.
  ///
  /// SIGTERM and SIGINT (how the driver stops a run it is abandoning, and Ctrl-C in a terminal)
  /// end the gnuplot the same way before this process exits with 128 + the signal.
  static func exitWithDriver() {
    for signal in [SIGTERM, SIGINT] {
      Foundation.signal(signal, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
      source.setEventHandler {
        GnuplotRenderer.killRunning()
        _exit(128 + signal)
      }
      source.resume()
      stopSignals.append(source)
    }
    let watcher = Thread {
      var byte: UInt8 = 0
      while read(STDIN_FILENO, &byte, 1) > 0 {}
      GnuplotRenderer.killRunning()
      _exit(137)
    }
    watcher.start()
  }

  /// The signal sources `exitWithDriver` installs, kept alive for the life of the process (set
  /// once, on the main thread, before any other thread starts).
  nonisolated(unsafe) private static var stopSignals: [any DispatchSourceSignal] = []

  /// The registration whose target is `name`, which must run `experiment`'s executable.
  static func registration(named name: String, of experiment: Experiment) throws -> Experiment {
    guard let registered = Experiment.all.first(where: { $0.target == name }), registered.executable == experiment.executable else {
      throw NotebookError.unknownTarget(
        name: name, executable: experiment.executable,
        known: Experiment.all.filter { $0.executable == experiment.executable }.map(\.target))
    }
    return registered
  }

  /// `experiment` drawn for `suite`: fitted as a grid no figure registers is (every size it has,
  /// the figures' method in Figure 3b's wide box), refused if the database has no such grid.
  static func retargeted(_ experiment: Experiment, to suite: SuiteID, layout: ProjectLayout) throws -> Experiment {
    let database = try ResultsDatabase.openReadOnly(layout)
    try database.requireGrid(suite)
    let sizes = Set(try database.observations(suite: suite).map(\.N)).sorted()
    return try experiment.retargeted(to: suite, fit: Experiment.unregisteredFit(of: suite, sizesBillion: sizes))
  }

  /// Runs an experiment: `body` computes and writes the outputs and returns the summary.
  ///
  /// Exit status: 0 on success; 1 with the error on standard error if anything failed (nothing
  /// is replaced); 3 when everything was written but gnuplot is missing, so the images were not
  /// rendered (the message says how to install it and render later).
  public static func main(_ experiment: Experiment, _ body: (ExperimentRun) throws -> some Encodable) -> Never {
    let options = Options.parseOrExit()
    if options.exitWithDriver { exitWithDriver() }
    var staging: URL?
    do {
      let layout = try options.root.map { ProjectLayout(root: URL(fileURLWithPath: $0)) } ?? ProjectLayout.locate()
      let registered = try options.target.map { try registration(named: $0, of: experiment) } ?? experiment
      let experiment = try options.suite.map { try retargeted(registered, to: SuiteID(rawValue: $0), layout: layout) } ?? registered
      let destination = layout.figuresDirectory.appendingPathComponent(experiment.outputFolder)
      try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
      let directory: URL
      if let output = options.output {
        directory = URL(fileURLWithPath: output)
      } else {
        let stagingRoot = layout.figuresDirectory.appendingPathComponent(".staging")
        directory = stagingRoot.appendingPathComponent("\(experiment.outputFolder).\(ProcessInfo.processInfo.processIdentifier)")
        staging = directory
      }
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let run = try ExperimentRun(experiment: experiment, layout: layout, outputDirectory: directory, force: options.force)
      try run.writeSummary(try body(run))
      if let reportData = options.reportData { try run.writeDataRead(to: URL(fileURLWithPath: reportData)) }
      if let staging { try AtomicFile.replaceDirectory(destination, with: staging) }
      if case .failure(let missing) = run.renderer {
        FileHandle.standardError.write(Data("warning: \(experiment.target): \(NotebookError.imagesNotRendered(reason: missing.description))\n".utf8))
        exit(3)
      }
      exit(0)
    } catch {
      if let staging { try? FileManager.default.removeItem(at: staging) }
      FileHandle.standardError.write(Data("error: \(experiment.target): \(error)\n".utf8))
      exit(1)
    }
  }
}
