import Foundation
import Testing

/// A miniature figure is the paper figure's executable running another registration.
@Suite("Mini figures")
struct MiniFigureTests {
  @Test("figure1 --target mini-figure1 reproduces the committed Mini Figure 1; an unknown target is refused")
  func variantThroughItsExecutable() throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("mini-figure1-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    let run = try Executables.run("figure1", ["--target", "mini-figure1", "--output", output.path])
    #expect(run.status == 0 || run.status == 3, "3: gnuplot missing, outputs still written; \(run.stderr)")
    let committed = Executables.repositoryRoot.appendingPathComponent("Figures/mini-figure1")
    for name in ["summary.json", "fits.json", "figure1.gp", "figure1.csv"] {
      #expect(FileManager.default.contents(atPath: output.appendingPathComponent(name).path)
        == FileManager.default.contents(atPath: committed.appendingPathComponent(name).path), "\(name)")
    }
    let wrong = try Executables.run("figure1", ["--target", "mini-figure2", "--output", output.path])
    #expect(wrong.status == 1)
    #expect(wrong.stderr.contains("no registration 'mini-figure2' runs figure1; its targets are figure1, mini-figure1, mini-figure3b"))
  }

  /// Each figure drawn on models trained here (and mini-cost, from its committed timings) writes
  /// the committed script and summary again, byte for byte.
  @Test("the other mini figures reproduce their committed outputs", arguments: [
    ("figure3a", "mini-figure3a", ["summary.json", "figure3a.gp", "figure3a.csv"]),
    ("figure1", "mini-figure3b", ["summary.json", "fits.json", "figure1.gp", "figure1.csv"]),
    ("figure2", "mini-figure2", ["summary.json", "fits.json", "figure2.gp", "figure2.csv"]),
    ("figure4", "mini-figure4", ["summary.json", "figure4.gp", "figure4.csv"]),
    ("figure5", "figure5", ["summary.json", "fits.json", "figure5.gp"]),
    ("table1", "mini-table1", ["summary.json", "table1.gp", "table1.md", "table1.tex"]),
    ("mini-cost", "mini-cost", ["summary.json", "findings.md", "inference-cost-time-vs-flops.gp"]),
  ])
  func reproducesCommitted(executable: String, target: String, files: [String]) throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(target)-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    let arguments = (target == executable ? [] : ["--target", target]) + ["--output", output.path]
    let run = try Executables.run(executable, arguments)
    #expect(run.status == 0 || run.status == 3, "3: gnuplot missing, outputs still written; \(run.stderr)")
    #expect(!run.stdout.contains("timing"), "mini-cost redraws from its cache")
    let committed = Executables.repositoryRoot.appendingPathComponent("Figures/\(target)")
    for name in files {
      #expect(FileManager.default.contents(atPath: output.appendingPathComponent(name).path)
        == FileManager.default.contents(atPath: committed.appendingPathComponent(name).path), "\(target)/\(name)")
    }
  }

  @Test("a one-off drawing of another suite is refused for a registration that has its own")
  func variantIsNotRetargeted() throws {
    let run = try Executables.run("repro", ["figure", "mini-1", "--suite", "ocr"])
    #expect(run.status != 0)
    #expect(run.stderr.contains("repro figure figure1 --suite ocr"))
  }
}
