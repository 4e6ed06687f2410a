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
  ///
  /// Written with the system calls themselves, so a failure says what the system said (`No such
  /// file or directory`), with the path, rather than Foundation's generic wording.
  public static func write(_ data: Data, to url: URL) throws(Failure) {
    let temporary = temporarySibling(of: url)
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw Failure(path: url.path, reason: String(cString: strerror(errno))) }
    var failure: Int32 = 0
    data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += written
      }
    }
    if close(descriptor) != 0 && failure == 0 { failure = errno }
    guard failure == 0 else {
      try? FileManager.default.removeItem(at: temporary)
      throw Failure(path: url.path, reason: String(cString: strerror(failure)))
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
