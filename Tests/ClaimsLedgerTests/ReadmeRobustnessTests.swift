import Foundation
import LawForms
import Testing

@testable import ClaimsLedger

/// The README's robustness table is the report's, rendered from the robustness experiment's
/// committed `summary.json`: it cannot claim a verdict the experiment did not compute.
@Suite struct ReadmeRobustnessTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let marker = "<!-- generated from Figures/robustness/summary.json; a test checks it -->\n"

  @Test("the README's robustness checks are the report's table of the committed summary")
  func readmeTable() throws {
    let summary = try #require(try ReviewerReport.robustness(figuresDirectory: Self.root.appendingPathComponent("Figures")))
    let rendered = ReportDocument(title: "", blocks: [ReviewerReport.robustnessChecksTable(summary)]).markdown
    let table = String(rendered.dropFirst("# \n\n".count))
    let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: Self.marker))
    let end = try #require(readme.range(of: "<!-- end generated -->", range: start.upperBound..<readme.endIndex))
    #expect(String(readme[start.upperBound..<end.lowerBound]) == table, "paste the table of Figures/report/REPORT.md's robustness section")
    #expect(summary.checks.map(\.id) == RobustnessCheck.all.map(\.id))
  }
}
