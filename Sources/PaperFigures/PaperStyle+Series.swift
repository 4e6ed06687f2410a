import Foundation
import ResultValues

extension PaperStyle {
  // MARK: Q → colour

  /// The cool ramp for series that are not LLM sizes (the text-token sweep of Figure 3a): green
  /// teal → blue → purple, so a Q curve is never mistaken for an N colour of the warm palette.
  public static let coolRamp: [RGBColor] = [
    RGBColor(red: 0x41, green: 0xae, blue: 0x76),
    RGBColor(red: 0x2c, green: 0x7f, blue: 0xb8),
    RGBColor(red: 0x54, green: 0x27, blue: 0x8f),
  ]

  /// The colour of series `index` of `count` on ``coolRamp``, evenly spaced from end to end.
  public static func coolColor(index: Int, of count: Int) -> RGBColor {
    let t = count > 1 ? Double(index) / Double(count - 1) : 0
    let position = t * Double(coolRamp.count - 1)
    let low = min(Int(position), coolRamp.count - 2)
    return coolRamp[low].mixed(with: coolRamp[low + 1], position - Double(low))
  }

  // MARK: Compression method → colour

  /// Table 1's methods: QueCC (the paper's) in the strong red, the others in distinct calmer
  /// colours; the uncompressed LLaVA-1.5 baseline is drawn in black as a reference line.
  /// A miniature compressor (`mini-quecc`) takes its paper counterpart's colour; pooling, which
  /// the paper's table lacks, the Matryoshka green.
  public static func color(method: String) -> RGBColor {
    switch method.hasPrefix("mini-") ? String(method.dropFirst("mini-".count)) : method {
    case "quecc": color(method: "QueCC")
    case "tokenpacker": color(method: "TokenPacker")
    case "prumerge": color(method: "PruMerge")
    case "pool": color(method: "Matryoshka Multimodal")
    case "QueCC": RGBColor(red: 0xd7, green: 0x30, blue: 0x27)
    case "TokenPacker": RGBColor(red: 0x2c, green: 0x6f, blue: 0xb3)
    case "Matryoshka Multimodal": RGBColor(red: 0x4d, green: 0x9a, blue: 0x3f)
    case "Matryoshka Query": RGBColor(red: 0x8e, green: 0x6b, blue: 0xb5)
    case "PruMerge": RGBColor(red: 0x99, green: 0x99, blue: 0x99)
    default: frontierColor
    }
  }

  // MARK: Alternatives → colour

  /// Colours for series that are alternatives of one thing (the law's functional forms): black
  /// for the first (the paper's), then orange, sky blue and bluish green (Okabe–Ito, readable
  /// by colour-blind readers), repeating after four.
  public static func alternativeColor(index: Int) -> RGBColor {
    let colors = [
      frontierColor, RGBColor(red: 0xe6, green: 0x9f, blue: 0x00), RGBColor(red: 0x56, green: 0xb4, blue: 0xe9),
      RGBColor(red: 0x00, green: 0x9e, blue: 0x73),
    ]
    return colors[index % colors.count]
  }

  // MARK: Bars

  /// The fraction of a group's slot its bars fill, and the widest a single bar may be.
  public static let barGroupFill = 0.8
  public static let maximumBarWidth = 0.22

  // MARK: Text

  /// The label of panel `index` (0-based): `(a)`, `(b)`, …
  public static func panelLabel(_ index: Int) -> String {
    "(\(Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(index % 26)))))"
  }

  /// A number for a label: integers without decimals, others to 3 significant digits below
  /// 1000 and to the unit above (`50`, `13.5`, `0.5`, `1016`).
  public static func compact(_ value: Double) -> String {
    if value.rounded() == value && abs(value) < 1e9 { return String(Int(value)) }
    return String(format: abs(value) < 1000 ? "%.3g" : "%.0f", value)
  }

  /// Notes broken into lines of at most `columns` characters at spaces, so small print stays
  /// inside its panel; continuation lines are indented by two spaces.
  public static func wrapped(_ notes: [String], columns: Int = 120) -> [String] {
    notes.flatMap { note -> [String] in
      var lines: [String] = []
      var line = ""
      for word in note.split(separator: " ", omittingEmptySubsequences: false) {
        if !line.isEmpty, line.count + 1 + word.count > columns {
          lines.append(line)
          line = "  " + word
        } else {
          line += (line.isEmpty ? "" : " ") + word
        }
      }
      return lines + [line]
    }
  }

  /// A fraction as a percentage for labels, by the one rounding rule of every number shown to
  /// a reader (``ResultValues/DisplayNumber``): `0.009722` → `0.9722 %`, the figure saying what
  /// the README, `verify` and the report say (the summaries keep full precision).
  public static func percent(_ fraction: Double) -> String {
    DisplayNumber.percent(fraction)
  }
}
