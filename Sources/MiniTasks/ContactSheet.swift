import Gnuplot

/// A grid of example images, each beside its questions and answers, drawn by gnuplot.
///
/// The sheet is how a person checks that the generator makes what the document says: every image
/// is drawn pixel for pixel (`rgbimage`, enlarged, no smoothing, in a grey frame) from the stored bytes, and
/// the text next to it is the stored tokens, so what is seen is what a model is trained on.
public struct ContactSheet: Sendable {
  /// Images per row of the sheet.
  public static let columns = 3
  /// Screen pixels per image pixel.
  static let scale = 4
  /// Layout in PNG pixels: the image, the text column beside it, margins.
  static let imageSide = MiniTasks.imageSide * scale
  static let textWidth = 290, margin = 24, titleHeight = 44, lineHeight = 17

  public var family: TaskFamily
  /// The examples with their image index in the split, in order.
  public var examples: [(index: Int, example: MiniExample)]
  /// The line at the top: what the examples are.
  public var title: String

  public init(family: TaskFamily, examples: [(index: Int, example: MiniExample)], title: String) {
    self.family = family
    self.examples = examples
    self.title = title
  }

  static var cellWidth: Int { imageSide + textWidth + 2 * margin }
  static var cellHeight: Int { max(imageSide, 11 * lineHeight) + 2 * margin }

  /// The gnuplot script named `name`.
  public func script(name: String) throws(GnuplotScriptError) -> GnuplotScript {
    let rows = (examples.count + Self.columns - 1) / Self.columns
    let width = Self.columns * Self.cellWidth
    let height = Self.titleHeight + rows * Self.cellHeight
    var script = try GnuplotScript(
      name: name, canvas: GnuplotCanvas(width: width, height: height, font: "DejaVu Sans", fontSize: 11),
      header: ["Contact sheet of the \(family.rawValue) task family: \(title)."])
    let sections = examples.map { entry in
      DatablockSection(
        comment: "image \(entry.index)",
        rows: (0..<(MiniTasks.imageSide * MiniTasks.imageSide)).map { pixel in
          let bytes = entry.example.image[(3 * pixel)..<(3 * pixel + 3)].map(Double.init)
          return [Double(pixel % MiniTasks.imageSide), Double(pixel / MiniTasks.imageSide)] + bytes
        })
    }
    try script.datablock("images", columns: ["x", "y", "red", "green", "blue"], sections: sections)
    script.comment("Axes in PNG pixels, y downwards; image i is enlarged \(Self.scale)× at (left(i), top(i)).")
    script.command("set lmargin at screen 0; set rmargin at screen 1; set tmargin at screen 1; set bmargin at screen 0")
    script.command("set xrange [0:\(width)]; set yrange [\(height):0]")
    script.command("unset border; unset tics; unset key")
    try script.function(
      "left", parameters: ["i"], definition: "(int(i) % \(Self.columns)) * \(Self.cellWidth) + \(Self.margin)")
    try script.function(
      "top", parameters: ["i"],
      definition: "\(Self.titleHeight) + int(i / \(Self.columns)) * \(Self.cellHeight) + \(Self.margin)")
    script.command(
      "set label 1 \(GnuplotLiteral.string(title)) at \(Self.margin), \(Self.titleHeight / 2) left font ',14' noenhanced")
    var label = 1
    for (slot, entry) in examples.enumerated() {
      let left = (slot % Self.columns) * Self.cellWidth + Self.margin
      let top = Self.titleHeight + (slot / Self.columns) * Self.cellHeight + Self.margin
      let textLeft = left + Self.imageSide + 14
      script.command(
        "set object \(slot + 1) rect from \(left), \(top) to \(left + Self.imageSide), \(top + Self.imageSide) front "
          + "fillstyle empty border lc rgb '#b0b0b0' lw 1")
      label += 1
      script.command(
        "set label \(label) \(GnuplotLiteral.string("image \(entry.index)")) at \(textLeft), \(top + 6) left "
          + "font ',11:Bold' noenhanced")
      for (line, question) in entry.example.questions.prefix(10).enumerated() {
        label += 1
        let text = MiniVocabulary.text(question.tokens) + "  → " + MiniVocabulary.tokens[Int(question.answer)]
        script.command(
          "set label \(label) \(GnuplotLiteral.string(text)) at \(textLeft), \(top + 6 + (line + 1) * Self.lineHeight) "
            + "left font ',11' noenhanced")
      }
    }
    script.command(
      "plot for [i=0:\(examples.count - 1)] $images index i "
        + "using (left(i) + \(Self.scale)*$1 + \(Double(Self.scale) / 2)):(top(i) + \(Self.scale)*$2 + \(Double(Self.scale) / 2))"
        + ":3:4:5 with rgbimage")
    return script
  }
}
