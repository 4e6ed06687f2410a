import Foundation
import SwiftCSV

/// A seed file's text split into its `#` provenance header and its CSV records, each record
/// with the line it starts on, for error messages that name the line.
///
/// The records are read by SwiftCSV (swiftcsv/SwiftCSV), not by hand: it reads quoted fields
/// (with `""` for a quote, and commas or line breaks inside), Windows line ends (`\r\n` is one
/// `Character` in Swift, which a split on `"\n"` misses) and drops a UTF-8 byte order mark.
/// What the library does not do is done here: the `#` header lines before the columns (after a
/// byte order mark too), line numbers, and two checks it does not make — an unterminated quote
/// and a last line without a line break, whose empty last field it would drop.
struct SeedText {
  /// One `#` line, numbered from 1, with its text after `# ` and verbatim.
  struct HeaderLine {
    var number: Int
    var text: String
    var raw: String
  }

  /// One CSV record: its fields and the lines it spans (more than one when a quoted field holds
  /// a line break).
  struct Record {
    var lines: ClosedRange<Int>
    var fields: [String]
  }

  var header: [HeaderLine]
  /// Every record after the header, the column names first; blank lines are left out.
  var records: [Record]

  /// Why a file could not be split, with the line.
  struct Failure: Error {
    var line: Int
    var reason: String
  }

  static let byteOrderMark: Character = "\u{FEFF}"

  init(_ bytes: Data) throws(Failure) {
    guard var text = String(data: bytes, encoding: .utf8) else { throw Failure(line: 1, reason: "not UTF-8 text") }
    if text.first == Self.byteOrderMark { text.removeFirst() }
    var lines = Self.lines(of: text)[...]
    header = []
    while let line = lines.first, line.content.first == "#" {
      let raw = String(line.content)
      header.append(HeaderLine(number: header.count + 1, text: String(raw.dropFirst(raw.hasPrefix("# ") ? 2 : 1)), raw: raw))
      lines = lines.dropFirst()
    }
    var body = ""
    for line in lines {
      body += line.content
      if let terminator = line.terminator { body.append(terminator) }
    }
    let firstLine = header.count + 1
    if let unterminated = Self.unterminatedQuote(in: body) {
      throw Failure(line: firstLine + unterminated, reason: "unterminated quoted field")
    }
    if let last = body.last, !last.isNewline { body.append("\n") }
    var records: [Record] = []
    var line = firstLine
    do {
      let csv = try EnumeratedCSV(string: body, delimiter: .comma, loadColumns: false, rowLimit: 0)
      try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { fields in
        let breaks = fields.reduce(0) { count, field in count + field.filter { $0.isNewline }.count }
        if fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
          records.append(Record(lines: line...(line + breaks), fields: fields))
        }
        line += 1 + breaks
      }
    } catch {
      let reason = (error as? CSVParseError).map { error in
        switch error {
        case .quotation(let message), .generic(let message): message
        }
      } ?? "\(error)"
      throw Failure(line: line, reason: "malformed CSV (\(reason)); quote a field holding a comma, quote or line break as \"…\", with \"\" for a quote")
    }
    self.records = records
  }

  /// The lines of `text` with the line break that ends each (`nil` for a last line without one),
  /// numbered as the records are: any `Character` that is a newline, `\r\n` included, ends a line.
  static func lines(of text: String) -> [(content: Substring, terminator: Character?)] {
    var result: [(Substring, Character?)] = []
    var start = text.startIndex
    var index = start
    while index < text.endIndex {
      if text[index].isNewline {
        result.append((text[start..<index], text[index]))
        start = text.index(after: index)
      }
      index = text.index(after: index)
    }
    if start < text.endIndex { result.append((text[start...], nil)) }
    return result
  }

  /// The 0-based line (of `body`) on which a quoted field opens that never closes, if one does.
  /// Every well-formed field has an even number of `"` (opening and closing, `""` inside), so
  /// the quotes are balanced exactly when the text's are.
  private static func unterminatedQuote(in body: String) -> Int? {
    var open: Int?
    var line = 0
    for character in body {
      if character == "\"" { open = open == nil ? line : nil }
      if character.isNewline { line += 1 }
    }
    return open
  }
}
