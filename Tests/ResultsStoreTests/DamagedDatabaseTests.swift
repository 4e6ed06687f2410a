import Foundation
import GRDB
import ResultsStore
import Testing

/// Issue 11, items 3 and 4: a damaged or hand-edited `results.sqlite` is refused by every reader
/// with the fix, never read.
@Suite struct DamagedDatabaseTests {
  /// Overwrites `count` bytes at `offset` with a fixed pseudo-random pattern.
  static func scribble(_ url: URL, at offset: Int, count: Int) throws {
    var bytes = try Data(contentsOf: url)
    var state: UInt32 = 0x9E37_79B9
    for index in offset..<min(offset + count, bytes.count) {
      state = state &* 1_664_525 &+ 1_013_904_223
      bytes[index] = UInt8(truncatingIfNeeded: state >> 24)
    }
    try bytes.write(to: url)
  }

  static func pageSize(_ url: URL) throws -> Int {
    try DatabaseQueue(path: url.path).read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096 }
  }

  @Test func fourKiBOfRandomBytesInTheMiddleAreReportedWithTheFix() throws {
    let scratch = try Scratch()
    try scratch.rebuild()
    let size = try Data(contentsOf: scratch.databaseURL).count
    try Self.scribble(scratch.databaseURL, at: size / 2, count: 4096)

    let error = #expect(throws: ResultsStoreError.self) { try scratch.open() }
    guard case .corruptDatabase(let path, let problems) = error else {
      Issue.record("expected corruptDatabase, got \(String(describing: error))")
      return
    }
    #expect(path == scratch.databaseURL.path)
    #expect(!problems.isEmpty)
    #expect(error?.description.contains("./repro data rebuild") == true)
  }

  /// Wherever the damage lands, either opening refuses the file with the fix, or what readers
  /// get is exactly what the undamaged file gives (the damage hit unused bytes): nothing damaged
  /// is ever read silently.
  @Test func damageToAnyPageIsRefusedOrHarmless() throws {
    let scratch = try Scratch()
    try scratch.rebuild()
    let pristine = try Data(contentsOf: scratch.databaseURL)
    let selections: [DataSelection] = [
      .results(suite: .visualReasoning), .results(suite: .ocr), .table1, .dataIssues(suite: nil), .sources,
    ]
    let expected = try selections.map { try scratch.open().canonicalDump($0) }
    let page = try Self.pageSize(scratch.databaseURL)
    var refused = 0
    for start in stride(from: 0, to: pristine.count, by: page) {
      try pristine.write(to: scratch.databaseURL)
      try Self.scribble(scratch.databaseURL, at: start + 100, count: page - 200)
      do {
        let database = try scratch.open()
        #expect(try selections.map { try database.canonicalDump($0) } == expected, "page at \(start)")
      } catch let error as ResultsStoreError {
        refused += 1
        #expect(error.description.contains("./repro data rebuild"), "page at \(start): \(error)")
      }
    }
    #expect(refused >= pristine.count / page / 2, "most pages hold data: \(refused) of \(pristine.count / page) refused")
  }

  @Test func aRowEditedBySQLiteIsRefusedByEveryReader() throws {
    let scratch = try Scratch()
    try scratch.rebuild()
    try DatabaseQueue(path: scratch.databaseURL.path).write { db in
      try db.execute(sql: "UPDATE result SET value = 0.9 WHERE suiteId = 'visual-reasoning' AND visualTokens = 576")
    }
    let error = #expect(throws: ResultsStoreError.self) { try scratch.open() }
    #expect(error == .differsFromRebuild(path: scratch.databaseURL.path, tables: ["result"]))
    #expect(error?.description.contains("./repro data rebuild") == true)

    try scratch.rebuild()
    #expect(try !scratch.open().observations(suite: .visualReasoning).contains { abs($0.Y - 0.1) < 1e-9 })
  }

  @Test func anAddedTableOrDroppedIndexIsRefusedToo() throws {
    let scratch = try Scratch()
    try scratch.rebuild()
    try DatabaseQueue(path: scratch.databaseURL.path).write { db in try db.execute(sql: "DROP INDEX result_sourceId") }
    #expect(throws: ResultsStoreError.differsFromRebuild(path: scratch.databaseURL.path, tables: ["(schema)"])) {
      try scratch.open()
    }
  }

  /// Issue 11, item 1: what a reader hands out is what its fingerprint names.
  @Test func readFingerprintsNameExactlyTheRowsRead() throws {
    let scratch = try Scratch()
    try scratch.rebuild()
    let database = try scratch.open()
    #expect(database.readFingerprints.isEmpty)
    _ = try database.observations(suite: .ocr)
    let dump = try scratch.open().canonicalDump(.results(suite: .ocr))
    #expect(database.readFingerprints.keys.sorted() == ["results:ocr"])
    #expect(database.readFingerprints["results:ocr"] == sha256(dump))
    // A rebuild renames a new file into place: an open connection keeps reading the old one,
    // and its fingerprints keep naming what it reads.
    try scratch.replaceLine("0.5,1,0.09786452795", with: "0.5,1,0.09786452796", in: "ocr_avg_accuracy.csv")
    try scratch.rebuild()
    #expect(try database.canonicalDump(.results(suite: .ocr)) == dump)
    #expect(database.readFingerprints["results:ocr"] == sha256(dump))
  }

  private func sha256(_ text: String) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sha256sum"]
    let (input, output) = (Pipe(), Pipe())
    process.standardInput = input
    process.standardOutput = output
    try? process.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try? input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(String(decoding: data, as: UTF8.self).prefix(64))
  }
}
