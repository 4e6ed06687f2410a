import Foundation

/// The files an experiment wrote, by content: what the lock records and checks for hand edits.
enum OutputFolder {
  /// Relative path → SHA-256 of every file under `directory` (hidden ones included, so a stray
  /// file is noticed); `nil` when the folder does not exist.
  static func hashes(of directory: URL) throws -> [String: String]? {
    let files = FileManager.default
    var isDirectory: ObjCBool = false
    guard files.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
    guard let walker = files.enumerator(atPath: directory.path) else {
      throw DriverError.unreadable(path: directory.path, reason: "cannot list the folder")
    }
    var hashes: [String: String] = [:]
    for case let relative as String in walker {
      let file = directory.appendingPathComponent(relative)
      guard files.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
      hashes[relative] = try ContentHash.of(fileAt: file)
    }
    return hashes
  }
}
