/// The size and base font of a figure, and the gnuplot terminal that draws it in each format.
///
/// Sizes are in PNG pixels. The three terminals disagree about units, so each gets the scales
/// that make it look like the PNG. Measured with gnuplot 5.4 / cairo 1.16 by rendering one script
/// in each format at 96 px per inch and comparing glyph heights, line widths, marker diameters
/// and dash lengths: pngcairo draws a font's points at 96 dpi; svg writes points as pixels
/// (`fontscale 4/3`), draws dashes twice as long (`dashlength 0.5`) and markers 1.8 times as
/// large; pdfcairo is sized in inches at 96 px per inch, and with `fontscale 0.78 linewidth 1.5`
/// its text and lines match while its markers come out 1.28 times as large.
public struct GnuplotCanvas: Hashable, Sendable {
  /// Width in PNG pixels.
  public var width: Int
  /// Height in PNG pixels.
  public var height: Int
  /// Font family, as fontconfig names it.
  public var font: String
  /// Base font size in points; labels scale relative to it.
  public var fontSize: Int

  public init(width: Int, height: Int, font: String, fontSize: Int) {
    self.width = width
    self.height = height
    self.font = font
    self.fontSize = fontSize
  }

  /// The `set terminal` command that draws this canvas in `format`.
  public func terminal(for format: ImageFormat) -> String {
    let common = "enhanced font \(GnuplotLiteral.string("\(font),\(fontSize)")) background rgb 'white'"
    return switch format {
    case .png: "set terminal pngcairo size \(width),\(height) \(common)"
    case .svg: "set terminal svg size \(width),\(height) \(common) fontscale 4.0/3.0 dashlength 0.5"
    case .pdf: "set terminal pdfcairo size \(width)/96.0,\(height)/96.0 \(common) fontscale 0.78 linewidth 1.5"
    }
  }

  /// What one unit of `ps` must be multiplied by in `format` to look like the PNG. The script
  /// preamble stores it in the gnuplot variable `pointscale` (see ``GnuplotLiteral/pointSize(_:)``).
  public func pointScale(for format: ImageFormat) -> Double {
    switch format {
    case .png: 1.0
    case .svg: 0.55
    case .pdf: 0.78
    }
  }
}
