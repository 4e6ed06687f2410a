import Foundation
import Testing

/// A researcher's own grid: declared by `repro ingest --new-suite`, then fitted like the paper's.
@Suite("A new suite, end to end")
struct NewSuiteTests {
  /// A 4 × 4 grid from a known law, Y = 0.5·N^-0.1·V^-0.02 + 0.05, as average accuracies.
  static func grid(suite: String) -> String {
    var lines = ["suite,llm_params_billion,visual_tokens,metric,value,source_note"]
    for N in [1.0, 3, 9, 27] {
      for V in [1, 16, 64, 256] {
        let accuracy = 1 - (0.5 * pow(N, -0.1) * pow(Double(V), -0.02) + 0.05)
        lines.append("\(suite),\(N),\(V),avg_accuracy,\(accuracy),synthetic")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test("ingest declares it, the database keeps it, repro fit fits it on all its sizes")
  func declareAndFit() throws {
    try Executables.withScratchProject { root in
      let file = root.appendingPathComponent("toy.csv")
      try Self.grid(suite: "toy-grid").write(to: file, atomically: true, encoding: .utf8)
      let refused = try Executables.run("repro", ["ingest", file.path], in: root)
      #expect(refused.status != 0)
      #expect(refused.stderr.contains("unknown suite 'toy-grid'") && refused.stderr.contains("--new-suite"), "\(refused.stderr)")

      let ingest = try Executables.run(
        "repro", ["ingest", file.path, "--new-suite", "toy-grid", "--description", "Synthetic grid from a known law."], in: root)
      #expect(ingest.status == 0, "\(ingest.stderr)")
      let seed = try String(contentsOf: root.appendingPathComponent("paper-artifacts/ingested/toy.csv"), encoding: .utf8)
      #expect(seed.contains("# New suite: toy-grid: Synthetic grid from a known law.\n"))
      // The declaration lives in the seed file: a rebuild from the seeds alone keeps the suite.
      #expect(try Executables.run("repro", ["data", "rebuild"], in: root).status == 0)

      let fit = try Executables.run("repro", ["fit", "--suite", "toy-grid", "--method", "least-squares", "--json"], in: root)
      #expect(fit.status == 0, "\(fit.stderr)")
      #expect(fit.stderr.contains("no figure registers it") && fit.stderr.contains("N = 1, 3, 9, 27 B"), "\(fit.stderr)")
      let summary = try #require(JSONSerialization.jsonObject(with: Data(fit.stdout.utf8)) as? [String: Any])
      #expect(summary["observations"] as? Int == 16)
      #expect(abs((summary["alpha"] as? Double ?? 0) - 0.1) < 1e-6, "the known law's α")
      #expect(abs((summary["beta"] as? Double ?? 0) - 0.02) < 1e-6, "the known law's β")
      #expect(try Executables.run("repro", ["fit", "--suite", "toy-grid", "--form", "additive"], in: root).status == 0)

      // Declaring it again is refused; its rows need no declaration any more.
      let again = root.appendingPathComponent("more.csv")
      try "suite,llm_params_billion,visual_tokens,metric,value,source_note\ntoy-grid,81,1,avg_accuracy,0.6,more\n"
        .write(to: again, atomically: true, encoding: .utf8)
      let redeclared = try Executables.run(
        "repro", ["ingest", again.path, "--new-suite", "toy-grid", "--description", "again"], in: root)
      #expect(redeclared.status != 0 && redeclared.stderr.contains("already exists"), "\(redeclared.stderr)")
      #expect(try Executables.run("repro", ["ingest", again.path], in: root).status == 0)
    }
  }

  @Test("repro figure --suite draws the scaling-law figures for it, one-off, outside the lock; a table is refused")
  func figuresForTheSuite() throws {
    try Executables.withScratchProject { root in
      let file = root.appendingPathComponent("toy.csv")
      try Self.grid(suite: "toy-grid").write(to: file, atomically: true, encoding: .utf8)
      #expect(try Executables.run(
        "repro", ["ingest", file.path, "--new-suite", "toy-grid", "--description", "Synthetic."], in: root).status == 0)
      let lock = root.appendingPathComponent("Figures/repro.lock")
      let before = try? Data(contentsOf: lock)
      let run = try Executables.run("repro", ["figure", "1", "2", "4", "--suite", "toy-grid"], in: root)
      #expect(run.status == 0, "\(run.stderr)")
      for (name, file) in [("figure1", "figure1.gp"), ("figure2", "figure2.gp"), ("figure4", "figure4.gp")] {
        let url = root.appendingPathComponent("Figures/suites/toy-grid/\(name)/\(file)")
        let script = try String(contentsOf: url, encoding: .utf8)
        #expect(script.contains("results:toy-grid"), "\(name) reads the toy grid")
        #expect(run.stdout.contains("\(name) for toy-grid: Figures/suites/toy-grid/\(name)/"))
      }
      // Figure 2 predicts the largest size from the others: the known law, so a tiny error.
      let summary = try Data(contentsOf: root.appendingPathComponent("Figures/suites/toy-grid/figure2/summary.json"))
      let holdout = try #require((JSONSerialization.jsonObject(with: summary) as? [String: Any])?["extrapolation"] as? [String: Any])
      #expect((holdout["maxRelativeError"] as? Double).map { $0 < 1e-6 } == true, "\(holdout["maxRelativeError"] ?? "none")")
      #expect(holdout["predictedN"] as? Double == 27)
      #expect((try? Data(contentsOf: lock)) == before, "a one-off leaves the lock alone")

      let table = try Executables.run("repro", ["figure", "table1", "--suite", "toy-grid"], in: root)
      #expect(table.status != 0 && table.stderr.contains("cannot be drawn for another suite"), "\(table.stderr)")
      let unknown = try Executables.run("repro", ["figure", "1", "--suite", "nope"], in: root)
      #expect(unknown.status != 0 && unknown.stderr.contains("no grid named 'nope'"), "\(unknown.stderr)")
    }
  }

  @Test("a declaration that is not one, a taken id or an unknown --suite is refused with a reason")
  func refusals() throws {
    try Executables.withScratchProject { root in
      let file = root.appendingPathComponent("bad.csv")
      try ("# New suite: Bad Name: spaces are not allowed\n" + Self.grid(suite: "bad")).write(to: file, atomically: true, encoding: .utf8)
      let bad = try Executables.run("repro", ["ingest", file.path], in: root)
      #expect(bad.status != 0 && bad.stderr.contains("lowercase name"), "\(bad.stderr)")

      try Self.grid(suite: "ocr").write(to: file, atomically: true, encoding: .utf8)
      let taken = try Executables.run("repro", ["ingest", file.path, "--new-suite", "ocr", "--description", "mine"], in: root)
      #expect(taken.status != 0 && taken.stderr.contains("already exists"), "\(taken.stderr)")

      let half = try Executables.run("repro", ["ingest", file.path, "--new-suite", "x"], in: root)
      #expect(half.status != 0 && half.stderr.contains("go together"), "\(half.stderr)")

      let unknown = try Executables.run("repro", ["fit", "--suite", "nope"], in: root)
      #expect(unknown.status != 0 && unknown.stderr.contains("no grid named 'nope'") && unknown.stderr.contains("ocr, visual-reasoning"),
              "\(unknown.stderr)")
    }
  }
}
