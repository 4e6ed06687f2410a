/// Why a gnuplot script could not be built: the inputs would make a script that is wrong or
/// does not parse, so it is refused rather than written.
public enum GnuplotScriptError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A NaN or infinity: gnuplot would plot nothing (or garbage) without complaint.
  case nonFiniteNumber(Double, context: String)
  /// A datablock, variable, function or parameter name that is not a gnuplot identifier.
  case invalidIdentifier(String)
  /// A script name that cannot be a file base name.
  case invalidScriptName(String)
  /// A datablock column name that would break the column comment line.
  case invalidColumnName(String)
  /// A datablock row whose width differs from the column list.
  case rowWidthMismatch(datablock: String, row: Int, expected: Int, found: Int)
  /// A datablock section without rows: it would shift every later `index`.
  case emptySection(datablock: String, section: Int)
  /// A raw piece of text (function body) that must stay on one line.
  case multilineText(String)

  public var description: String {
    switch self {
    case .nonFiniteNumber(let value, let context):
      "gnuplot script: \(context) is \(value); only finite numbers can be written"
    case .invalidIdentifier(let name):
      "gnuplot script: '\(name)' is not a valid gnuplot name (letters, digits and _, not starting with a digit)"
    case .invalidScriptName(let name):
      "gnuplot script: '\(name)' is not a valid script name (letters, digits, '-', '_' and '.', not starting with '.')"
    case .invalidColumnName(let name):
      "gnuplot script: column name '\(name)' must be non-empty without spaces or control characters"
    case .rowWidthMismatch(let datablock, let row, let expected, let found):
      "gnuplot script: row \(row) of datablock $\(datablock) has \(found) values, expected \(expected)"
    case .emptySection(let datablock, let section):
      "gnuplot script: section \(section) of datablock $\(datablock) has no rows"
    case .multilineText(let text):
      "gnuplot script: '\(text)' must be a single line"
    }
  }
}
