import Foundation
import Testing

/// Golden files: the expected output of a generator (a gnuplot script, a figure), kept in a
/// `Golden/` folder next to the test file that checks it, so a reviewer sees every change to a
/// generated script as a diff.
///
/// To accept a deliberate change, run the tests with `UPDATE_GOLDEN=1` (e.g.
/// `UPDATE_GOLDEN=1 ./repro test`): every golden file that differs is rewritten in the source
/// tree — review the diff before committing. Without it, a difference is a test failure that
/// names the first differing line.
public enum Golden {
  /// Checks `actual` against `Golden/<name>` beside the calling test file (`filePath`).
  public static func expect(
    _ actual: String, matches name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
      .appendingPathComponent("Golden").appendingPathComponent(name)
    let expected = try? String(contentsOf: url, encoding: .utf8)
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      if expected != actual { try Data(actual.utf8).write(to: url, options: .atomic) }
      return
    }
    guard let expected else {
      Issue.record("golden file Golden/\(name) is missing; run with UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
      return
    }
    if actual != expected {
      Issue.record(
        "differs from Golden/\(name) \(firstDifference(actual, expected)); run with UPDATE_GOLDEN=1 to accept",
        sourceLocation: sourceLocation)
    }
  }

  /// Where two texts first differ, as "at line n: got … expected …".
  static func firstDifference(_ actual: String, _ expected: String) -> String {
    let (got, want) = (
      actual.split(separator: "\n", omittingEmptySubsequences: false),
      expected.split(separator: "\n", omittingEmptySubsequences: false)
    )
    let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
    let show = { (lines: [Substring]) in line < lines.count ? "'\(lines[line])'" : "end of text" }
    return "at line \(line + 1): got \(show(got)), expected \(show(want))"
  }
}
