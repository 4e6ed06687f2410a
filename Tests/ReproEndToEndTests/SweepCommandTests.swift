import Foundation
import Testing

/// `repro sweep` as a user types it: a local run, status, a dry-run submission, and the errors
/// for bad input (exit 64 for a bad option, 1 for a bad sweep file).
struct SweepCommandTests {
  static let toyCell = Executables.repositoryRoot.appendingPathComponent("Tests/SweepTests/Fixtures/toy-cell.sh")

  func sweep(in folder: URL, extra: String = "") throws -> String {
    let text = """
      {
        "name": "toy", "command": ["sh", "\(Self.toyCell.path)", "{cell}", "{rounds}", "{out}"],
        "results": "cells", "outputs": ["result.txt", "record.json"],
        "digests": {"record": "record.json", "field": "sha256"},\(extra)
        "cells": [{"name": "a", "parameters": {"rounds": "3"}}, {"name": "b", "parameters": {"rounds": "4"}}]
      }
      """
    let file = folder.appendingPathComponent("sweep.json")
    try Data(text.utf8).write(to: file)
    return file.path
  }

  @Test func aLocalRunThenStatusThenNothingToSubmit() throws {
    try Executables.withTemporaryDirectory { folder in
      let file = try sweep(in: folder)
      let before = try Executables.run("repro", ["sweep", "status", file])
      #expect(before.status == 0)
      #expect(before.stdout.hasSuffix("2 missing\n"), "\(before.stdout)")
      let run = try Executables.run("repro", ["sweep", "run", file, "-j", "2"])
      #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
      #expect(run.stdout.contains("built a") && run.stdout.contains("built b") && run.stdout.contains("2 complete in"))
      #expect(try Executables.run("repro", ["sweep", "status", file]).stdout == "2 complete\n")
      let submit = try Executables.run("repro", ["sweep", "submit", file, "--dry-run"])
      #expect(submit.stdout == "nothing to submit: 2 complete\n")
      let collect = try Executables.run("repro", ["sweep", "collect", file])
      #expect(collect.status == 0 && collect.stdout == "2 complete\n")
    }
  }

  @Test func aDryRunShowsTheScriptAndWritesNothing() throws {
    try Executables.withTemporaryDirectory { folder in
      let file = try sweep(in: folder)
      let submit = try Executables.run("repro", ["sweep", "submit", file, "--dry-run", "--partition", "cpu", "--time", "10", "--mem", "1G"])
      #expect(submit.status == 0)
      #expect(submit.stdout.contains("#SBATCH --array=0-1\n#SBATCH --output="))
      #expect(submit.stdout.contains("#SBATCH --partition=cpu\n#SBATCH --time=10\n#SBATCH --mem=1G\n"))
      #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("cells").path))
    }
  }

  @Test func badCountsAndBadFilesAreErrorsThatSayWhy() throws {
    try Executables.withTemporaryDirectory { folder in
      let file = try sweep(in: folder)
      let jobs = try Executables.run("repro", ["sweep", "run", file, "-j", "0"])
      #expect(jobs.status == 64 && jobs.stderr.contains("--jobs must be 1…256"))
      let cpus = try Executables.run("repro", ["sweep", "submit", file, "--cpus-per-task", "2000"])
      #expect(cpus.status == 64 && cpus.stderr.contains("1…1024"))
      let wait = try Executables.run("repro", ["sweep", "collect", file, "--wait", "0"])
      #expect(wait.status == 64 && wait.stderr.contains("--wait must be 1…604800"))
      let misspelt = try sweep(in: folder, extra: "\n  \"slurm\": {\"partiton\": \"cpu\"},")
      let bad = try Executables.run("repro", ["sweep", "status", misspelt])
      #expect(bad.status == 1 && bad.stderr.contains("unknown key 'partiton'"), "\(bad.stderr)")
    }
  }
}
