import AtomicFiles
import Foundation

extension GnuplotScript {
  /// Writes the script to `directory/name.gp` atomically and returns its URL.
  @discardableResult
  public func write(into directory: URL) throws(GnuplotError) -> URL {
    let url = directory.appendingPathComponent(fileName)
    try GnuplotError.wrapping { () throws(AtomicFile.Failure) in try AtomicFile.write(Data(text.utf8), to: url) }
    return url
  }
}

extension GnuplotError {
  /// Runs a file operation, reporting its failure as ``GnuplotError/io(path:reason:)``.
  static func wrapping(_ operation: () throws(AtomicFile.Failure) -> Void) throws(GnuplotError) {
    do {
      try operation()
    } catch {
      throw .io(path: error.path, reason: error.reason)
    }
  }
}
