import ArgumentParser
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

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func run() throws {
      let text = try ResultsDatabase.openReadOnly(try ProjectLayout.locate()).export(table: table, format: format)
      if let output {
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
      } else {
        print(text, terminator: "")
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

    func run() throws {
      let layout = try ProjectLayout.locate()
      try ResultsDatabase.rebuild(seedDirectory: layout.seedDirectory, database: layout.databaseURL)
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
