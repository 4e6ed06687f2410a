import Foundation
import Testing

@testable import ClaimsLedger
import ExperimentRegistry
import ScalingLaw

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
    #expect(markdown.contains("## Fitted parameters") && html.contains("<h2 id=\"fitted-parameters\">Fitted parameters</h2>"))
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

/// The page's layout: contents, anchors, scrolling tables, coloured verdicts, figures beside
/// their claims, links to SVGs and to the claims' code.
@Suite struct ReportLayoutTests {
  static let figures = [
    FigureOutputs(
      title: "Figure 1 — scaling laws", folder: "figure1", claims: ["fig1.exponents", "fig1.ratio"], images: ["figure1.png"],
      vectorImages: ["figure1.svg"]),
    FigureOutputs(title: "Figure 3a — text", folder: "figure3a", claims: ["fig3a.text-shift", "fig1.ratio"], images: ["figure3a.png"]),
    FigureOutputs(title: "Robustness", folder: "robustness", claims: [], images: ["robustness.png"]),
  ]

  @Test func contentsLinkEveryHeadingByItsAnchor() throws {
    let page = ReviewerReport.document(try LedgerTests.handMadeReport(), sources: [], figures: Self.figures)
    let ids = Set(page.html.matches(of: /<h[23] id="([^"]+)"/).map { String($0.1) })
    let contents = try #require(page.html.firstRange(of: "<nav class=\"toc\">").map { page.html[$0.lowerBound...] })
    let targets = contents.prefix(while: { _ in true }).matches(of: /href="#([^"]+)"/).map { String($0.1) }
    #expect(!targets.isEmpty)
    for target in targets { #expect(ids.contains(target), "contents link #\(target) has no heading") }
    #expect(page.markdown.contains("- [Claims](#claims)"))
    #expect(page.html.contains("<h2 id=\"claims\">Claims</h2>"))
  }

  @Test func slugsAreGitHubs() {
    #expect(ReportDocument.slug("`fig1.exponents` — **PASS**") == "fig1exponents--pass")
    #expect(ReportDocument.slug("Robustness: does it hold?") == "robustness-does-it-hold")
    let doubled = ReportDocument(title: "", blocks: [.heading(level: 2, text: "A"), .heading(level: 2, text: "A")])
    #expect(doubled.anchoredHeadings.map(\.anchor) == ["a", "a-1"])
  }

  @Test func tablesScrollAndVerdictsAreColoured() {
    let page = ReportDocument(title: "t", blocks: [.table(header: ["Status"], rows: [["**PASS**"], ["**FAIL**"], ["**UNDECIDED**"]])])
    #expect(page.html.contains("<div class=\"scroll\"><table>"))
    #expect(page.html.contains("<strong class=\"verdict-pass\">PASS</strong>"))
    #expect(page.html.contains("<strong class=\"verdict-fail\">FAIL</strong>"))
    #expect(page.html.contains("<strong class=\"verdict-undecided\">UNDECIDED</strong>"))
    #expect(page.markdown.contains("| **PASS** |"))
    for status in ClaimStatus.allCases {
      #expect(ReportDocument.Verdict(rawValue: status.rawValue)?.label == status.label, "every verdict the ledger prints has a colour")
    }
  }

  @Test func tableCellsKeepTheirLineBreaks() {
    let page = ReportDocument(title: "t", blocks: [.table(header: ["Notes"], rows: [["one\n  - two"]])])
    #expect(page.html.contains("<td>one<br>  - two</td>"))
    #expect(page.markdown.contains("| one<br>  - two |"))
  }

  @Test func figuresFollowTheirClaimsAndLinkTheirSVG() throws {
    let report = try LedgerTests.handMadeReport()
    let page = ReviewerReport.document(report, sources: [], figures: Self.figures)
    let markdown = page.markdown
    // Figure 1 follows fig1.ratio (its claims run exponents, ratio), before fig1.optimal-v-q0.
    let figure1 = try #require(markdown.range(of: "### Figure 1 — scaling laws"))
    let ratio = try #require(markdown.range(of: "### `fig1.ratio`"))
    let q0 = try #require(markdown.range(of: "### `fig1.optimal-v-q0`"))
    #expect(ratio.upperBound < figure1.lowerBound && figure1.upperBound < q0.lowerBound)
    // Figure 3a follows its own first claim, not fig1.ratio.
    let figure3a = try #require(markdown.range(of: "### Figure 3a — text"))
    let textShift = try #require(markdown.range(of: "### `fig3a.text-shift`"))
    #expect(textShift.upperBound < figure3a.lowerBound)
    #expect(markdown.contains("[![Figure 1 — scaling laws](../figure1/figure1.png)](../figure1/figure1.svg)"))
    #expect(page.html.contains("<a href=\"../figure1/figure1.svg\"><img src=\"../figure1/figure1.png\""))
    #expect(markdown.contains("![Figure 3a — text](../figure3a/figure3a.png)\n"), "no SVG, no link")
    // A figure without claims goes with the robustness section when there is one, else last.
    #expect(markdown.contains("## Other figures\n\n### Robustness"))
    #expect(markdown.contains("**Code**: [`Sources/ClaimsLedger/Claims+Figure1.swift`](../../Sources/ClaimsLedger/Claims+Figure1.swift)"))
  }

  @Test func everyClaimNamesTheFileThatDefinesIt() throws {
    for claim in Ledger.claims {
      let source = try String(contentsOf: ReadmeRobustnessTests.root.appendingPathComponent(claim.sourceFile), encoding: .utf8)
      #expect(source.contains("id: \"\(claim.id)\""), "\(claim.id) is not defined in \(claim.sourceFile)")
    }
  }

  /// The committed page, as a browser would read it: every tag closed in order, every local
  /// link and image resolving to a file of the repository, every `#anchor` to an id.
  @Test func committedReportIsWellFormedAndItsLinksResolve() throws {
    let folder = ReadmeRobustnessTests.root.appendingPathComponent("Figures/report")
    let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
    let void: Set<String> = ["meta", "img", "br", "hr", "link", "input", "wbr"]
    var open: [String] = []
    for tag in html.matches(of: /<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>/) {
      let name = String(tag.2).lowercased()
      if void.contains(name) { continue }
      if tag.1.isEmpty {
        open.append(name)
      } else {
        #expect(open.last == name, "</\(name)> closes <\(open.last ?? "nothing")>")
        if open.last == name { open.removeLast() }
      }
    }
    #expect(open.isEmpty, "unclosed: \(open)")
    let ids = Set(html.matches(of: /id="([^"]+)"/).map { String($0.1) })
    let htmlLinks = html.matches(of: /(?:href|src)="([^"]+)"/).map { String($0.1).replacingOccurrences(of: "&amp;", with: "&") }
    let markdown = try String(contentsOf: folder.appendingPathComponent("REPORT.md"), encoding: .utf8)
    let markdownLinks = markdown.matches(of: /\]\(([^)\s]+)\)/).map { String($0.1) }
    #expect(htmlLinks.count > 20 && markdownLinks.count > 20)
    for link in htmlLinks + markdownLinks where !link.hasPrefix("http://") && !link.hasPrefix("https://") {
      if link.hasPrefix("#") {
        #expect(ids.contains(String(link.dropFirst())), "no anchor \(link)")
        continue
      }
      let path = folder.appendingPathComponent(String(link.prefix { $0 != "#" })).standardizedFileURL.path
      #expect(FileManager.default.fileExists(atPath: path), "\(link) does not resolve")
    }
  }
}

/// The claims-at-a-glance rows: the ledger's values, intervals and the criteria's bands.
@Suite struct ClaimGlanceTests {
  @Test func rowsCarryTheLedgersValuesAndTheCriteriaBands() throws {
    let report = try LedgerTests.handMadeReport()
    let rows = ReviewerReport.glance(report)
    let alpha = try #require(rows.first { $0.claim == "fig1.exponents" && $0.quantity == "α" })
    let result = try #require(report.claims.first { $0.id == "fig1.exponents" })
    #expect(alpha.ours == result.quantities["alpha"])
    #expect(alpha.interval == result.robustness?.bootstrap.intervals["alpha"])
    #expect(alpha.paper == PaperFacts.alpha && alpha.reference == PaperFacts.alpha)
    #expect(abs(alpha.lower! - 0.077 * 0.85) < 1e-12 && abs(alpha.upper! - 0.077 * 1.15) < 1e-12, "the criterion's ±15 %")
    let holdout = try #require(rows.first { $0.claim == "fig2.holdout-7b" })
    #expect(holdout.paper == nil && holdout.upper == 0.02 && holdout.reference == 0.02, "no paper value: the threshold is the reference")
    #expect(!rows.contains { $0.claim == "fig2.extrapolation-14b" }, "an unverifiable claim has no value to draw")
    #expect(alpha.label.hasPrefix("fig1.exponents — α: paper 0.077, ours "))
  }

  @Test func theReportShowsTheFigureAfterTheClaimsTable() throws {
    let page = ReviewerReport.document(try LedgerTests.handMadeReport(), sources: [], figures: [], glanceFigure: "glance")
    let table = try #require(page.markdown.range(of: "## Claims\n"))
    let figure = try #require(page.markdown.range(of: "[![Claims at a glance](glance.png)](glance.svg)"))
    let details = try #require(page.markdown.range(of: "## Claims in detail"))
    #expect(table.upperBound < figure.lowerBound && figure.upperBound < details.lowerBound)
  }
}

/// The residual maps: Y − Ŷ of the fit the verdicts rest on, and where it is worst, computed.
@Suite struct ResidualMapTests {
  @Test func theWorstCellIsTheOneMovedOffTheLaw() throws {
    let report = try LedgerTests.handMadeReport()
    var observations = HandMade.grid(HandMade.paperLike, suite: .visualReasoning).observations
    let moved = try #require(observations.firstIndex { $0.N == 1.8 && $0.V == 64 })
    observations[moved].Y += 0.02
    let maps = ReviewerReport.residualMaps(report, observations: ["visual-reasoning": observations])
    let map = try #require(maps.first)
    #expect(maps.count == 1 && map.suite == "visual-reasoning" && map.method == report.settings.method)
    let fit = try #require(report.fits.first { $0.suite == "visual-reasoning" && $0.method == report.settings.method && $0.excludedSizes.isEmpty })
    let law = ScalingLaw(a: fit.a, alpha: fit.alpha, beta: fit.beta, D: fit.D)
    #expect(map.residuals[1.8]?[64] == observations[moved].Y - law.error(N: 1.8, T: 64))
    #expect(map.worst.N == 1.8 && map.worst.V == 64 && map.worst.residual > 0.019)
    #expect(map.sentence.hasPrefix("The law fits worst at N = 1.8 B, V = 64: the measured error is "))
    #expect(map.sentence.contains(" points above the fit"))
    let page = ReviewerReport.document(report, sources: [], figures: [], residuals: maps, residualFigure: "residuals")
    #expect(page.markdown.contains("[![Residual maps](residuals.png)](residuals.svg)"))
    #expect(map.grid.rows == ["0.5 B", "1.8 B", "4 B", "7 B"] && map.grid.columns.first == "1")
    #expect(page.markdown.contains("## Residuals: where the law misses"))
    #expect(page.markdown.contains("| 1.8 B |") && page.markdown.contains("**Worst overall**: `visual-reasoning` at N = 1.8 B, V = 64"))
  }
}
