/// How numbers, strings and names are spelled in a gnuplot script.
///
/// Every value that reaches a script goes through here, so a script never depends on the locale,
/// never loses precision and never contains a silent `nan`.
public enum GnuplotLiteral {
  /// The shortest decimal that reads back as exactly `value`.
  ///
  /// Swift's `Double.description` is locale-independent and round-trips; its spellings
  /// (`0.0709`, `576.0`, `1e-05`, `1e+16`, `-0.0`) all parse in gnuplot. Integral values keep
  /// their `.0`, so gnuplot never does integer division on them (`1/2` is 0 in gnuplot).
  public static func number(_ value: Double, context: String = "a number") throws(GnuplotScriptError) -> String {
    guard value.isFinite else { throw .nonFiniteNumber(value, context: context) }
    return value.description
  }

  /// An explicit marker size (`ps …`) that looks the same in every format: `size*pointscale`,
  /// where the script preamble sets `pointscale` for the chosen terminal.
  public static func pointSize(_ size: Double) throws(GnuplotScriptError) -> String {
    "\(try number(size, context: "point size"))*pointscale"
  }

  /// `text` as a gnuplot string literal that reads back as exactly `text`.
  ///
  /// Single quotes when possible: gnuplot interprets nothing inside them except `''` (one
  /// quote). Text with control characters (a multi-line label) needs double quotes, where
  /// backslash escapes are interpreted and, surprisingly, backquotes are still run as shell
  /// commands; so `\`, `"` and `` ` `` are escaped, and control characters become `\n`, `\t` or
  /// octal escapes of their UTF-8 bytes. This is the string level only: enhanced-text markup
  /// (`^`, `_`, `@`, `&`, `{`, `}`) is interpreted by the terminal afterwards, so free text
  /// should be placed with `noenhanced`.
  public static func string(_ text: String) -> String {
    let hasControl = text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    guard hasControl else { return "'" + text.replacing("'", with: "''") + "'" }
    var quoted = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": quoted += "\\\\"
      case "\"": quoted += "\\\""
      case "\n": quoted += "\\n"
      case "\t": quoted += "\\t"
      case "`": quoted += "\\140"
      case _ where scalar.properties.generalCategory == .control:
        for byte in String(scalar).utf8 {
          let octal = String(byte, radix: 8)
          quoted += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
        }
      default: quoted.unicodeScalars.append(scalar)
      }
    }
    return quoted + "\""
  }

  /// `name` unchanged if it is a gnuplot identifier (ASCII letter or `_`, then letters, digits, `_`).
  public static func identifier(_ name: String) throws(GnuplotScriptError) -> String {
    guard let first = name.unicodeScalars.first, isIdentifierStart(first),
      name.unicodeScalars.allSatisfy({ isIdentifierStart($0) || ("0"..."9").contains($0) })
    else { throw .invalidIdentifier(name) }
    return name
  }

  private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
  }
}
