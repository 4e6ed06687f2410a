/// A small table written as CSV beside each figure, so its numbers can be read without gnuplot.
///
/// Numbers use Swift's shortest round-tripping spelling, text cells are quoted only when needed:
/// the same table always gives the same bytes.
public struct CSVTable: Sendable, Equatable {
  /// One cell: a number (written at full precision) or text.
  public enum Cell: Sendable, Equatable, ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case number(Double)
    case text(String)

    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(stringLiteral value: String) { self = .text(value) }

    var csv: String {
      switch self {
      case .number(let value):
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
      case .text(let text):
        text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
          ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
      }
    }
  }

  public var columns: [String]
  public var rows: [[Cell]]

  public init(columns: [String], rows: [[Cell]] = []) {
    self.columns = columns
    self.rows = rows
  }

  public var text: String {
    ([columns.map { Cell.text($0).csv }] + rows.map { $0.map(\.csv) })
      .map { $0.joined(separator: ",") + "\n" }.joined()
  }
}
