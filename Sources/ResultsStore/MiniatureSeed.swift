import AtomicFiles
import Foundation

/// A miniature replication's results as a seed file, `paper-artifacts/mini/results/<suite>.csv`:
/// the one format the engine's evaluation writes and the database builder reads.
///
/// Why a seed file and not rows written straight into the database: the database is rebuilt from
/// its seed files alone, so the replication's numbers are text in git beside the checkpoints
/// they came from (each row's note names its checkpoint's SHA-256), and a hand-edited database
/// is repaired from them like the paper's.
public struct MiniatureSeed: Equatable, Sendable {
  /// One evaluated model.
  public struct Row: Equatable, Sendable {
    public var family: String
    public var paramsBillion: Double
    public var visualTokens: Int
    /// A `mini-…` compression method (the database's vocabulary).
    public var method: String
    /// Accuracy on the held-out set, in [0, 1).
    public var accuracy: Double
    /// Provenance: the cell, its checkpoint's SHA-256, the evaluation's counts and cross-entropy.
    public var note: String
    /// When the configuration was trained with several seeds: how many (``accuracy`` is their
    /// mean) and their accuracies' sample standard deviation; `nil` for one seed.
    public var seedSpread: (seeds: Int, standardDeviation: Double)?
    /// Which held-out questions each seed's model answered correctly, in seed order: what
    /// ``accuracy`` and the spread are computed from.
    public var answers: [CorrectAnswers]

    public init(
      family: String, paramsBillion: Double, visualTokens: Int, method: String, accuracy: Double, note: String,
      seedSpread: (seeds: Int, standardDeviation: Double)? = nil, answers: [CorrectAnswers]
    ) {
      self.answers = answers
      self.family = family
      self.paramsBillion = paramsBillion
      self.visualTokens = visualTokens
      self.method = method
      self.accuracy = accuracy
      self.note = note
      self.seedSpread = seedSpread
    }

    public static func == (lhs: Row, rhs: Row) -> Bool {
      (lhs.family, lhs.paramsBillion, lhs.visualTokens, lhs.method, lhs.accuracy, lhs.note)
        == (rhs.family, rhs.paramsBillion, rhs.visualTokens, rhs.method, rhs.accuracy, rhs.note)
        && lhs.seedSpread?.seeds == rhs.seedSpread?.seeds && lhs.seedSpread?.standardDeviation == rhs.seedSpread?.standardDeviation
        && lhs.answers == rhs.answers
    }
  }

  public var suite: SuiteID
  /// The suite's one-line description (its `# New suite:` declaration).
  public var description: String
  /// Further `#` header lines: where the numbers come from.
  public var header: [String]
  public var rows: [Row]

  public init(suite: SuiteID, description: String, header: [String], rows: [Row]) {
    self.suite = suite
    self.description = description
    self.header = header
    self.rows = rows
  }

  /// The mean of several seeds' accuracies, summed in seed order: the one rule by which the
  /// evaluation writes a row and the parser checks it, so a kept row compares equal.
  public static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

  /// The sample standard deviation (n − 1) of several seeds' accuracies, n ≥ 2, as ``mean``.
  public static func sampleStandardDeviation(_ values: [Double]) -> Double {
    let mean = mean(values)
    return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
  }

  /// Where `suite`'s file lives under the seed directory (`paper-artifacts/`).
  public static func url(of suite: SuiteID, seedDirectory: URL) -> URL {
    seedDirectory.appendingPathComponent(SeedFile.miniatureDirectory, isDirectory: true)
      .appendingPathComponent("\(suite.rawValue).csv")
  }

  /// The file's text: the declaration, the header, the columns, then the rows sorted by
  /// compressor, N and V, numbers in their shortest round-tripping spelling.
  public var text: String {
    let lines = rows.sorted { ($0.method, $0.paramsBillion, $0.visualTokens) < ($1.method, $1.paramsBillion, $1.visualTokens) }
      .map { row in
        [suite.rawValue, row.family, ResultIngest.number(row.paramsBillion), String(row.visualTokens), row.method,
         ReferenceData.averageAccuracy, ResultIngest.number(row.accuracy), row.seedSpread.map { String($0.seeds) } ?? "",
         row.seedSpread.map { ResultIngest.number($0.standardDeviation) } ?? "", String(row.answers.first?.questions ?? 0),
         row.answers.map(\.hex).joined(separator: " "), row.note]
          .map(ResultIngest.csvField).joined(separator: ",")
      }
    return (["# " + SuiteDeclaration.headerText(id: suite, description: description)] + header.map { "# " + $0 }
      + [SeedFile.miniatureColumns.joined(separator: ",")] + lines).joined(separator: "\n") + "\n"
  }

  /// Writes the file atomically when its text differs from what is there; returns whether it wrote.
  @discardableResult
  public func write(seedDirectory: URL) throws -> Bool {
    let url = Self.url(of: suite, seedDirectory: seedDirectory)
    let data = Data(text.utf8)
    if FileManager.default.contents(atPath: url.path) == data { return false }
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try AtomicFile.write(data, to: url)
    return true
  }

  /// The rows of `suite`'s file, parsed as the database builder parses them; empty when there is
  /// no file yet. A malformed file is an error naming its line.
  public static func rows(of suite: SuiteID, seedDirectory: URL) throws -> [Row] {
    let url = url(of: suite, seedDirectory: seedDirectory)
    guard let bytes = FileManager.default.contents(atPath: url.path) else { return [] }
    let file = SeedFile(relativePath: "\(SeedFile.miniatureDirectory)/\(url.lastPathComponent)", url: url, layout: .miniature, bytes: bytes)
    return try SeedParser.parse(file).rows.map { row in
      Row(
        family: row.family, paramsBillion: row.N, visualTokens: row.V, method: row.method, accuracy: row.value, note: row.note ?? "",
        seedSpread: row.seeds.flatMap { seeds in row.seedStandardDeviation.map { (seeds, $0) } }, answers: row.answers)
    }
  }
}
