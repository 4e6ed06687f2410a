import HexDigest
import Foundation

/// SHA-256 digests as lowercase hex: the one way the driver names content.
///
/// Staleness is decided only by these digests, never by timestamps, so touching a file changes
/// nothing and a fresh clone agrees with the committed lock file.
public enum ContentHash {
  /// The digest of `data`.
  public static func of(_ data: Data) -> String {
    SHA256Hex.of(data)
  }

  /// The digest of UTF-8 `text`.
  public static func of(text: String) -> String {
    of(Data(text.utf8))
  }

  /// The digest of the file at `url`.
  public static func of(fileAt url: URL) throws -> String {
    do {
      return of(try Data(contentsOf: url))
    } catch {
      throw DriverError.unreadable(path: url.path, reason: "\(error.localizedDescription)")
    }
  }

  /// The digest of a name → digest table, one `name\tdigest` line per entry in name order, so a
  /// table of file hashes gets one digest that changes when any entry does.
  public static func of(table: [String: String]) -> String {
    of(text: table.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)\n" }.joined())
  }
}
