import Foundation
import Testing

/// Issue 11: values and files a hostile user typed, each answered with a clear error and a
/// non-zero exit, never a trap, a giant allocation or a silent wrong answer.
@Suite("hostile input, end to end")
struct HostileInputTests {
  struct Refusal: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  /// Item 2 (counts a user can type) and item 12 (the smaller ones).
  static let refusals: [Refusal] = [
    Refusal(arguments: ["infer", "--new-tokens", "9223372036854775807"], message: "--new-tokens must be in 1…2048"),
    Refusal(arguments: ["infer", "--new-tokens", "100000000"], message: "--new-tokens must be in 1…2048"),
    Refusal(arguments: ["infer", "--new-tokens", "0"], message: "--new-tokens must be in 1…2048"),
    Refusal(arguments: ["infer", "--question", String(repeating: "q", count: 100_000)], message: "at most 2048 are supported"),
    Refusal(arguments: ["fit", "--bootstrap", "9223372036854775807"], message: "--bootstrap must be 0 (none) or in 20…10000"),
    Refusal(arguments: ["fit", "--bootstrap", "100000000"], message: "--bootstrap must be 0 (none) or in 20…10000"),
    Refusal(arguments: ["fit", "--bootstrap", "1"], message: "--bootstrap must be 0 (none) or in 20…10000"),
    Refusal(arguments: ["fit", "--bootstrap=-3"], message: "--bootstrap must be 0 (none) or in 20…10000"),
    Refusal(arguments: ["extrapolate", "--bootstrap", "9223372036854775807"], message: "--bootstrap must be 0 (none)"),
    Refusal(arguments: ["extrapolate", "--predict", "inf"], message: "--predict must be a number"),
    Refusal(arguments: ["extrapolate", "--fit-sizes", "0.5,inf"], message: "--fit-sizes takes positive numbers"),
    Refusal(arguments: ["all", "-j", "0"], message: "--jobs must be in 1…64"),
    Refusal(arguments: ["all", "-j", "9223372036854775807"], message: "--jobs must be in 1…64"),
    Refusal(arguments: ["bench", "fit", "--repeats", "9223372036854775807"], message: "--repeats must be in 1…100"),
    Refusal(arguments: ["bench", "infer", "--tokens", "10000000"], message: "--tokens must be in 1…4096"),
    Refusal(arguments: ["fit", "--text-tokens=-5"], message: "--text-tokens must be a number in 0…10000"),
    Refusal(arguments: ["fit", "--text-tokens", "nan"], message: "--text-tokens must be a number in 0…10000"),
    Refusal(arguments: ["fit", "--exclude-sizes", "99"], message: "figure1's visual-reasoning fit has no LLM of that size (sizes: 0.5, 1.8, 4, 7 B)"),
    Refusal(arguments: ["fit", "--suite", "nope"], message: "visual-reasoning"),
    Refusal(arguments: ["fit", "--exclude-sizes", "0.5,1.8,4"], message: "alpha cannot be fitted"),
  ]

  @Test(arguments: refusals)
  func isRefusedWithAMessage(_ refusal: Refusal) throws {
    let run = try Executables.run("repro", refusal.arguments)
    #expect(run.status != 0 && run.status < 128, "exit \(run.status) (a signal is a crash)")
    #expect(run.stderr.contains(refusal.message), "\(run.stderr)")
  }

  @Test("--suite lists the suites a law can be fitted to")
  func unknownSuiteListsTheChoices() throws {
    let run = try Executables.run("repro", ["fit", "--suite", "nope"])
    #expect(run.stderr.contains("visual-reasoning") && run.stderr.contains("ocr"), "\(run.stderr)")
  }

  /// Item 12: test runs left `repro-e2e-*` folders in the temporary directory.
  @Test("temporary folders of the tests are removed, even when the test throws")
  func temporaryFoldersAreRemoved() throws {
    struct Stop: Error {}
    var seen: URL?
    #expect(throws: Stop.self) {
      try Executables.withScratchProject { root in
          seen = root
          #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("paper-artifacts/results.sqlite").path))
          throw Stop()
      }
    }
    let root = try #require(seen)
    #expect(!FileManager.default.fileExists(atPath: root.path))
  }

  /// Item 5: `data export --output` wrote over the project's inputs without a word.
  @Test("data export refuses to write over the project's inputs or an existing file")
  func exportProtectsInputs() throws {
    try Executables.withScratchProject { root in
      let seeds = root.appendingPathComponent("paper-artifacts")
      let before = try Executables.files(in: seeds)
      for target in ["paper-artifacts/results.sqlite", "paper-artifacts/visual_reasoning_avg_accuracy.csv", "paper-artifacts/ingested/x.csv", "Figures/figure1/figure1.csv"] {
        for extra in [[], ["--overwrite"]] {
          let run = try Executables.run("repro", ["data", "export", "result", "--output", target] + extra, in: root)
          #expect(run.status != 0)
          #expect(run.stderr.contains("which only repro writes"), "\(run.stderr)")
        }
      }
      #expect(try Executables.files(in: seeds) == before)

      let elsewhere = root.appendingPathComponent("result.csv")
      try Data("mine\n".utf8).write(to: elsewhere)
      let refused = try Executables.run("repro", ["data", "export", "result", "--output", elsewhere.path], in: root)
      #expect(refused.status != 0 && refused.stderr.contains("exists: pass --overwrite"), "\(refused.stderr)")
      #expect(try String(contentsOf: elsewhere, encoding: .utf8) == "mine\n")
      let replaced = try Executables.run("repro", ["data", "export", "result", "--output", elsewhere.path, "--overwrite"], in: root)
      #expect(replaced.status == 0, "\(replaced.stderr)")
      #expect(try String(contentsOf: elsewhere, encoding: .utf8).hasPrefix("id,suiteId,"))

      // Item 12: a folder that does not exist is named with the system's reason, not an NSError dump.
      let missing = try Executables.run("repro", ["data", "export", "result", "--output", "/nonexistent/dir/r.csv"], in: root)
      #expect(missing.status != 0)
      #expect(missing.stderr.contains("cannot write /nonexistent/dir/r.csv: No such file or directory"), "\(missing.stderr)")
      #expect(!missing.stderr.contains("NSCocoaErrorDomain"))
    }
  }

  /// Items 3 and 12: a database SQLite cannot read is named with its path and the fix.
  @Test("an unreadable database is named with its path and the fix")
  func unreadableDatabase() throws {
    try Executables.withScratchProject { root in
      let database = root.appendingPathComponent("paper-artifacts/results.sqlite")
      try FileManager.default.removeItem(at: database)
      try FileManager.default.createDirectory(at: database, withIntermediateDirectories: true)
      for arguments in [["fit"], ["data", "verify"], ["verify"]] {
        let run = try Executables.run("repro", arguments, in: root)
        #expect(run.status != 0)
        #expect(run.stderr.contains(database.path) && run.stderr.contains("./repro data rebuild"), "\(arguments): \(run.stderr)")
        #expect(!run.stderr.contains("SQLite error"), "\(run.stderr)")
      }
    }
  }
}
