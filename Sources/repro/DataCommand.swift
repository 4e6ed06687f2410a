import ArgumentParser
import AtomicFiles
import Foundation
import ResultsStore

/// `repro data …`: list, export, describe, rebuild and verify `paper-artifacts/results.sqlite`.
///
/// Every subcommand finds the project from the current directory; every reader checks that the
/// database matches the seed CSVs first, so a stale database is reported, never read.
struct DataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data",
    abstract: "Inspect, export, rebuild and verify the results database built from paper-artifacts/*.csv.",
    subcommands: [List.self, Export.self, Schema.self, Rebuild.self, Verify.self])
}

extension DataCommand {
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the tables and their row counts.")

    func run() throws {
      let database = try ResultsDatabase.openReadOnly(try ProjectLayout.locate())
      for table in try database.tables() {
        print("\(table.name)\t\(table.rowCount)")
      }
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export one table as CSV or JSON.")

    @Argument(help: "The table to export (see `repro data list`).")
    var table: String

    @Option(help: "Output format: csv or json.")
    var format: ExportFormat = .csv

    @Option(help: "Write to this file (atomically) instead of standard output; never into paper-artifacts/ or Figures/.")
    var output: String?

    @Flag(help: "Replace --output if it exists.")
    var overwrite = false

    func run() throws {
      let layout = try ProjectLayout.locate()
      let destination = output.map { URL(fileURLWithPath: $0) }
      if let destination { try Self.check(destination, in: layout, overwrite: overwrite) }
      let text = try ResultsDatabase.openReadOnly(layout).export(table: table, format: format)
      if let destination {
        try AtomicFile.write(text, to: destination)
      } else {
        print(text, terminator: "")
      }
    }

    /// An export is a copy for reading elsewhere: it must not replace the project's inputs (a
    /// seed CSV, the database) or a tracked output, and replaces another file only when asked.
    static func check(_ destination: URL, in layout: ProjectLayout, overwrite: Bool) throws {
      if let folder = layout.managedFolder(containing: destination) {
        throw ValidationError(
          "--output \(destination.path) is inside \(folder)/, which only repro writes (the data's inputs, or the "
            + "figures the lock records): export elsewhere; to change the data, edit a seed CSV or use `./repro ingest`")
      }
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory) {
        guard !isDirectory.boolValue else { throw ValidationError("--output \(destination.path) is a folder: name a file") }
        guard overwrite else { throw ValidationError("--output \(destination.path) exists: pass --overwrite to replace it") }
      }
    }
  }

  struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the database schema as SQL.")

    func run() throws {
      print(try ResultsDatabase.openReadOnly(try ProjectLayout.locate()).schemaDescription(), terminator: "")
    }
  }

  struct Rebuild: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rebuild paper-artifacts/results.sqlite from the seed CSVs (atomically).")

    @Flag(help: "If another repro is running, stop at once instead of waiting for it.")
    var noWait = false

    func run() throws {
      let layout = try ProjectLayout.locate()
      try StoreWriting.run(layout, noWait: noWait) {
        try ResultsDatabase.rebuild(seedDirectory: layout.seedDirectory, database: layout.databaseURL)
      }
      let database = try ResultsDatabase.openReadOnly(layout)
      print("rebuilt \(layout.databaseURL.path) (seed digest \(database.seedDigest))")
      for table in try database.tables() {
        print("\(table.name)\t\(table.rowCount)")
      }
    }
  }

  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check that results.sqlite matches its seed CSVs and equals a fresh rebuild.")

    func run() throws {
      let layout = try ProjectLayout.locate()
      let database = try ResultsDatabase.openReadOnly(layout)
      try database.verifyMatchesRebuild(seedDirectory: layout.seedDirectory)
      print("ok: \(layout.databaseURL.path) matches its seed files (digest \(database.seedDigest)) and a fresh rebuild")
    }
  }
}

extension ExportFormat: ExpressibleByArgument {}
