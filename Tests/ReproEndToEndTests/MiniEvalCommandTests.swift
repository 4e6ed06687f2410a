import Foundation
import Testing

@Suite("repro mini eval and bench mini, end to end")
struct MiniEvalCommandTests {
  static let fixtures = Executables.repositoryRoot.appendingPathComponent("Tests/MiniVLMTests/Fixtures")

  @Test("bench mini times the fixture and says plainly when PyTorch is unavailable")
  func benchWithoutTorch() throws {
    let run = try Executables.run("repro", ["bench", "mini", "--batch", "4", "--repeats", "3", "--python", "/nonexistent/python"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("image to answer") && run.stdout.contains("PyTorch reference not run"))
    #expect(try Executables.run("repro", ["bench", "mini", "--batch", "0"]).status != 0)
  }

  @Test("mini eval refuses missing files and data with a message that names the fix")
  func evalErrors() throws {
    let missing = try Executables.run("repro", ["mini", "eval", "/nonexistent/cell.safetensors"])
    #expect(missing.status != 0 && missing.stderr.contains("cannot read /nonexistent/cell.safetensors"))
    try Executables.withTemporaryDirectory { directory in
      let noData = try Executables.run(
        "repro", ["mini", "eval", Self.fixtures.appendingPathComponent("quecc.safetensors").path, "--data", directory.path])
      #expect(noData.status != 0 && noData.stderr.contains("repro mini data"), "\(noData.stderr)")
      let tower = try Executables.run(
        "repro", ["mini", "eval", Self.fixtures.appendingPathComponent("quecc.safetensors").path,
                  "--tower", Self.fixtures.appendingPathComponent("pool.safetensors").path])
      #expect(tower.status != 0 && tower.stderr.contains("SHA-256"), "\(tower.stderr)")
    }
  }
}
