import Crypto
import Foundation

/// SHA-256 digests as lowercase hex: the one way the driver names content.
///
/// Staleness is decided only by these digests, never by timestamps, so touching a file changes
/// nothing and a fresh clone agrees with the committed lock file.
public enum ContentHash {
  /// The digest of `data`.
  public static func of(_ data: Data) -> String {
    hex(SHA256.hash(data: data))
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

  private static let digits = Array("0123456789abcdef".utf8)

  private static func hex(_ digest: SHA256.Digest) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(64)
    for byte in digest {
      bytes.append(digits[Int(byte >> 4)])
      bytes.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
