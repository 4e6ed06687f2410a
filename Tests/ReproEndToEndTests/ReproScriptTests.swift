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

  @Test("a build shows its progress instead of minutes of silence")
  func progressIsShown() throws {
    // The script's progress filter, fed what `swift build` prints, piped (not a terminal).
    let script = try Self.script()
    let start = try #require(script.range(of: "show_progress() {"))
    let end = try #require(script.range(of: "\n}\n", range: start.upperBound..<script.endIndex))
    let function = String(script[start.lowerBound..<end.upperBound])
    let input = (1...40).map { "[\($0)/40] Compiling Module\($0) File.swift" }.joined(separator: "\n") + "\nBuild complete!\n"
    try Executables.withTemporaryDirectory { folder in
      let log = folder.appendingPathComponent("log")
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      process.arguments = ["-c", function + "show_progress \"$1\"", "bash", log.path]
      let (stdin, stderr) = (Pipe(), Pipe())
      process.standardInput = stdin
      process.standardError = stderr
      try process.run()
      stdin.fileHandleForWriting.write(Data(input.utf8))
      try stdin.fileHandleForWriting.close()
      let shown = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
      #expect(shown.split(separator: "\n").count == 11, "a line per tenth of the steps: \(shown)")
      #expect(shown.hasPrefix("  [1/40] Compiling Module1 File.swift\n") && shown.contains("  [40/40] Compiling Module40"))
      #expect(try String(contentsOf: log, encoding: .utf8) == input, "the whole output is kept for a failure")
    }
  }
}
