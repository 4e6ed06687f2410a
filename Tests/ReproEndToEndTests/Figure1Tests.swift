import Foundation
import GoldenFiles
import Testing

@Suite("Figure 1, end to end")
struct Figure1Tests {
  @Test("the Figure 1 script matches its golden file")
  func goldenScript() throws {
    try Executables.withTemporaryDirectory { output in
      let run = try Executables.run("figure1", ["--output", output.path], environment: ["GNUPLOT": "/nonexistent"])
      #expect(run.status == 3, "without gnuplot the figure writes its scripts and exits 3: \(run.stderr)")
      #expect(run.stderr.contains("gnuplot-nox"))
      try Golden.expect(String(contentsOf: output.appendingPathComponent("figure1.gp"), encoding: .utf8), matches: "figure1.gp")
      let summary = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("summary.json"))) as? [String: Any])
      let fit = try #require(summary["fit"] as? [String: Any])
      #expect(fit["method"] as? String == "least-squares")
      #expect(try #require(fit["alpha"] as? Double) > 0.06)
    }
  }

  @Test("two runs write byte-identical scripts, data and images", .enabled(if: Executables.gnuplotAvailable))
  func deterministic() throws {
    try Executables.withTemporaryDirectory { first in try Executables.withTemporaryDirectory { second in
      #expect(try Executables.run("figure1", ["--output", first.path]).status == 0)
      #expect(try Executables.run("figure1", ["--output", second.path]).status == 0)
      let files = try Executables.files(in: first)
      #expect(Set(files.keys) == ["figure1.gp", "figure1.csv", "figure1.png", "figure1.svg", "figure1.pdf", "summary.json", "fits.json"])
      #expect(files == (try Executables.files(in: second)))
      #expect(files["figure1.png"]!.prefix(4) == Data([0x89, 0x50, 0x4e, 0x47]))
    } }
  }

  @Test("a corrupt database is a clear error and replaces no output")
  func corruptDatabase() throws {
    try Executables.withScratchProject { root in
      try Data("this is not SQLite".utf8).write(to: root.appendingPathComponent("paper-artifacts/results.sqlite"))
      let run = try Executables.run("figure1", ["--root", root.path])
      #expect(run.status == 1)
      #expect(run.stderr.contains("results.sqlite"))
      let figures = root.appendingPathComponent("Figures/figure1")
      #expect(!FileManager.default.fileExists(atPath: figures.path))
      let staging = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Figures/.staging").path)) ?? []
      #expect(staging.isEmpty)
    }
  }

  @Test("a database that disagrees with its seed files is refused")
  func staleDatabase() throws {
    try Executables.withScratchProject { root in
      let seed = root.appendingPathComponent("paper-artifacts/visual_reasoning_avg_accuracy.csv")
      let edited = try String(contentsOf: seed, encoding: .utf8).replacingOccurrences(of: "0.5,1,0.3855", with: "0.5,1,0.3856")
      try edited.write(to: seed, atomically: true, encoding: .utf8)
      let run = try Executables.run("figure1", ["--root", root.path])
      #expect(run.status == 1)
      #expect(run.stderr.contains("rebuild"))
    }
  }

  @Test("a malformed seed row is rejected by a rebuild, which leaves the old database in place")
  func malformedSeed() throws {
    try Executables.withScratchProject { root in
      let database = root.appendingPathComponent("paper-artifacts/results.sqlite")
      let before = try Data(contentsOf: database)
      let seed = root.appendingPathComponent("paper-artifacts/visual_reasoning_avg_accuracy.csv")
      let edited = try String(contentsOf: seed, encoding: .utf8).replacingOccurrences(of: "0.5,4,0.3917", with: "0.5,4,nan")
      try edited.write(to: seed, atomically: true, encoding: .utf8)
      let run = try Executables.run("repro", ["data", "rebuild"], in: root)
      #expect(run.status != 0)
      #expect(run.stderr.contains("visual_reasoning_avg_accuracy.csv"))
      #expect(try Data(contentsOf: database) == before)
    }
  }
}
