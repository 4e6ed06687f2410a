import Foundation
import Testing

/// Issue 11, item 11: the README's two commands, `./repro all` and `./repro test`, share one
/// release build. `swift test` plans a build of its own (it adds testability flags, so every
/// module's compile command differs and everything recompiled: 3 min 10 s, then 2 min 42 s back),
/// so the script builds the tests with `swift build --build-tests` and the flags `all` uses, and
/// runs them with `swift test --skip-build`. Timings of the two alternated: see the issue's note.
@Suite("the repro script")
struct ReproScriptTests {
  static func script() throws -> String {
    try String(contentsOf: Executables.repositoryRoot.appendingPathComponent("repro"), encoding: .utf8)
  }

  @Test("./repro test builds with swift build and the flags of ./repro all, then runs without building")
  func oneBuildServesBoth() throws {
    let script = try Self.script()
    #expect(script.contains(#"swift build "${BUILD_FLAGS[@]}" "$@" 2>&1 | show_progress"#))
    let test = try #require(script.range(of: "  test)\n"))
    let branch = String(script[test.upperBound...].prefix { $0 != ";" })
    #expect(branch.contains("build --build-tests\n"), "\(branch)")
    #expect(branch.contains(#"exec swift test --skip-build "${BUILD_FLAGS[@]}" "$@""#), "\(branch)")
    #expect(!script.contains(#"exec swift test "${BUILD_FLAGS[@]}""#))
  }

  /// Feeds the script's progress filter (piped, not a terminal) what `swift build` prints, in
  /// batches `pause` seconds apart, with a line at most every `every` seconds; returns what it showed.
  func progress(_ batches: [[String]], every: Int, pause: Double) throws -> (shown: [String], log: String) {
    let script = try Self.script()
    let start = try #require(script.range(of: "show_progress() {"))
    let end = try #require(script.range(of: "\n}\n", range: start.upperBound..<script.endIndex))
    let function = String(script[start.lowerBound..<end.upperBound])
    return try Executables.withTemporaryDirectory { folder in
      let log = folder.appendingPathComponent("log")
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      process.arguments = ["-c", function + "show_progress \"$1\"", "bash", log.path]
      process.environment = ["REPRO_PROGRESS_SECONDS": "\(every)", "PATH": "/usr/bin:/bin"]
      let (stdin, stderr) = (Pipe(), Pipe())
      process.standardInput = stdin
      process.standardError = stderr
      try process.run()
      for (index, batch) in batches.enumerated() {
        if index > 0 { Thread.sleep(forTimeInterval: pause) }
        stdin.fileHandleForWriting.write(Data(batch.map { $0 + "\n" }.joined().utf8))
      }
      try stdin.fileHandleForWriting.close()
      let shown = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
      return (shown.split(separator: "\n").map(String.init), try String(contentsOf: log, encoding: .utf8))
    }
  }

  @Test("a build shows its progress instead of minutes of silence")
  func progressIsShown() throws {
    let steps = (1...40).map { "[\($0)/40] Compiling Module\($0) File.swift" }
    let (shown, log) = try progress([steps + ["Build complete!"]], every: 0, pause: 0)
    #expect(shown.count == 40, "with no minimum interval, every step: \(shown)")
    #expect(shown.first?.hasSuffix("[1/40] Compiling Module1 File.swift") == true)
    #expect(log == (steps + ["Build complete!"]).map { $0 + "\n" }.joined(), "the whole output is kept for a failure")
  }

  /// Issue 11, item 11, seen again on a cold build: SwiftPM's first line is `[1/1] Compiling
  /// plugin GenerateManual` and the total grows as it plans, so "a line per tenth of the steps"
  /// showed that line and then nothing for 15 minutes. Lines now come by time (and a build with
  /// nothing to do, over in a second, shows none).
  @Test("progress keeps coming while SwiftPM raises its total")
  func progressFollowsTimeNotTheTotal() throws {
    let first = ["[1/1] Compiling plugin GenerateManual"]
    let later = ["[150/471] Compiling Notebook Registry.swift"]
    let (shown, _) = try progress([first, later], every: 1, pause: 1.2)
    #expect(shown.count == 1, "nothing in the first second, then the line after the pause: \(shown)")
    #expect(shown.last?.hasSuffix("[150/471] Compiling Notebook Registry.swift") == true, "\(shown)")
  }
}
