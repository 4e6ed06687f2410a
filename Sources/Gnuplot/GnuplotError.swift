/// Why gnuplot could not be found, run, or its output kept.
public enum GnuplotError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No gnuplot on PATH (or where `GNUPLOT` points). Scripts can still be written and rendered later.
  case notFound(searched: String)
  /// gnuplot exited unsuccessfully; `stderr` is what it said.
  case failed(arguments: [String], status: Int32, stderr: String)
  /// gnuplot reported success but wrote no image.
  case missingOutput(path: String)
  /// Writing a script or moving an image into place failed.
  case io(path: String, reason: String)

  public var description: String {
    switch self {
    case .notFound(let searched):
      """
      gnuplot was not found (\(searched)). Install it, e.g. `apt-get install gnuplot-nox` \
      (Debian/Ubuntu) or `brew install gnuplot` (macOS), or set GNUPLOT=/path/to/gnuplot. \
      The .gp scripts are self-contained: render one later with `gnuplot -e "format='png'" file.gp` \
      (or 'svg', 'pdf').
      """
    case .failed(let arguments, let status, let stderr):
      "gnuplot \(arguments.joined(separator: " ")) failed with status \(status):\n\(stderr)"
    case .missingOutput(let path):
      "gnuplot reported success but did not write \(path)"
    case .io(let path, let reason):
      "cannot write \(path): \(reason)"
    }
  }
}
