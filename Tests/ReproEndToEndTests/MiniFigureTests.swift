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
    for name in ["summary.json", "figure1.gp", "figure1.csv"] {
      #expect(FileManager.default.contents(atPath: output.appendingPathComponent(name).path)
        == FileManager.default.contents(atPath: committed.appendingPathComponent(name).path), "\(name)")
    }
    let wrong = try Executables.run("figure1", ["--target", "mini-figure2", "--output", output.path])
    #expect(wrong.status == 1)
    #expect(wrong.stderr.contains("no registration 'mini-figure2' runs figure1; its targets are figure1, mini-figure1"))
  }

  @Test("a one-off drawing of another suite is refused for a registration that has its own")
  func variantIsNotRetargeted() throws {
    let run = try Executables.run("repro", ["figure", "mini-1", "--suite", "ocr"])
    #expect(run.status != 0)
    #expect(run.stderr.contains("repro figure figure1 --suite ocr"))
  }
}
