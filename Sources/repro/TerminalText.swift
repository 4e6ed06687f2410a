import ArgumentParser
import Foundation
import ResultValues

/// `--full-precision`, shared by every command that prints fitted numbers for reading, so they
/// all round by ``ResultValues/DisplayNumber``'s one rule and lift it the same way.
struct PrecisionFlag: ParsableArguments {
  @Flag(help: "Print every digit of each number (default: 4 significant digits; --json always has every digit).")
  var fullPrecision = false

  /// Runs `body` with the chosen precision in force for ``DisplayNumber``.
  func apply<T>(_ body: () throws -> T) rethrows -> T {
    try DisplayNumber.$precision.withValue(fullPrecision ? .full : .rounded, operation: body)
  }
}

/// The terminal's width in columns, for wrapping long lines: `COLUMNS` when set to a positive
/// number, else the terminal's own size when standard output is one, else 80 (a pipe or a log
/// file, whose reader's width is unknown: 80 reads everywhere).
func terminalColumns() -> Int {
  if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
  guard isatty(STDOUT_FILENO) == 1 else { return 80 }
  var size = winsize()
  if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
  return 80
}
