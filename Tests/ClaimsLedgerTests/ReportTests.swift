import Foundation
import Testing

@testable import ClaimsLedger
import ExperimentRegistry

/// The reviewer report page, in Markdown and HTML.
@Suite struct ReportTests {
  static let figures = [
    FigureOutputs(title: "Figure 1 — scaling laws", folder: "figure1", claims: ["fig1.exponents"], images: ["figure1.png"]),
    FigureOutputs(title: "Figure 2 — extrapolation", folder: "figure2", claims: [], images: []),
  ]

  @Test func markdownAndHTMLCarryTheSameContent() throws {
    let report = try LedgerTests.handMadeReport()
    let page = ReviewerReport.document(report, sources: [], figures: Self.figures)
    let markdown = page.markdown
    let html = page.html
    for id in LedgerTests.paperIds {
      #expect(markdown.contains("`\(id)`"))
      #expect(html.contains("<code>\(id)</code>"))
    }
    #expect(markdown.contains("![Figure 1 — scaling laws](../figure1/figure1.png)"))
    #expect(html.contains("<img src=\"../figure1/figure1.png\" alt=\"Figure 1 — scaling laws\">"))
    #expect(markdown.contains("Not rendered yet"))
    #expect(markdown.contains("## Fitted parameters") && html.contains("<h2>Fitted parameters</h2>"))
    #expect(markdown.contains("## Known data issues and warnings"))
    #expect(page == ReviewerReport.document(try LedgerTests.handMadeReport(), sources: [], figures: Self.figures))
  }

  @Test func htmlEscapesTextAndTranslatesInlineMarks() {
    #expect(ReportDocument.inline("a < b & `x|y` **bold** [link](../a.md)")
      == "a &lt; b &amp; <code>x|y</code> <strong>bold</strong> <a href=\"../a.md\">link</a>")
    #expect(LedgerReport.markdownCell("|Ŷ − Y|") == "\\|Ŷ − Y\\|")
  }

  @Test func figureOutputsListOnlyImagesSorted() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("claims-report-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let folder = directory.appendingPathComponent("figure1")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in ["figure1b.png", "figure1.gp", "figure1a.png", "summary.json"] {
      try Data().write(to: folder.appendingPathComponent(name))
    }
    let outputs = FigureOutputs(.figure1, figuresDirectory: directory)
    #expect(outputs.images == ["figure1a.png", "figure1b.png"])
    #expect(outputs.folder == "figure1" && outputs.claims.contains("fig1.exponents"))
  }
}
