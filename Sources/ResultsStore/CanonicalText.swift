import Foundation
import GRDB

/// How database values are written as text: one spelling per value, so equal contents give equal
/// bytes in dumps and exports.
///
/// Doubles use Swift's shortest round-tripping form (`0.3855`, `62.0`), integers their decimal
/// form, and strings JSON-style escaping, so the text is both unambiguous and valid JSON.
enum CanonicalText {
  /// `NULL`, a number, a quoted string, or `x'…'` for a blob: one token without tabs or newlines.
  static func literal(_ value: DatabaseValue, null: String = "NULL") -> String {
    switch value.storage {
    case .null: null
    case .int64(let integer): String(integer)
    case .double(let double): String(double)
    case .string(let string): quoted(string)
    case .blob(let data): "x'" + data.map { String($0, radix: 16).leftPadded(to: 2) }.joined() + "'"
    }
  }

  /// A value for a CSV cell: empty for NULL, quoted only when it holds a comma, quote or newline.
  static func csvCell(_ value: DatabaseValue) -> String {
    guard case .string(let string) = value.storage else { return literal(value, null: "") }
    guard string.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return string }
    return "\"" + string.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// A double-quoted string with `"`, `\` and control characters escaped as in JSON.
  static func quoted(_ string: String) -> String {
    var result = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20: result += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
