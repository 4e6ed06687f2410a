import Foundation
import Testing

/// A researcher's own grid: declared by `repro ingest --new-suite`, then fitted like the paper's.
@Suite("A new suite, end to end")
struct NewSuiteTests {
  /// A 3 × 4 grid from a known law, Y = 0.5·N^-0.1·V^-0.02 + 0.05, as average accuracies.
  static func grid(suite: String) -> String {
    var lines = ["suite,llm_params_billion,visual_tokens,metric,value,source_note"]
    for N in [1.0, 3, 9] {
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
      #expect(fit.stderr.contains("no figure registers it") && fit.stderr.contains("N = 1, 3, 9 B"), "\(fit.stderr)")
      let summary = try #require(JSONSerialization.jsonObject(with: Data(fit.stdout.utf8)) as? [String: Any])
      #expect(summary["observations"] as? Int == 12)
      #expect(abs((summary["alpha"] as? Double ?? 0) - 0.1) < 1e-6, "the known law's α")
      #expect(abs((summary["beta"] as? Double ?? 0) - 0.02) < 1e-6, "the known law's β")
      #expect(try Executables.run("repro", ["fit", "--suite", "toy-grid", "--form", "additive"], in: root).status == 0)

      // Declaring it again is refused; its rows need no declaration any more.
      let again = root.appendingPathComponent("more.csv")
      try "suite,llm_params_billion,visual_tokens,metric,value,source_note\ntoy-grid,27,1,avg_accuracy,0.6,more\n"
        .write(to: again, atomically: true, encoding: .utf8)
      let redeclared = try Executables.run(
        "repro", ["ingest", again.path, "--new-suite", "toy-grid", "--description", "again"], in: root)
      #expect(redeclared.status != 0 && redeclared.stderr.contains("already exists"), "\(redeclared.stderr)")
      #expect(try Executables.run("repro", ["ingest", again.path], in: root).status == 0)
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
