import Foundation

/// A small document model rendered both as Markdown and as HTML, so the two report files carry
/// exactly the same content.
///
/// Inline text may use three Markdown marks, which the HTML rendering translates: `` `code` ``,
/// `**bold**` and `[text](link)`. Everything else is literal (escaped for HTML).
public struct ReportDocument: Sendable, Equatable {
  /// One piece of the page, in reading order.
  public enum Block: Sendable, Equatable {
    case heading(level: Int, text: String)
    case paragraph(String)
    case bullets([String])
    case table(header: [String], rows: [[String]])
    /// An image, `path` relative to the document.
    case image(alt: String, path: String)
  }

  public var title: String
  public var blocks: [Block]

  public init(title: String, blocks: [Block]) {
    self.title = title
    self.blocks = blocks
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
        let cells = { (row: [String]) in "| " + row.map(LedgerReport.markdownCell).joined(separator: " | ") + " |" }
        parts.append(([cells(header), "|" + String(repeating: "---|", count: header.count)] + rows.map(cells)).joined(separator: "\n"))
      case .image(let alt, let path):
        parts.append("![\(alt)](\(path))")
      }
    }
    return parts.joined(separator: "\n\n") + "\n"
  }

  /// A standalone HTML page with a small embedded style sheet.
  public var html: String {
    var body: [String] = ["<h1>\(Self.inline(title))</h1>"]
    for block in blocks {
      switch block {
      case .heading(let level, let text):
        body.append("<h\(level)>\(Self.inline(text))</h\(level)>")
      case .paragraph(let text):
        body.append("<p>\(Self.inline(text))</p>")
      case .bullets(let items):
        body.append("<ul>\n" + items.map { "<li>\(Self.inline($0))</li>" }.joined(separator: "\n") + "\n</ul>")
      case .table(let header, let rows):
        let head = "<tr>" + header.map { "<th>\(Self.inline($0))</th>" }.joined() + "</tr>"
        let lines = rows.map { "<tr>" + $0.map { "<td>\(Self.inline($0))</td>" }.joined() + "</tr>" }
        body.append("<table>\n<thead>\(head)</thead>\n<tbody>\n" + lines.joined(separator: "\n") + "\n</tbody>\n</table>")
      case .image(let alt, let path):
        body.append("<p><img src=\"\(Self.escape(path))\" alt=\"\(Self.escape(alt))\"></p>")
      }
    }
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>\(Self.escape(title))</title>
      <style>
      body { font-family: "DejaVu Sans", sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
      table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
      th, td { border: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
      th { background: #f3f3f3; }
      code { background: #f3f3f3; padding: 0 0.2rem; }
      img { max-width: 100%; }
      </style>
      </head>
      <body>
      \(body.joined(separator: "\n"))
      </body>
      </html>

      """
  }

  /// `text` escaped for HTML, with `code`, **bold** and [links](…) translated.
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
    return html
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
