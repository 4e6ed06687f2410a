import Gnuplot
import Testing

@Suite("Numbers, strings and names in gnuplot syntax")
struct GnuplotLiteralTests {
  @Test("numbers are the shortest decimal that round-trips", arguments: [
    0.0709, 0.59077, 576.0, 1.0, -0.5, 1e-05, 1e+16, 0.1 + 0.2, 1 - 0.3917, .leastNonzeroMagnitude, .pi, -0.0,
  ])
  func roundTrip(value: Double) throws {
    let text = try GnuplotLiteral.number(value)
    #expect(Double(text) == value)
    #expect(Double(text)?.sign == value.sign)
    #expect(!text.contains(","), "no locale decimal comma")
  }

  @Test("spellings gnuplot reads as intended")
  func spellings() throws {
    #expect(try GnuplotLiteral.number(0.0709) == "0.0709")
    #expect(try GnuplotLiteral.number(576) == "576.0", "a trailing .0 avoids gnuplot's integer division")
    #expect(try GnuplotLiteral.number(1e-05) == "1e-05")
    #expect(try GnuplotLiteral.number(1 - 0.3917) == "0.6083000000000001")
  }

  @Test("NaN and infinities are refused with a clear error", arguments: [Double.nan, .infinity, -.infinity])
  func rejectsNonFinite(value: Double) {
    #expect(throws: GnuplotScriptError.self) { try GnuplotLiteral.number(value, context: "alpha") }
    do {
      _ = try GnuplotLiteral.number(value, context: "alpha")
    } catch {
      #expect(error.description.contains("alpha"))
      #expect(error.description.contains("finite"))
    }
  }

  @Test("plain text goes in single quotes, with '' for a quote")
  func singleQuoted() {
    #expect(GnuplotLiteral.string("#Tokens (V)") == "'#Tokens (V)'")
    #expect(GnuplotLiteral.string("authors' fit") == "'authors'' fit'")
    #expect(GnuplotLiteral.string("run `rm -rf /` \\n") == "'run `rm -rf /` \\n'", "nothing is interpreted in single quotes")
    #expect(GnuplotLiteral.string("α = 0.077") == "'α = 0.077'")
  }

  @Test("text with control characters goes in double quotes with escapes")
  func doubleQuoted() {
    #expect(GnuplotLiteral.string("Fit\nα = 0.077") == "\"Fit\\nα = 0.077\"")
    #expect(GnuplotLiteral.string("a\"b\\c\td\n") == "\"a\\\"b\\\\c\\td\\n\"")
    #expect(GnuplotLiteral.string("x\n`date`") == "\"x\\n\\140date\\140\"", "no shell command runs")
    #expect(GnuplotLiteral.string("\r\n") == "\"\\015\\n\"")
  }

  @Test("names must be gnuplot identifiers")
  func identifiers() throws {
    #expect(try GnuplotLiteral.identifier("OBS_1") == "OBS_1")
    #expect(try GnuplotLiteral.identifier("_x9") == "_x9")
    for bad in ["", "1a", "a-b", "a b", "α", "$OBS"] {
      #expect(throws: GnuplotScriptError.invalidIdentifier(bad)) { try GnuplotLiteral.identifier(bad) }
    }
  }
}
