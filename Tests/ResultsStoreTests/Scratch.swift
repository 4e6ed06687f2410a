import Foundation
import ResultsStore
import Testing

/// The project this test file lives in.
func projectLayout() throws -> ProjectLayout {
  try ProjectLayout.locate(from: URL(fileURLWithPath: #filePath))
}

/// The paper's three seed CSVs.
let paperSeedNames = [
  "ocr_avg_accuracy.csv", "table1_token_compression_vicuna7b.csv", "visual_reasoning_avg_accuracy.csv",
]

/// A throwaway project folder with a copy of the seed CSVs, removed when the test ends.
final class Scratch {
  let root: URL
  var seedDirectory: URL { root.appendingPathComponent("paper-artifacts", isDirectory: true) }
  var databaseURL: URL { seedDirectory.appendingPathComponent("results.sqlite") }

  init() throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("results-store-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let seeds = try projectLayout().seedDirectory
    try FileManager.default.createDirectory(at: seedDirectory, withIntermediateDirectories: true)
    for name in paperSeedNames {
      try write(try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8), to: name)
    }
  }

  deinit {
    try? FileManager.default.removeItem(at: root)
  }

  func read(_ relativePath: String) throws -> String {
    try String(contentsOf: seedDirectory.appendingPathComponent(relativePath), encoding: .utf8)
  }

  func write(_ text: String, to relativePath: String) throws {
    let url = seedDirectory.appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? FileManager.default.removeItem(at: url)
    try Data(text.utf8).write(to: url)
  }

  /// Replaces the line `old` of a seed file with `new`; returns its 1-based line number.
  @discardableResult
  func replaceLine(_ old: String, with new: String, in relativePath: String) throws -> Int {
    var lines = try read(relativePath).components(separatedBy: "\n")
    let index = try #require(lines.firstIndex(of: old))
    lines[index] = new
    try write(lines.joined(separator: "\n"), to: relativePath)
    return index + 1
  }

  /// The names in the seed directory, to check that a failed build left nothing behind.
  func seedDirectoryEntries() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: seedDirectory.path).sorted()
  }

  func rebuild() throws {
    try ResultsDatabase.rebuild(seedDirectory: seedDirectory, database: databaseURL)
  }

  func open() throws -> ResultsDatabase {
    try ResultsDatabase.openReadOnly(databaseURL, seedDirectory: seedDirectory)
  }
}
