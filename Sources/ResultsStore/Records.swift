import GRDB

// One record type per table, each responsible for writing its table. Properties are the columns,
// named once here (Codable derives the column names); optional exactly where the schema allows NULL.

/// A row of `source`: one seed file's provenance.
struct SourceRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "source"
  var id: Int64?
  var key: String
  var repository: String?
  var commitHash: String?
  var file: String?
  var note: String

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `model`: an LLM family at one size.
struct ModelRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "model"
  var id: Int64?
  var family: String
  var paramsBillion: Double

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `suite`: an averaged benchmark family or a single benchmark, with its metric's range.
struct SuiteRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "suite"

  enum Kind: String, Codable, DatabaseValueConvertible {
    case average, benchmark
  }

  var id: SuiteID
  var kind: Kind
  var metric: String
  var maxValue: Double
  var description: String

  /// Why `value` cannot be a result of this suite, or `nil` if it can: the rule every consumer
  /// needs, checked by `repro ingest` and by the database builder alike. Inside [0, maxValue]
  /// (the schema's rule), and for an averaged suite strictly below 1: the scaling law reads it as
  /// the error Y = 1 − accuracy, and the fits take log Y and divide by Y.
  func problem(with value: Double) -> String? {
    if value.isNaN { return "value is NaN" }
    guard (0...maxValue).contains(value) else {
      return "value \(value) is outside [0, \(String(format: "%g", maxValue))], the range of \(metric)"
    }
    if kind == .average && value == maxValue {
      return "value \(value) would make the error Y = 1 − accuracy zero, which the scaling law's fits (log Y) and "
        + "relative errors (÷ Y) cannot use: an average accuracy must be below \(String(format: "%g", maxValue))"
    }
    return nil
  }
}

/// A row of `compressionMethod`: how the 576 CLIP tokens were reduced to `V`.
struct CompressionMethodRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "compressionMethod"
  var id: String
  var description: String
}

/// A row of `result`: one published number.
struct ResultRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "result"
  var id: Int64?
  var suiteId: SuiteID
  var modelId: Int64
  var compressionMethodId: String
  var visualTokens: Int
  var metric: String
  var value: Double
  var sourceId: Int64
  var note: String?

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `seedSpread`: a result that is the mean over several training seeds.
struct SeedSpreadRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "seedSpread"
  var resultId: Int64
  var seeds: Int
  var standardDeviation: Double
}

/// A row of `heldOutAnswers`: one seed's correct answers behind a result.
struct HeldOutAnswersRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "heldOutAnswers"
  var resultId: Int64
  var seedIndex: Int
  var questions: Int
  var correct: String
}

/// A row of `dataIssue`: a known problem in the published data, kept visible.
struct DataIssueRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "dataIssue"
  var id: Int64?
  var suiteId: SuiteID
  var sourceId: Int64
  var paramsBillion: Double?
  var visualTokens: Int?
  var description: String

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `meta`: facts about the build, such as the digest of the seed files it read.
struct MetaRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "meta"
  var key: String
  var value: String
}
