import Foundation

/// Adds measured results (e.g. the 14 B model the paper did not publish) to the database, all
/// or nothing: `repro ingest FILE`.
///
/// The input (CSV or JSON Lines, see ``IngestFormat``) is validated as a whole first: every row
/// needs a known suite, that suite's metric, a finite value inside the metric's range (an
/// average accuracy below 1, see `SuiteRecord.problem(with:)`), N > 0,
/// a whole V > 0, and must not repeat another row of the file or a configuration already in the
/// seed files. A row that repeats an earlier *ingested* row replaces it with `replace`; rows of
/// the paper's own files are never replaced. Any problem rejects the whole file with every bad
/// line named, before anything is written.
///
/// Accepted rows become one normalised seed file `paper-artifacts/ingested/<name>.csv` (the
/// documented seed format, rows sorted by suite, N and V, the input's `#` header kept), and the
/// database is rebuilt from the seed files. The new seed set and database are first built in a
/// hidden staging folder; only then are the seed files written and the database renamed into
/// place, the database last, and a failure there restores the previous seed files. So a rejected
/// or failed ingest leaves the seed folder and the database exactly as they were.
public struct ResultIngest: Sendable {
  public var layout: ProjectLayout
  /// Replace earlier ingested rows (and an earlier seed file of the same name) instead of
  /// rejecting the duplicates.
  public var replace: Bool
  /// A suite this ingest declares (``SuiteDeclaration``), so rows may name it: written into the
  /// seed file's header, where every later rebuild finds it.
  public var newSuite: NewSuite?

  /// A suite to declare: its id (a plain lowercase name) and what its values average.
  public struct NewSuite: Sendable, Equatable {
    public var id: SuiteID
    public var description: String

    public init(id: SuiteID, description: String) {
      self.id = id
      self.description = description
    }
  }

  public init(layout: ProjectLayout, replace: Bool = false, newSuite: NewSuite? = nil) {
    self.layout = layout
    self.replace = replace
    self.newSuite = newSuite
  }

  /// Ingests `file`, read as `format` (by default from its extension), into
  /// `ingested/<name>.csv` (by default the file's base name).
  @discardableResult
  public func ingest(_ file: URL, format: IngestFormat? = nil, name: String? = nil) throws -> IngestReport {
    let name = name ?? file.deletingPathExtension().lastPathComponent
    guard Self.isPlainName(name) else { throw IngestError.invalidName(name) }
    let key = "\(SeedFile.ingestedDirectory)/\(name).csv"
    var input = try IngestInput.read(file, format: format ?? IngestFormat(fileName: file.lastPathComponent))
    guard !input.rows.isEmpty else { throw IngestError.noRows(file: file.path) }
    if let newSuite {
      let text = SuiteDeclaration.headerText(id: newSuite.id, description: newSuite.description)
      guard case .success(let suite) = SuiteDeclaration.parse(text) else {
        let reason = SuiteDeclaration.problem(withID: newSuite.id.rawValue) ?? "the new suite needs a description"
        throw IngestError.rejected(file: file.path, problems: [IngestProblem(line: 0, reason: "--new-suite: \(reason)")])
      }
      input.header.append("# " + text)
      input.suites.append((0, suite))
    }

    let seeds = try SeedFile.load(from: layout.seedDirectory)
    if seeds.contains(where: { $0.relativePath == key }), !replace {
      throw IngestError.seedFileExists(path: layout.seedDirectory.appendingPathComponent(key).path)
    }
    // The file of the same name is replaced as a whole, so its rows are not "existing" ones.
    let existing = try seeds.filter { $0.relativePath != key }.map(SeedParser.parse)
    let replaced = try validate(input, file: file, against: existing)

    var next: [String: Data] = [:]  // relative path → new bytes; a nil entry below means "delete"
    var removed: [String] = []
    for (path, lines) in Dictionary(grouping: replaced, by: \.source).mapValues({ Set($0.flatMap { Array($0.row.line...$0.row.lastLine) }) }) {
      let seed = seeds.first { $0.relativePath == path }!
      let remaining = Self.removing(lines: lines, from: seed.bytes)
      if try SeedParser.parse(SeedFile(relativePath: path, url: seed.url, layout: .ingested, bytes: remaining)).rows.isEmpty {
        removed.append(path)
      } else {
        next[path] = remaining
      }
    }
    next[key] = Data(Self.normalised(input, from: file).utf8)
    let digest = try commit(seeds: seeds, writing: next, removing: removed)
    return IngestReport(
      seedFile: key, rows: input.rows.count,
      replaced: replaced.sorted { ($0.source, $0.line) < ($1.source, $1.line) }.map(\.description),
      removedSeedFiles: removed.sorted(), seedDigest: digest)
  }

  // MARK: Validation

  /// An existing row an input row replaces.
  struct Replacement: CustomStringConvertible {
    var source: String
    var line: Int
    var row: SeedRow
    var description: String {
      "\(row.suite) N = \(row.N) B, V = \(row.V): \(row.value) from \(source):\(line)"
    }
  }

  /// Every problem of `rows`, or the existing ingested rows they replace.
  private func validate(_ input: IngestInput, file: URL, against existing: [ParsedSeed]) throws -> [Replacement] {
    let rows = input.rows
    var owners: [RowKey: (source: String, ingested: Bool, row: SeedRow)] = [:]
    for seed in existing {
      for row in seed.rows {
        owners[RowKey(row)] = (seed.file.relativePath, seed.file.layout == .ingested, row)
      }
    }
    var problems: [IngestProblem] = []
    var replacements: [Replacement] = []
    var suites = try SuiteDeclaration.catalog(existing)
    for (line, suite) in input.suites {
      if suites.contains(where: { $0.id == suite.id }) {
        problems.append(IngestProblem(line: line, reason: "suite '\(suite.id)' already exists; its rows need no new declaration"))
      } else {
        suites.append(suite)
      }
    }
    var seen: [RowKey: Int] = [:]
    for row in rows {
      let complain = { (reason: String) in problems.append(IngestProblem(line: row.line, reason: reason)) }
      guard let suite = suites.first(where: { $0.id == row.suite }) else {
        complain("unknown suite '\(row.suite)'; known: \(suites.map(\.id.rawValue).joined(separator: ", ")) "
          + "(declare a new one with repro ingest --new-suite ID --description TEXT)")
        continue
      }
      if row.metric != suite.metric { complain("suite \(suite.id) is measured as \(suite.metric), not '\(row.metric)'") }
      if !(row.N > 0) { complain("llm_params_billion must be > 0, got \(row.N)") }
      if !(row.V > 0) { complain("visual_tokens must be > 0, got \(row.V)") }
      if let problem = suite.problem(with: row.value) { complain(problem) }
      let key = RowKey(row)
      if let first = seen[key] {
        complain("repeats line \(first) (same suite, N, V and metric)")
        continue
      }
      seen[key] = row.line
      guard let owner = owners[key] else { continue }
      if !owner.ingested {
        complain("\(row.suite) at N = \(row.N) B, V = \(row.V) is published data (\(owner.source):\(owner.row.line)), which is never replaced")
      } else if !replace {
        complain("\(row.suite) at N = \(row.N) B, V = \(row.V) is already ingested (\(owner.source):\(owner.row.line)); pass --replace to replace it")
      } else {
        replacements.append(Replacement(source: owner.source, line: owner.row.line, row: owner.row))
      }
    }
    guard problems.isEmpty else {
      throw IngestError.rejected(file: file.path, problems: problems.sorted { $0.line < $1.line })
    }
    return replacements
  }

  /// What makes two results the same configuration (the `result` table's unique key).
  private struct RowKey: Hashable {
    var suite: SuiteID
    var family: String
    var N: Double
    var method: String
    var V: Int
    var metric: String

    init(_ row: SeedRow) {
      (suite, family, N, method, V, metric) = (row.suite, row.family, row.N, row.method, row.V, row.metric)
    }
  }

  // MARK: Writing

  /// The seed file for `input`: a provenance line, the input's header, the columns, the rows
  /// sorted by suite, N and V, numbers in their shortest round-tripping spelling.
  static func normalised(_ input: IngestInput, from file: URL) -> String {
    let rows = input.rows.sorted { ($0.suite, $0.N, $0.V) < ($1.suite, $1.N, $1.V) }.map { row in
      [row.suite.rawValue, number(row.N), String(row.V), row.metric, number(row.value), row.note ?? ""]
        .map(csvField).joined(separator: ",")
    }
    return (["# Ingested with `repro ingest` from \(file.lastPathComponent)."] + input.header
      + ["suite,llm_params_billion,visual_tokens,metric,value,source_note"] + rows)
      .joined(separator: "\n") + "\n"
  }

  static func number(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  static func csvField(_ text: String) -> String {
    text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
      ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
  }

  /// `bytes` without the 1-based `lines` (numbered as ``SeedText`` numbers them), each line
  /// removed with its line break.
  private static func removing(lines: Set<Int>, from bytes: Data) -> Data {
    let kept = SeedText.lines(of: String(decoding: bytes, as: UTF8.self)).enumerated()
      .filter { !lines.contains($0.offset + 1) }
      .map { String($0.element.content) + ($0.element.terminator.map(String.init) ?? "") }
    return Data(kept.joined().utf8)
  }

  private static func isPlainName(_ name: String) -> Bool {
    !name.isEmpty && !name.hasPrefix(".")
      && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
  }

  /// Builds the new seed set and database in a staging folder, then writes the seed files and
  /// moves the database into place, restoring the previous seed files if any step fails.
  /// Returns the new seed digest.
  private func commit(seeds: [SeedFile], writing next: [String: Data], removing removed: [String]) throws -> String {
    let files = FileManager.default
    let seedDirectory = layout.seedDirectory
    let staging = seedDirectory.appendingPathComponent(".ingest-\(UUID().uuidString)", isDirectory: true)
    defer { try? files.removeItem(at: staging) }
    var staged = Dictionary(uniqueKeysWithValues: seeds.map { ($0.relativePath, $0.bytes) })
    for path in removed { staged[path] = nil }
    staged.merge(next) { _, new in new }
    for (path, bytes) in staged {
      let url = staging.appendingPathComponent(path)
      try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try bytes.write(to: url)
    }
    let stagedDatabase = staging.appendingPathComponent(layout.databaseURL.lastPathComponent)
    try DatabaseBuilder.build(seedDirectory: staging, database: stagedDatabase)
    let digest = try ResultsDatabase.openReadOnly(stagedDatabase, seedDirectory: staging).seedDigest

    let previous = Dictionary(uniqueKeysWithValues: seeds.map { ($0.relativePath, $0.bytes) })
    var touched: [String] = []
    do {
      try files.createDirectory(
        at: seedDirectory.appendingPathComponent(SeedFile.ingestedDirectory), withIntermediateDirectories: true)
      for (path, bytes) in next.sorted(by: { $0.key < $1.key }) {
        touched.append(path)
        try bytes.write(to: seedDirectory.appendingPathComponent(path), options: .atomic)
      }
      for path in removed {
        touched.append(path)
        try files.removeItem(at: seedDirectory.appendingPathComponent(path))
      }
      guard rename(stagedDatabase.path, layout.databaseURL.path) == 0 else {
        throw ResultsStoreError.writeFailed(path: layout.databaseURL.path, reason: String(cString: strerror(errno)))
      }
    } catch {
      for path in touched {
        let url = seedDirectory.appendingPathComponent(path)
        if let bytes = previous[path] { try? bytes.write(to: url, options: .atomic) } else { try? files.removeItem(at: url) }
      }
      throw IngestError.commitFailed(reason: "\(error)")
    }
    return digest
  }
}

/// What an ingest added.
public struct IngestReport: Sendable, Equatable, Codable {
  /// The seed file written, relative to `paper-artifacts/`, e.g. `ingested/qwen14b.csv`.
  public var seedFile: String
  /// Rows added.
  public var rows: Int
  /// Earlier ingested rows that were replaced (`--replace`), each with its value and source line.
  public var replaced: [String]
  /// Earlier ingested seed files left without rows by the replacement, and so removed.
  public var removedSeedFiles: [String]
  /// The seed digest of the rebuilt database.
  public var seedDigest: String
}
