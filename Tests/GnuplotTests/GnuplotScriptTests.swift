import Gnuplot
import GoldenFiles
import Testing

/// A small script that uses every part of the builder; `Golden/small.gp` is its exact text.
func smallScript() throws -> GnuplotScript {
  var script = try GnuplotScript(
    name: "small", canvas: GnuplotCanvas(width: 640, height: 480, font: "DejaVu Sans", fontSize: 12),
    header: ["law: Y(N, V) = a·N^-α·V^-β + D", "a = 0.59077, alpha = 0.0709, beta = 0.0151, D = 0.0"])
  try script.datablock("OBS", columns: ["N", "V", "Y"], sections: [
    DatablockSection(comment: "N = 0.5", rows: [[0.5, 1, 0.6145], [0.5, 576, 0.568]]),
    DatablockSection(comment: "N = 7", rows: [[7, 1, 0.519], [7, 576, 0.4646]]),
  ])
  try script.variable("a", 0.59077)
  try script.variable("alpha", 0.0709)
  try script.variable("beta", 0.0151)
  try script.variable("D", 0)
  try script.function("Y", parameters: ["N", "V"], definition: "a*N**(-alpha)*V**(-beta) + D")
  script.blankLine()
  script.comment("The law for N = 0.5 and 7, and the observations.")
  script.command("set logscale x")
  script.command("set title \(GnuplotLiteral.string("Small: a fit's curves"))")
  script.command(
    "plot sample [u=0:log(576.0)] '+' using (exp(u)):(Y(0.5,exp(u))) with lines title '0.5B', "
      + "[u=0:log(576.0)] '+' using (exp(u)):(Y(7.0,exp(u))) with lines title '7B', "
      + "$OBS index 0 using 2:3 with points pt 7 notitle, $OBS index 1 using 2:3 with points pt 13 notitle")
  return script
}

@Suite("Building gnuplot scripts")
struct GnuplotScriptTests {
  @Test("a small script matches Golden/small.gp byte for byte")
  func golden() throws {
    try Golden.expect(try smallScript().text, matches: "small.gp")
  }

  @Test("the same inputs give the same bytes")
  func deterministic() throws {
    #expect(try smallScript().text == (try smallScript().text))
  }

  @Test("the preamble picks the terminal from `format` and names the output after the script")
  func preamble() throws {
    let text = try smallScript().text
    #expect(text.contains("if (!exists(\"format\")) format = 'png'\n"))
    #expect(text.contains("if (!exists(\"outfile\")) outfile = 'small.' . format\n"))
    #expect(text.contains("set terminal pngcairo size 640,480 enhanced font 'DejaVu Sans,12'"))
    #expect(text.contains("set terminal svg size 640,480 "))
    #expect(text.contains("set terminal pdfcairo size 640/96.0,480/96.0 "))
    #expect(text.hasSuffix("\nunset output\n"))
  }

  @Test("a datablock has a column comment, full-precision rows and two blank lines between sections")
  func datablock() throws {
    var script = try GnuplotScript(name: "d", canvas: GnuplotCanvas(width: 1, height: 1, font: "f", fontSize: 1))
    try script.datablock("OBS_1", columns: ["N", "Y"], sections: [
      DatablockSection(comment: "first", rows: [[0.5, 1 - 0.3855]]),
      DatablockSection(rows: [[7, 1e-05], [14, 576]]),
    ])
    #expect(script.body == [
      "$OBS_1 << EOD", "# N Y", "# first", "0.5 0.6145", "", "", "7.0 1e-05", "14.0 576.0", "EOD",
    ])
  }

  @Test("bad datablocks are refused")
  func datablockErrors() throws {
    var script = try GnuplotScript(name: "d", canvas: GnuplotCanvas(width: 1, height: 1, font: "f", fontSize: 1))
    #expect(throws: GnuplotScriptError.rowWidthMismatch(datablock: "B", row: 2, expected: 2, found: 1)) {
      try script.datablock("B", columns: ["x", "y"], rows: [[1, 2], [3]])
    }
    #expect(throws: GnuplotScriptError.emptySection(datablock: "B", section: 1)) {
      try script.datablock("B", columns: ["x"], sections: [DatablockSection(rows: [[1]]), DatablockSection(rows: [])])
    }
    #expect(throws: GnuplotScriptError.invalidColumnName("marker size")) {
      try script.datablock("B", columns: ["marker size"], rows: [[1]])
    }
    #expect(throws: GnuplotScriptError.nonFiniteNumber(.infinity, context: "y in row 1 of $B")) {
      try script.datablock("B", columns: ["x", "y"], rows: [[1, .infinity]])
    }
    #expect(throws: GnuplotScriptError.invalidIdentifier("B-1")) {
      try script.datablock("B-1", columns: ["x"], rows: [[1]])
    }
    #expect(script.body.isEmpty, "nothing half-written")
  }

  @Test("variables and functions are checked; NaN never reaches the script")
  func variablesAndFunctions() throws {
    var script = try GnuplotScript(name: "v", canvas: GnuplotCanvas(width: 1, height: 1, font: "f", fontSize: 1))
    try script.variable("alpha", 0.0709)
    try script.function("flops", parameters: ["N", "V"], definition: "2*N*(Q+V)")
    #expect(script.body == ["alpha = 0.0709", "flops(N,V) = 2*N*(Q+V)"])
    let error = #expect(throws: GnuplotScriptError.self) { try script.variable("beta", .nan) }
    guard case .nonFiniteNumber(let value, "beta") = error else {
      Issue.record("expected a non-finite error for beta, got \(String(describing: error))")
      return
    }
    #expect(value.isNaN)
    #expect(throws: GnuplotScriptError.multilineText("1\nplot x")) {
      try script.function("f", parameters: ["x"], definition: "1\nplot x")
    }
    #expect(!script.text.contains("nan"))
  }

  @Test("comments cannot break out of their line")
  func comments() throws {
    var script = try GnuplotScript(
      name: "c", canvas: GnuplotCanvas(width: 1, height: 1, font: "f", fontSize: 1),
      header: ["two\nlines", "ends in \\", "crlf\r\nline"])
    script.comment("x\n\ny")
    #expect(script.body == ["# x", "#", "# y"])
    #expect(script.text.contains("# two\n# lines\n# ends in \\ \n# crlf\n# line\n"))
  }

  @Test("script names must be plain file base names", arguments: ["", ".hidden", "a/b", "a b", "fig'1"])
  func badNames(name: String) {
    #expect(throws: GnuplotScriptError.invalidScriptName(name)) {
      try GnuplotScript(name: name, canvas: GnuplotCanvas(width: 1, height: 1, font: "f", fontSize: 1))
    }
  }
}
