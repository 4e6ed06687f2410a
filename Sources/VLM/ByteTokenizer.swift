/// A byte-level tokenizer: one token per UTF-8 byte, vocabulary of 256.
///
/// The weights are untrained, so a learned vocabulary would add nothing but a data file; bytes make
/// the question length `Q` in tokens obvious (one per byte of ASCII text) and any string valid.
public enum ByteTokenizer {
  public static let vocabularySize = 256

  public static func encode(_ text: String) -> [Int] {
    text.utf8.map(Int.init)
  }

  /// The bytes as text (invalid UTF-8 replaced), for printing generated tokens.
  public static func decode(_ tokens: [Int]) -> String {
    String(decoding: tokens.map { UInt8(clamping: $0) }, as: UTF8.self)
  }
}
