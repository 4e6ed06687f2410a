import Foundation
import ResultsStore
import Testing

/// The miniature replication's seed files (`paper-artifacts/mini/results/`): written by the
/// engine's evaluation, read back by the builder with their own LLM family and compressor.
@Suite struct MiniatureSeedTests {
  static let suite = SuiteID(rawValue: "mini-test")

  /// The held-out set of the test rows: 20 questions, so accuracies are multiples of 0.05.
  static let questions = 20

  /// Answers to ``questions`` questions with `accuracy` of them correct, the first ones.
  static func answers(_ accuracy: Double) -> CorrectAnswers {
    let correct = Int((accuracy * Double(questions)).rounded())
    return CorrectAnswers((0..<questions).map { $0 < correct })
  }

  static func seed(_ rows: [(N: Double, V: Int, accuracy: Double)], method: String = "mini-tokenpacker") -> MiniatureSeed {
    MiniatureSeed(
      suite: suite, description: "A test grid.", header: ["Computed for a test."],
      rows: rows.map {
        let answers = answers($0.accuracy)
        return MiniatureSeed.Row(
          family: "mini-VLM", paramsBillion: $0.N, visualTokens: $0.V, method: method, accuracy: answers.accuracy,
          note: "cell c; checkpoint sha256 ab, with a comma", answers: [answers])
      })
  }

  /// A row over three seeds answering 13, 14 and 15 of the 20 questions: its mean and spread as
  /// the evaluation computes them.
  static func threeSeeds(_ row: MiniatureSeed.Row) -> MiniatureSeed.Row {
    var row = row
    row.answers = [0.65, 0.7, 0.75].map(answers)
    let accuracies = row.answers.map(\.accuracy)
    row.accuracy = MiniatureSeed.mean(accuracies)
    row.seedSpread = (seeds: 3, standardDeviation: MiniatureSeed.sampleStandardDeviation(accuracies))
    return row
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
    let strayRow = "visual-reasoning,mini-VLM,0.5,1,mini-tokenpacker,avg_accuracy,0.5,,,20,\(Self.answers(0.5).hex),\n"
    try scratch.write(text + strayRow, to: "mini/results/mini-test.csv")
    let mixed = try #require(throws: ResultsStoreError.self) { try scratch.rebuild() }
    #expect("\(mixed)".contains("a row of suite 'visual-reasoning'"))
  }

  /// A configuration trained with several seeds: its row is their mean, and the seed count and
  /// spread reach the database's seedSpread table and the `seedSpread:` selection; every seed's
  /// answers reach the heldOutAnswers table, in seed order.
  @Test func aMeanOverSeedsKeepsItsCountSpreadAndAnswers() throws {
    let scratch = try Scratch()
    var seed = Self.seed([(2.5e-5, 1, 0.55), (8e-4, 1, 0.7)])
    seed.rows[1] = Self.threeSeeds(seed.rows[1])
    try seed.write(seedDirectory: scratch.seedDirectory)
    let spread = try #require(seed.rows[1].seedSpread)
    #expect(try scratch.read("mini/results/mini-test.csv").contains(",avg_accuracy,\(seed.rows[1].accuracy),3,\(spread.standardDeviation),20,"))
    let read = try MiniatureSeed.rows(of: Self.suite, seedDirectory: scratch.seedDirectory)
    #expect(read == seed.rows)
    try scratch.rebuild()
    let database = try scratch.open()
    #expect(try database.seedSpreads(suite: Self.suite) == [
      SeedSpread(N: 8e-4, V: 1, method: "mini-tokenpacker", mean: seed.rows[1].accuracy, seeds: 3, standardDeviation: spread.standardDeviation),
    ])
    #expect(try database.canonicalDump(.seedSpread(suite: Self.suite)).hasPrefix("# seedSpread:mini-test\n"))
    #expect(DataSelection(id: "seedSpread:mini-test") == .seedSpread(suite: Self.suite))
    #expect(try database.seedSpreads(suite: .visualReasoning).isEmpty)
    #expect(try database.heldOutAnswers(suite: Self.suite) == [
      HeldOutAnswers(N: 2.5e-5, V: 1, method: "mini-tokenpacker", seeds: [Self.answers(0.55)]),
      HeldOutAnswers(N: 8e-4, V: 1, method: "mini-tokenpacker", seeds: seed.rows[1].answers),
    ])
    #expect(DataSelection(id: "heldOutAnswers:mini-test") == .heldOutAnswers(suite: Self.suite))
    #expect(try database.heldOutAnswers(suite: .visualReasoning).isEmpty)
  }

  /// A value or spread that its answers do not give, answers of the wrong size or with bits past
  /// the last question, or answers for another number of seeds: each rejected with its line.
  @Test(arguments: [
    (",avg_accuracy,0.55,,,20,", ",avg_accuracy,0.6,,,20,", "is not the accuracy of its correct answers"),
    (",20,ff0700,", ",20,ff0710,", "bits set past question 20"),
    (",20,ff0700,", ",20,ff07,", "4 hex digits for 20 questions (expected 6)"),
    (",20,ff0700,", ",20,FF0700,", "not lowercase hex"),
    (",20,ff0700,", ",20,ff0700 ff0700,", "correct holds 2 seeds' answers for a value over 1 seed(s)"),
    (",avg_accuracy,0.55,,,20,", ",avg_accuracy,0.55,,,0,", "questions must be in 1…"),
  ])
  func answersThatDoNotGiveTheRowsValueAreRejected(replacing: String, with: String, reason: String) throws {
    let scratch = try Scratch()
    try Self.seed([(2.5e-5, 1, 0.55)]).write(seedDirectory: scratch.seedDirectory)
    let text = try scratch.read("mini/results/mini-test.csv")
    #expect(text.contains(replacing))
    try scratch.write(text.replacingOccurrences(of: replacing, with: with), to: "mini/results/mini-test.csv")
    let error = try #require(throws: ResultsStoreError.self) { try scratch.rebuild() }
    #expect("\(error)".contains(reason) && "\(error)".contains("mini-test.csv"), "\(error)")
  }

  @Test func aSpreadItsSeedsDoNotGiveIsRejected() throws {
    let scratch = try Scratch()
    var seed = Self.seed([(8e-4, 1, 0.7)])
    seed.rows[0] = Self.threeSeeds(seed.rows[0])
    seed.rows[0].seedSpread!.standardDeviation += 0.01
    try seed.write(seedDirectory: scratch.seedDirectory)
    let error = try #require(throws: ResultsStoreError.self) { try scratch.rebuild() }
    #expect("\(error)".contains("is not the spread of its seeds' correct answers"), "\(error)")
  }

  @Test func correctAnswersRoundTripThroughTheirText() throws {
    let correct = (0..<4_000).map { $0 % 3 == 0 || $0 % 7 == 0 }
    let answers = CorrectAnswers(correct)
    #expect(answers.correctCount == correct.filter { $0 }.count)
    #expect((0..<4_000).allSatisfy { answers[$0] == correct[$0] })
    #expect(answers.hex.count == 1_000)
    #expect(try CorrectAnswers.parse(hex: answers.hex, questions: 4_000).get() == answers)
    #expect(CorrectAnswers([true, false, false]).hex == "01")
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
    try scratch.write(text.replacingOccurrences(of: ",avg_accuracy,0.55,,,20,", with: ",avg_accuracy,0.55,\(fields),20,"), to: "mini/results/mini-test.csv")
    let error = try #require(throws: ResultsStoreError.self) { try scratch.rebuild() }
    #expect("\(error)".contains(reason) && "\(error)".contains("mini-test.csv"), "\(error)")
  }
}
