import Foundation
import Testing

@testable import ReproDriver

@Suite struct LockFileTests {
  @Test func contentHashIsLowercaseHexSHA256() {
    #expect(ContentHash.of(text: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}
