/// A 5 × 7 bitmap font of the sixteen hexadecimal digits, built into the code (no system fonts).
///
/// Several glyphs differ in only a few pixels (`8`/`B`, `0`/`D`, `E`/`F`, `5`/`6`, `1`/`7`), which
/// is what makes the OCR family a test of fine visual detail. Order matters: the OCR family's
/// `alphabetSize` uses the first glyphs, and ids in ``MiniVocabulary`` follow this order.
public enum GlyphFont {
  /// Glyph width in pixels.
  public static let width = 5
  /// Glyph height in pixels.
  public static let height = 7
  /// The characters, in glyph-index order.
  public static let characters: [Character] = Array("0123456789ABCDEF")

  /// Each glyph's rows, top to bottom; `#` is ink.
  static let rows: [[String]] = [
    [".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."],  // 0
    ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."],  // 1
    [".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"],  // 2
    ["#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."],  // 3
    ["...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."],  // 4
    ["#####", "#....", "####.", "....#", "....#", "#...#", ".###."],  // 5
    ["..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."],  // 6
    ["#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."],  // 7
    [".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."],  // 8
    [".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."],  // 9
    [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],  // A
    ["####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."],  // B
    [".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."],  // C
    ["###..", "#..#.", "#...#", "#...#", "#...#", "#..#.", "###.."],  // D
    ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],  // E
    ["#####", "#....", "#....", "####.", "#....", "#....", "#...."],  // F
  ]

  /// Glyph `index` as `height × width` ink flags, row-major.
  public static let bitmaps: [[Bool]] = rows.map { $0.flatMap { $0.map { $0 == "#" } } }
}
