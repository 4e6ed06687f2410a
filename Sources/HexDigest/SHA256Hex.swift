import Crypto
import Foundation

/// SHA-256 as lowercase hex: the one spelling of every content digest in this package (seed
/// files, data selections, code and engine fingerprints, checkpoints, shards), so two of them
/// can be compared as text and checked with `sha256sum`.
public enum SHA256Hex {
  /// The digest of `data`.
  public static func of(_ data: Data) -> String {
    hex(SHA256.hash(data: data))
  }

  /// The digest of the file at `url`, read memory-mapped (checkpoints are large).
  public static func of(fileAt url: URL) throws -> String {
    of(try Data(contentsOf: url, options: .alwaysMapped))
  }

  private static let digits = Array("0123456789abcdef".utf8)

  /// A finished digest's bytes as lowercase hex (for digests built incrementally with `SHA256()`).
  public static func hex(_ digest: some Sequence<UInt8>) -> String {
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for byte in digest {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
