import Foundation
import HexDigest
import Testing

@Suite("SHA-256 as hex")
struct SHA256HexTests {
  @Test("matches sha256sum, lowercase, 64 digits")
  func knownDigests() throws {
    #expect(SHA256Hex.of(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256Hex.of(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sha256hex-\(UUID().uuidString)")
    try Data("abc".utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(try SHA256Hex.of(fileAt: url) == SHA256Hex.of(Data("abc".utf8)))
  }
}
