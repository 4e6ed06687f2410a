import Foundation

/// A small document model rendered both as Markdown and as HTML, so the two report files carry
/// exactly the same content.
///
/// Inline text may use three Markdown marks, which the HTML rendering translates: `` `code` ``,
/// `**bold**` and `[text](link)`. Everything else is literal (escaped for HTML). A line break
/// inside a table cell (`\n`) is kept as `<br>` in both renderings: provenance notes are lists
/// written one item a line, unreadable when run together.
public struct ReportDocument: Sendable, Equatable {
  /// One piece of the page, in reading order.
  public enum Block: Sendable, Equatable {
    case heading(level: Int, text: String)
    case paragraph(String)
    case bullets([String])
    case table(header: [String], rows: [[String]])
    /// An image, `path` relative to the document; when `link` is set (its SVG), the image links
    /// to it, so a reader can open the figure at full resolution.
    case image(alt: String, path: String, link: String? = nil)
    /// Links to every heading of levels 2 and 3 below it, built from the headings themselves, so
    /// the contents cannot list a section the page does not have.
    case tableOfContents
  }

  public var title: String
  public var blocks: [Block]

  public init(title: String, blocks: [Block]) {
    self.title = title
    self.blocks = blocks
  }

  /// The headings of the page with their anchors, in order: the anchor is GitHub's (see
  /// ``slug(_:)``), so the Markdown contents link on GitHub and the HTML uses the same ids.
  var anchoredHeadings: [(level: Int, text: String, anchor: String)] {
    var used: [String: Int] = [:]
    return blocks.compactMap { block in
      guard case .heading(let level, let text) = block else { return nil }
      let base = Self.slug(text)
      let count = used[base, default: 0]
      used[base] = count + 1
      return (level, text, count == 0 ? base : "\(base)-\(count)")
    }
  }

  /// The anchor GitHub gives a heading: the text without its Markdown marks, lower-cased,
  /// everything but letters, digits, `-`, `_` and spaces dropped, spaces turned into `-`
  /// (duplicates get `-1`, `-2`, … in ``anchoredHeadings``).
  static func slug(_ text: String) -> String {
    let plain = text.replacingOccurrences(of: "\\[([^\\]]+)\\]\\([^)]+\\)", with: "$1", options: .regularExpression)
    return String(plain.lowercased().compactMap { character -> Character? in
      if character == " " { return "-" }
      if character.isLetter || character.isNumber || character == "-" || character == "_" { return character }
      return nil
    })
  }

  /// The contents: one item per heading of level 2, its level-3 headings nested under it.
  var contents: [(text: String, anchor: String, children: [(text: String, anchor: String)])] {
    var items: [(text: String, anchor: String, children: [(text: String, anchor: String)])] = []
    for heading in anchoredHeadings {
      if heading.level == 2 {
        items.append((heading.text, heading.anchor, []))
      } else if heading.level == 3, !items.isEmpty {
        items[items.count - 1].children.append((heading.text, heading.anchor))
      }
    }
    return items
  }

  /// GitHub-flavoured Markdown.
  public var markdown: String {
    var parts = ["# \(title)"]
    for block in blocks {
      switch block {
      case .heading(let level, let text):
        parts.append(String(repeating: "#", count: level) + " " + text)
      case .paragraph(let text):
        parts.append(text)
      case .bullets(let items):
        parts.append(items.map { "- \($0)" }.joined(separator: "\n"))
      case .table(let header, let rows):
        let cells = { (row: [String]) in
          "| " + row.map { LedgerReport.markdownCell($0.replacingOccurrences(of: "\n", with: "<br>")) }.joined(separator: " | ") + " |"
        }
        parts.append(([cells(header), "|" + String(repeating: "---|", count: header.count)] + rows.map(cells)).joined(separator: "\n"))
      case .image(let alt, let path, let link):
        parts.append(link.map { "[![\(alt)](\(path))](\($0))" } ?? "![\(alt)](\(path))")
      case .tableOfContents:
        parts.append(contents.map { item in
          (["- [\(Self.linkText(item.text))](#\(item.anchor))"]
            + item.children.map { "  - [\(Self.linkText($0.text))](#\($0.anchor))" }).joined(separator: "\n")
        }.joined(separator: "\n"))
      }
    }
    return parts.joined(separator: "\n\n") + "\n"
  }

  /// A standalone HTML page with a small embedded style sheet: wide tables scroll inside their
  /// own box instead of pushing the page past the window, verdicts are coloured.
  public var html: String {
    var body: [String] = ["<h1>\(Self.inline(title))</h1>"]
    var anchors = anchoredHeadings.makeIterator()
    for block in blocks {
      switch block {
      case .heading(let level, let text):
        let anchor = anchors.next()?.anchor ?? Self.slug(text)
        body.append("<h\(level) id=\"\(Self.escape(anchor))\">\(Self.inline(text))</h\(level)>")
      case .paragraph(let text):
        body.append("<p>\(Self.inline(text))</p>")
      case .bullets(let items):
        body.append("<ul>\n" + items.map { "<li>\(Self.inline($0))</li>" }.joined(separator: "\n") + "\n</ul>")
      case .table(let header, let rows):
        let cell = { (text: String) in Self.inline(text).replacingOccurrences(of: "\n", with: "<br>") }
        let head = "<tr>" + header.map { "<th>\(cell($0))</th>" }.joined() + "</tr>"
        let lines = rows.map { "<tr>" + $0.map { "<td>\(cell($0))</td>" }.joined() + "</tr>" }
        body.append(
          "<div class=\"scroll\"><table>\n<thead>\(head)</thead>\n<tbody>\n" + lines.joined(separator: "\n")
            + "\n</tbody>\n</table></div>")
      case .image(let alt, let path, let link):
        let image = "<img src=\"\(Self.escape(path))\" alt=\"\(Self.escape(alt))\">"
        body.append("<p>" + (link.map { "<a href=\"\(Self.escape($0))\">\(image)</a>" } ?? image) + "</p>")
      case .tableOfContents:
        let items = contents.map { item in
          let children = item.children.isEmpty
            ? ""
            : "\n<ul>\n" + item.children.map { "<li><a href=\"#\(Self.escape($0.anchor))\">\(Self.inline(Self.linkText($0.text)))</a></li>" }
              .joined(separator: "\n") + "\n</ul>\n"
          return "<li><a href=\"#\(Self.escape(item.anchor))\">\(Self.inline(Self.linkText(item.text)))</a>\(children)</li>"
        }
        body.append("<nav class=\"toc\">\n<ul>\n" + items.joined(separator: "\n") + "\n</ul>\n</nav>")
      }
    }
    let verdictStyles = Verdict.allCases.map { ".verdict-\($0.rawValue) { color: \($0.colour); }" }.joined(separator: "\n")
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(Self.escape(title))</title>
      <style>
      body { font-family: "DejaVu Sans", sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
      .scroll { overflow-x: auto; margin: 1rem 0; }
      table { border-collapse: collapse; font-size: 0.9rem; }
      th, td { border: 1px solid #ccc; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
      th { background: #f3f3f3; }
      code { background: #f3f3f3; padding: 0 0.2rem; }
      img { max-width: 100%; }
      nav.toc { background: #fafafa; border: 1px solid #ddd; padding: 0.2rem 1rem; font-size: 0.9rem; }
      nav.toc ul ul { columns: 2; }
      \(verdictStyles)
      </style>
      </head>
      <body>
      \(body.joined(separator: "\n"))
      </body>
      </html>

      """
  }

  /// A verdict as the report prints it in bold (`**PASS**`); the HTML colours it.
  public enum Verdict: String, CaseIterable, Sendable {
    case pass, fail, unverifiable, undecided

    var label: String { rawValue.uppercased() }

    /// Green, red, amber and violet (unverifiable and undecided are not failures), as RGB: the
    /// page's colours, and the claims-at-a-glance figure's.
    public var rgb: (red: UInt8, green: UInt8, blue: UInt8) {
      switch self {
      case .pass: (0x1a, 0x7f, 0x37)
      case .fail: (0xcf, 0x22, 0x2e)
      case .unverifiable: (0x9a, 0x67, 0x00)
      case .undecided: (0x82, 0x50, 0xdf)
      }
    }

    var colour: String { String(format: "#%02x%02x%02x", rgb.red, rgb.green, rgb.blue) }
  }

  /// A heading's text as a link's: links inside it dropped (a link cannot hold a link).
  static func linkText(_ text: String) -> String {
    text.replacingOccurrences(of: "\\[([^\\]]+)\\]\\([^)]+\\)", with: "$1", options: .regularExpression)
  }

  /// `text` escaped for HTML, with `code`, **bold** and [links](…) translated; a bold verdict
  /// (`**PASS**`, `**FAIL**`, `**UNVERIFIABLE**`, `**UNDECIDED**`) gets its colour's class.
  static func inline(_ text: String) -> String {
    var html = escape(text)
    for (pattern, template) in [
      ("`([^`]+)`", "<code>$1</code>"),
      ("\\*\\*([^*]+)\\*\\*", "<strong>$1</strong>"),
      ("\\[([^\\]]+)\\]\\(([^)]+)\\)", "<a href=\"$2\">$1</a>"),
    ] {
      let expression = try! NSRegularExpression(pattern: pattern)
      html = expression.stringByReplacingMatches(
        in: html, range: NSRange(html.startIndex..., in: html), withTemplate: template)
    }
    for verdict in Verdict.allCases {
      html = html.replacingOccurrences(
        of: "<strong>\(verdict.label)</strong>", with: "<strong class=\"verdict-\(verdict.rawValue)\">\(verdict.label)</strong>")
    }
    return html
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
