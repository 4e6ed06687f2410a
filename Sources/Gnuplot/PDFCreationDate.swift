/// Makes cairo's PDFs byte-identical across runs by fixing the one field that changes.
///
/// cairo 1.16 (the one gnuplot 5.4 links on Debian 12) stamps `/CreationDate (D:…)` with the
/// wall clock and ignores `SOURCE_DATE_EPOCH`; everything else in its PDFs is a function of the
/// drawing. The date is rewritten in place to the Unix epoch *with the same length*, so the
/// cross-reference offsets stay valid and the file still opens (checked with poppler's
/// `pdftoppm`). The length depends on the time zone (`Z` vs `+05'30`), so the renderer also
/// runs gnuplot with `TZ=UTC`.
enum PDFCreationDate {
  private static let key = Array("/CreationDate (".utf8)
  private static let epoch = Array("D:19700101000000".utf8)

  /// `pdf` with every creation date replaced by the epoch, digit by digit.
  static func normalized(_ pdf: [UInt8]) -> [UInt8] {
    var bytes = pdf
    var start = 0
    while let keyStart = firstIndex(of: key, in: bytes, from: start) {
      var index = keyStart + key.count
      var position = 0
      while index < bytes.count, bytes[index] != UInt8(ascii: ")") {
        if position < epoch.count {
          bytes[index] = epoch[position]
        } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
          bytes[index] = UInt8(ascii: "0")
        }
        index += 1
        position += 1
      }
      start = index
    }
    return bytes
  }

  private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
    return (start...(haystack.count - needle.count)).first { offset in
      haystack[offset..<(offset + needle.count)].elementsEqual(needle)
    }
  }
}
