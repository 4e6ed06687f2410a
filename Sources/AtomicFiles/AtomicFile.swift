import Foundation

/// Writes files and directories so that nobody ever sees them half-done.
///
/// Every output of this project goes through here: content is written to a hidden temporary
/// name in the destination's own directory and then renamed over the destination. A rename within
/// one file system is atomic, so a crash, a Ctrl-C or a failed step leaves either the old file or
/// the new one — never a truncated mix.
public enum AtomicFile {
  /// Why a write or rename failed, with the path involved.
  public struct Failure: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
  }

  /// A hidden temporary sibling of `url`, unique to this process and call.
  public static func temporarySibling(of url: URL) -> URL {
    url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp", isDirectory: false)
  }

  /// Writes `data` to `url` through a temporary sibling and a rename.
  public static func write(_ data: Data, to url: URL) throws(Failure) {
    let temporary = temporarySibling(of: url)
    do {
      try data.write(to: temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw Failure(path: url.path, reason: "\(error)")
    }
    try move(temporary, to: url)
  }

  /// Writes UTF-8 `text` to `url` atomically.
  public static func write(_ text: String, to url: URL) throws(Failure) {
    try write(Data(text.utf8), to: url)
  }

  /// Renames `source` over `destination` (replacing a file), removing `source` if that fails.
  public static func move(_ source: URL, to destination: URL) throws(Failure) {
    guard rename(source.path, destination.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: source)
      throw Failure(path: destination.path, reason: reason)
    }
  }

  /// Replaces the directory `destination` by the fully written directory `staged`.
  ///
  /// POSIX cannot rename over a non-empty directory, so the old one is first renamed aside and
  /// removed after the new one is in place. An interruption between the two renames leaves no
  /// directory at `destination` (reported as missing and rebuilt next time) and never a mix of
  /// old and new files.
  public static func replaceDirectory(_ destination: URL, with staged: URL) throws(Failure) {
    let files = FileManager.default
    var retired: URL?
    if files.fileExists(atPath: destination.path) {
      let aside = temporarySibling(of: destination)
      try move(destination, to: aside)
      retired = aside
    }
    try move(staged, to: destination)
    if let retired { try? files.removeItem(at: retired) }
  }
}
