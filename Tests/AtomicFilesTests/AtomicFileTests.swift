import AtomicFiles
import Foundation
import Testing

@Suite("Atomic files")
struct AtomicFileTests {
  let directory: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  @Test("a write replaces the file and leaves no temporary behind")
  func writeReplaces() throws {
    let file = directory.appendingPathComponent("out.txt")
    try AtomicFile.write("old", to: file)
    try AtomicFile.write("new", to: file)
    #expect(try String(contentsOf: file, encoding: .utf8) == "new")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.txt"])
  }

  @Test("a failed write leaves the old file intact")
  func failedWriteKeepsOld() throws {
    let file = directory.appendingPathComponent("out.txt")
    try AtomicFile.write("old", to: file)
    let missing = directory.appendingPathComponent("no-such-dir/out.txt")
    #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("new", to: missing) }
    #expect(try String(contentsOf: file, encoding: .utf8) == "old")
  }

  @Test("a staged directory replaces the old one whole")
  func replaceDirectory() throws {
    let target = directory.appendingPathComponent("figure")
    let staged = directory.appendingPathComponent("staged")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    try AtomicFile.write("stale", to: target.appendingPathComponent("stale.txt"))
    try FileManager.default.createDirectory(at: staged, withIntermediateDirectories: true)
    try AtomicFile.write("fresh", to: staged.appendingPathComponent("fresh.txt"))
    try AtomicFile.replaceDirectory(target, with: staged)
    #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["fresh.txt"])
    #expect(!FileManager.default.fileExists(atPath: staged.path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["figure"])
  }
}
