import Foundation

/// Prints `value` as this tool's `--json` output: sorted keys, indented, slashes unescaped and
/// numbers at full precision, so the same data always prints the same bytes.
func printJSON(_ value: some Encodable) throws {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
  print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
