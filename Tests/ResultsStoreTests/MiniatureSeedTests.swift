import Foundation
import ResultsStore
import Testing

/// The miniature replication's seed files (`paper-artifacts/mini/results/`): written by the
/// engine's evaluation, read back by the builder with their own LLM family and compressor.
@Suite struct MiniatureSeedTests {
  static let suite = SuiteID(rawValue: "mini-test")

  static func seed(_ rows: [(N: Double, V: Int, accuracy: Double)], method: String = "mini-tokenpacker") -> MiniatureSeed {
    MiniatureSeed(
      suite: suite, description: "A test grid.", header: ["Computed for a test."],
      rows: rows.map {
        MiniatureSeed.Row(
          family: "mini-VLM", paramsBillion: $0.N, visualTokens: $0.V, method: method, accuracy: $0.accuracy,
          note: "cell c; checkpoint sha256 ab, with a comma")
      })
  }

  @Test func rowsRoundTripThroughTheFileAndTheDatabase() throws {
    let scratch = try Scratch()
    let seed = Self.seed([(2.5e-5, 4, 0.6), (2.5e-5, 1, 0.55), (8e-4, 1, 0.7)])
    #expect(try seed.write(seedDirectory: scratch.seedDirectory))
    #expect(try !seed.write(seedDirectory: scratch.seedDirectory), "the same text is not written twice")
    let read = try MiniatureSeed.rows(of: Self.suite, seedDirectory: scratch.seedDirectory)
    #expect(read == seed.rows.sorted { ($0.paramsBillion, $0.visualTokens) < ($1.paramsBillion, $1.visualTokens) })
    try scratch.rebuild()
    let database = try scratch.open()
    let measured = try database.measurements(suite: Self.suite)
    #expect(measured.map(\.family) == ["mini-VLM", "mini-VLM", "mini-VLM"])
    #expect(measured.map(\.method) == ["mini-tokenpacker", "mini-tokenpacker", "mini-tokenpacker"])
    #expect(measured.first?.source == "mini/results/mini-test.csv")
    #expect(try database.observations(suite: Self.suite).map(\.N) == [2.5e-5, 2.5e-5, 8e-4])
    #expect(try database.gridSuites().contains(Self.suite))
    #expect(try database.observations(suite: .visualReasoning).count == 28, "the paper's grid is read as before")
  }

  @Test func aGridMixingCompressorsMustBeReadWithOneChosen() throws {
    let scratch = try Scratch()
    var seed = Self.seed([(2.5e-5, 1, 0.55)])
    seed.rows += Self.seed([(2.5e-5, 1, 0.5)], method: "mini-pool").rows
    try seed.write(seedDirectory: scratch.seedDirectory)
    try scratch.rebuild()
    let database = try scratch.open()
    let error = try #require(throws: ResultsStoreError.self) { try database.observations(suite: Self.suite) }
    #expect("\(error)".contains("mini-VLM with mini-pool and mini-VLM with mini-tokenpacker"))
    #expect(try database.observations(suite: Self.suite, method: "mini-pool").map(\.Y) == [0.5])
  }

  @Test func anUnknownCompressorIsRejectedWithItsLine() throws {
    let scratch = try Scratch()
    try Self.seed([(2.5e-5, 1, 0.55)], method: "mini-magic").write(seedDirectory: scratch.seedDirectory)
    #expect(throws: ResultsStoreError.self) { try scratch.rebuild() }
  }

  @Test func aStrayOrRenamedFileIsAnErrorNamingIt() throws {
    let scratch = try Scratch()
    try Self.seed([(2.5e-5, 1, 0.55)]).write(seedDirectory: scratch.seedDirectory)
    let text = try scratch.read("mini/results/mini-test.csv")
    try scratch.write(text, to: "mini/results/mini-test.backup.csv")
    let error = try #require(throws: ResultsStoreError.self) { try scratch.rebuild() }
    #expect("\(error)".contains("named after its suite"))
    try FileManager.default.removeItem(at: scratch.seedDirectory.appendingPathComponent("mini/results/mini-test.backup.csv"))
    try scratch.write(text + "visual-reasoning,mini-VLM,0.5,1,mini-tokenpacker,avg_accuracy,0.5,,,\n", to: "mini/results/mini-test.csv")
    let mixed = try #require(throws: ResultsStoreError.self) { try scratch.rebuild() }
    #expect("\(mixed)".contains("a row of suite 'visual-reasoning'"))
  }

  /// A configuration trained with several seeds: its row is their mean, and the seed count and
  /// spread reach the database's seedSpread table and the `seedSpread:` selection.
  @Test func aMeanOverSeedsKeepsItsCountAndSpread() throws {
    let scratch = try Scratch()
    var seed = Self.seed([(2.5e-5, 1, 0.55), (8e-4, 1, 0.7)])
    seed.rows[1].seedSpread = (seeds: 3, standardDeviation: 0.05)
    try seed.write(seedDirectory: scratch.seedDirectory)
    #expect(try scratch.read("mini/results/mini-test.csv").contains(",avg_accuracy,0.7,3,0.05,"))
    let read = try MiniatureSeed.rows(of: Self.suite, seedDirectory: scratch.seedDirectory)
    #expect(read == seed.rows)
    try scratch.rebuild()
    let database = try scratch.open()
    #expect(try database.seedSpreads(suite: Self.suite) == [
      SeedSpread(N: 8e-4, V: 1, method: "mini-tokenpacker", mean: 0.7, seeds: 3, standardDeviation: 0.05),
    ])
    #expect(try database.canonicalDump(.seedSpread(suite: Self.suite)).hasPrefix("# seedSpread:mini-test\n"))
    #expect(DataSelection(id: "seedSpread:mini-test") == .seedSpread(suite: Self.suite))
    #expect(try database.seedSpreads(suite: .visualReasoning).isEmpty)
  }

  @Test(arguments: [
    ("3,", "seeds and seed_std go together"), (",0.05", "seeds and seed_std go together"),
    ("1,0.05", "seeds must be 2…1000"), ("3,-0.01", "seed_std must be ≥ 0"), ("3,nan", "not a finite number"),
    ("2.5,0.01", "not a whole number"),
  ])
  func aMalformedSeedSpreadIsRejectedWithItsLine(fields: String, reason: String) throws {
    let scratch = try Scratch()
    try Self.seed([(2.5e-5, 1, 0.55)]).write(seedDirectory: scratch.seedDirectory)
    let text = try scratch.read("mini/results/mini-test.csv")
    try scratch.write(text.replacingOccurrences(of: ",avg_accuracy,0.55,,,", with: ",avg_accuracy,0.55,\(fields),"), to: "mini/results/mini-test.csv")
    let error = try #require(throws: ResultsStoreError.self) { try scratch.rebuild() }
    #expect("\(error)".contains(reason) && "\(error)".contains("mini-test.csv"), "\(error)")
  }
}
