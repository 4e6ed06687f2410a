/// A self-contained gnuplot script: header comments, inline data, variables, functions and
/// commands, in the order they were added, behind a preamble that picks the output format.
///
/// The script carries everything the figure needs (no data files), so `gnuplot name.gp` alone
/// redraws it, and `gnuplot -e "format='svg'" name.gp` (or `'pdf'`) draws the same figure in
/// another format. The image is written to `name.<format>` in gnuplot's working directory, or to
/// `outfile` if that variable is set with `-e`. The preamble also sets `pointscale`, the marker
/// scale that makes every format look like the PNG: `ps variable` sizes get it through
/// `set pointsize`; write explicit sizes with ``GnuplotLiteral/pointSize(_:)``. The text is a
/// pure function of what was added: identical inputs give byte-identical scripts.
public struct GnuplotScript: Hashable, Sendable {
  /// Base name of the script file and of every image rendered from it.
  public let name: String
  /// Size and font of the figure in every format.
  public var canvas: GnuplotCanvas
  /// Lines of the header comment block: the inputs and fitted parameters, one line each.
  public var header: [String]
  /// The script body, one line per element, after the preamble.
  public private(set) var body: [String] = []

  public init(name: String, canvas: GnuplotCanvas, header: [String] = []) throws(GnuplotScriptError) {
    let allowed = name.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
    }
    guard !name.isEmpty, !name.hasPrefix("."), allowed else { throw .invalidScriptName(name) }
    self.name = name
    self.canvas = canvas
    self.header = header
  }

  /// The script's file name, `name.gp`.
  public var fileName: String { name + ".gp" }

  /// A comment in the body (`# text`, one comment line per line of `text`).
  public mutating func comment(_ text: String) {
    body += Self.commentLines(text)
  }

  /// An empty line, to separate the parts of the body for a reader.
  public mutating func blankLine() {
    body.append("")
  }

  /// An inline datablock `$name` with a single section of rows.
  public mutating func datablock(_ name: String, columns: [String], rows: [[Double]]) throws(GnuplotScriptError) {
    try datablock(name, columns: columns, sections: [DatablockSection(rows: rows)])
  }

  /// An inline datablock `$name` whose sections are gnuplot data sets (`index 0`, `index 1`, …).
  ///
  /// The first line names the columns in a comment; sections are separated by two blank lines,
  /// which is what makes them separate data sets for `index`.
  public mutating func datablock(
    _ name: String, columns: [String], sections: [DatablockSection]
  ) throws(GnuplotScriptError) {
    let name = try GnuplotLiteral.identifier(name)
    for column in columns where column.isEmpty || column.unicodeScalars.contains(where: Self.isSpaceOrControl) {
      throw .invalidColumnName(column)
    }
    var lines = ["$\(name) << EOD"] + Self.commentLines(columns.joined(separator: " "))
    var rowNumber = 0
    for (index, section) in sections.enumerated() {
      guard !section.rows.isEmpty else { throw .emptySection(datablock: name, section: index) }
      if index > 0 { lines += ["", ""] }
      if let comment = section.comment { lines += Self.commentLines(comment) }
      for row in section.rows {
        rowNumber += 1
        guard row.count == columns.count else {
          throw .rowWidthMismatch(datablock: name, row: rowNumber, expected: columns.count, found: row.count)
        }
        var fields: [String] = []
        for (value, column) in zip(row, columns) {
          fields.append(try GnuplotLiteral.number(value, context: "\(column) in row \(rowNumber) of $\(name)"))
        }
        lines.append(fields.joined(separator: " "))
      }
    }
    body += lines + ["EOD"]
  }

  /// A variable at full precision: `name = value`.
  public mutating func variable(_ name: String, _ value: Double) throws(GnuplotScriptError) {
    body.append("\(try GnuplotLiteral.identifier(name)) = \(try GnuplotLiteral.number(value, context: name))")
  }

  /// A user function: `name(parameters) = definition`.
  public mutating func function(_ name: String, parameters: [String], definition: String) throws(GnuplotScriptError) {
    var checked: [String] = []
    for parameter in parameters { checked.append(try GnuplotLiteral.identifier(parameter)) }
    guard !definition.contains(where: \.isNewline) else { throw .multilineText(definition) }
    body.append("\(try GnuplotLiteral.identifier(name))(\(checked.joined(separator: ","))) = \(definition)")
  }

  /// A raw gnuplot command, written as given (use ``GnuplotLiteral`` for the values inside it).
  public mutating func command(_ line: String) {
    body.append(line)
  }

  /// The full script text.
  public var text: String {
    var lines = ["# \(fileName) — a self-contained gnuplot script: its data and parameters are inline."]
    lines += header.flatMap(Self.commentLines)
    lines += [
      "#",
      "# Render with gnuplot 5.4 or later (cairo terminals):",
      "#   gnuplot \(fileName)                     -> \(name).png",
      "#   gnuplot -e \"format='svg'\" \(fileName)   -> \(name).svg",
      "#   gnuplot -e \"format='pdf'\" \(fileName)   -> \(name).pdf",
      "",
      "if (!exists(\"format\")) format = 'png'",
      "if (!exists(\"outfile\")) outfile = \(GnuplotLiteral.string(name + ".")) . format",
      "if (format ne 'png' && format ne 'svg' && format ne 'pdf') {",
      "  print sprintf(\"unknown format '%s': use png, svg or pdf\", format)",
      "  exit status 2",
      "}",
    ]
    for format in ImageFormat.allCases {
      lines += [
        "if (format eq '\(format.rawValue)') {",
        "  " + canvas.terminal(for: format),
        "  pointscale = \(canvas.pointScale(for: format))",
        "}",
      ]
    }
    lines += ["set output outfile", "set encoding utf8", "set pointsize pointscale", ""]
    lines += body
    lines += ["", "unset output"]
    return lines.joined(separator: "\n") + "\n"
  }

  /// `# ` comment lines for `text`. A trailing backslash gets a space after it, because gnuplot
  /// continues a comment that ends in `\` onto the next line and would swallow that line.
  private static func commentLines(_ text: String) -> [String] {
    text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { line in
      line.isEmpty ? "#" : "# " + line + (line.hasSuffix("\\") ? " " : "")
    }
  }

  private static func isSpaceOrControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
  }
}

/// One data set of a datablock: rows of numbers, optionally preceded by a comment line.
public struct DatablockSection: Hashable, Sendable {
  /// A comment written above the rows (`# N = 0.5`), for a reader of the script.
  public var comment: String?
  /// The rows; every row has one value per datablock column.
  public var rows: [[Double]]

  public init(comment: String? = nil, rows: [[Double]]) {
    self.comment = comment
    self.rows = rows
  }
}
