import Foundation

/// One text file the database is built from, with its bytes.
///
/// The seed is exactly: the three CSVs copied from the paper's data, every `*.csv` directly inside
/// `paper-artifacts/ingested/`, and every `*.csv` directly inside `paper-artifacts/mini/results/`
/// (the miniature replication's evaluations). Nothing else in `paper-artifacts/` is read.
struct SeedFile {
  /// How a seed file's columns are laid out.
  enum Layout: Equatable {
    /// `llm_params_billion,visual_tokens,avg_accuracy` for one averaged suite.
    case grid(SuiteID)
    /// `method,tokens,<benchmark>...`: Table 1.
    case table1
    /// `suite,llm_params_billion,visual_tokens,metric,value,source_note`, written by an ingest step.
    case ingested
    /// `suite,llm_family,llm_params_billion,visual_tokens,compression_method,metric,value,seeds,seed_std,source_note`:
    /// the miniature replication's models, evaluated by the bundled engine (``miniatureColumns``).
    case miniature
  }

  static let paperFiles: [(path: String, layout: Layout)] = [
    ("ocr_avg_accuracy.csv", .grid(.ocr)),
    ("table1_token_compression_vicuna7b.csv", .table1),
    ("visual_reasoning_avg_accuracy.csv", .grid(.visualReasoning)),
  ]
  static let ingestedDirectory = "ingested"
  /// How many seeds a miniature mean may be over: at least two, and a count a CPU could train.
  static let seedCountRange = 2...1_000
  static let miniatureDirectory = "mini/results"
  /// The miniature layout's columns, in order: the rows name their own family and compressor;
  /// `seeds` and `seed_std` are empty unless the value is a mean over several training seeds;
  /// `questions` is the held-out set's size and `correct` one ``CorrectAnswers`` hex text per
  /// seed, space-separated in seed order, from which `value` and `seed_std` must follow.
  public static let miniatureColumns = [
    "suite", "llm_family", "llm_params_billion", "visual_tokens", "compression_method", "metric", "value", "seeds", "seed_std",
    "questions", "correct", "source_note",
  ]

  /// Path inside the seed directory, e.g. `ocr_avg_accuracy.csv` or `ingested/x.csv`; the `source` key.
  var relativePath: String
  var url: URL
  var layout: Layout
  var bytes: Data

  /// Reads every seed file: the paper's files, then the ingested ones sorted by name, so ingested
  /// rows extend the paper's without renumbering them.
  static func load(from seedDirectory: URL) throws -> [SeedFile] {
    var files: [(String, Layout)] = paperFiles
    let ingested = seedDirectory.appendingPathComponent(ingestedDirectory, isDirectory: true)
    if let names = try? FileManager.default.contentsOfDirectory(atPath: ingested.path) {
      files += names.filter { $0.hasSuffix(".csv") }.sorted().map { ("\(ingestedDirectory)/\($0)", .ingested) }
    }
    let miniature = seedDirectory.appendingPathComponent(miniatureDirectory, isDirectory: true)
    if let names = try? FileManager.default.contentsOfDirectory(atPath: miniature.path) {
      files += names.filter { $0.hasSuffix(".csv") }.sorted().map { ("\(miniatureDirectory)/\($0)", .miniature) }
    }
    return try files.map { path, layout in
      let url = seedDirectory.appendingPathComponent(path, isDirectory: false)
      guard let bytes = FileManager.default.contents(atPath: url.path) else {
        throw ResultsStoreError.missingSeedFile(path: url.path)
      }
      return SeedFile(relativePath: path, url: url, layout: layout, bytes: bytes)
    }
  }
}

/// The SHA-256 fingerprint of the seed files, stored in the database's `meta` table.
///
/// Each file contributes its relative path and the SHA-256 of its bytes; ``digest`` is the SHA-256
/// of the manifest text `path\nsha256hex\n…` over all files in sorted order, so it can be
/// recomputed with `sha256sum`. Keeping the per-file hashes too lets a stale database say which
/// file changed.
struct SeedManifest: Equatable {
  /// Relative path → hex SHA-256 of the file's bytes.
  var fileDigests: [String: String]

  init(_ files: [SeedFile]) {
    fileDigests = Dictionary(uniqueKeysWithValues: files.map { ($0.relativePath, sha256Hex($0.bytes)) })
  }

  /// The manifest recorded in a database's `meta` rows.
  init(metaRecords: [MetaRecord]) {
    fileDigests = Dictionary(uniqueKeysWithValues: metaRecords.compactMap { record in
      record.key.hasPrefix(Self.filePrefix) ? (String(record.key.dropFirst(Self.filePrefix.count)), record.value) : nil
    })
  }

  var digest: String {
    let manifest = fileDigests.keys.sorted().map { "\($0)\n\(fileDigests[$0]!)\n" }.joined()
    return sha256Hex(Data(manifest.utf8))
  }

  static let digestKey = "seedDigest"
  static let filePrefix = "seed:"

  /// The `meta` rows that record this manifest.
  var metaRecords: [MetaRecord] {
    [MetaRecord(key: Self.digestKey, value: digest)]
      + fileDigests.keys.sorted().map { MetaRecord(key: Self.filePrefix + $0, value: fileDigests[$0]!) }
  }

  /// Plain-words differences from `built`, the manifest a database was built from.
  func changes(since built: SeedManifest) -> [String] {
    let paths = Set(fileDigests.keys).union(built.fileDigests.keys).sorted()
    return paths.compactMap { path in
      switch (built.fileDigests[path], fileDigests[path]) {
      case (nil, _?): "\(path) added"
      case (_?, nil): "\(path) removed"
      case (let old?, let new?) where old != new: "\(path) changed"
      default: nil
      }
    }
  }
}
