import Foundation
import Testing

/// Golden files: expected output kept in `Tests/PaperFiguresTests/Golden/` and read from the test
/// bundle (`Bundle.module`).
///
/// To accept a deliberate change, run the tests with `UPDATE_GOLDEN=1`, e.g.
/// `UPDATE_GOLDEN=1 swift test --filter PaperFiguresTests`: every golden file that differs is
/// rewritten in the source tree (review the diff before committing). Without it, a difference
/// is a test failure.
enum Golden {
  static func expect(
    _ actual: String, matches name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let bundled = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden")
    let expected = bundled.flatMap { try? String(contentsOf: $0, encoding: .utf8) }
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      if expected != actual {
        let source = URL(fileURLWithPath: filePath).deletingLastPathComponent()
          .appendingPathComponent("Golden").appendingPathComponent(name)
        try Data(actual.utf8).write(to: source, options: .atomic)
      }
      return
    }
    guard let expected else {
      Issue.record("golden file Golden/\(name) is missing; run with UPDATE_GOLDEN=1 to create it",
                   sourceLocation: sourceLocation)
      return
    }
    if actual != expected {
      Issue.record("differs from Golden/\(name) \(firstDifference(actual, expected)); run with UPDATE_GOLDEN=1 to accept",
                   sourceLocation: sourceLocation)
    }
  }

  /// Where two texts first differ, as "at line n: got … expected …".
  private static func firstDifference(_ actual: String, _ expected: String) -> String {
    let (got, want) = (actual.split(separator: "\n", omittingEmptySubsequences: false),
                       expected.split(separator: "\n", omittingEmptySubsequences: false))
    let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
    let show = { (lines: [Substring]) in line < lines.count ? "'\(lines[line])'" : "end of text" }
    return "at line \(line + 1): got \(show(got)), expected \(show(want))"
  }
}
