import Foundation
import Testing

/// Runs the built executables (`repro`, `figure1`, …) as a user would, from the products folder
/// the test bundle sits in.
enum Executables {
  static let productsDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let gnuplotAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/gnuplot")

  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(_ name: String, _ arguments: [String], in directory: URL = repositoryRoot, environment: [String: String] = [:]) throws -> Outcome {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent(name)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let (out, err) = (Pipe(), Pipe())
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// Runs `body` with a fresh folder in the temporary directory, removed afterwards whatever
  /// happens (issue 11: test runs left `repro-e2e-*` folders behind). The only way tests get
  /// one, so none can leak.
  static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("repro-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
  }

  /// Runs `body` with a throwaway project root holding a copy of paper-artifacts/, for tests
  /// that break things; removed afterwards.
  static func withScratchProject<T>(_ body: (URL) throws -> T) throws -> T {
    try withTemporaryDirectory { root in
      try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("paper-artifacts"), to: root.appendingPathComponent("paper-artifacts"))
      return try body(root)
    }
  }

  /// The regular files directly in `directory` (sub-folders such as paper-artifacts/mini/ are
  /// not descended into), by name.
  static func files(in directory: URL) throws -> [String: Data] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { name in
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory)
      return !isDirectory.boolValue
    }
    return Dictionary(uniqueKeysWithValues: try names.map { ($0, try Data(contentsOf: directory.appendingPathComponent($0))) })
  }
}
