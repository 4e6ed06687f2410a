import Foundation

/// A seed file read into rows the builder can insert, each remembering its line for error messages.
struct ParsedSeed {
  var file: SeedFile
  /// The `#` header lines, verbatim.
  var header: [String]
  var source: SourceRecord
  var rows: [SeedRow]
  var issues: [SeedIssue]
  /// Suites the file declares (``SuiteDeclaration``), with their header line numbers.
  var suites: [(line: Int, suite: SuiteRecord)] = []
}

/// One number from a seed file, with everything needed to place it in `result`.
struct SeedRow {
  /// The line the row's record starts on, and the last it spans (a quoted field may hold a
  /// line break).
  var line: Int
  var lastLine: Int
  var suite: SuiteID
  var family: String
  var N: Double
  var method: String
  var V: Int
  var metric: String
  var value: Double
  var note: String?
  /// Miniature rows only: the value is the mean over this many seeds, with this sample standard deviation.
  var seeds: Int? = nil
  var seedStandardDeviation: Double? = nil
  /// Miniature rows only: each seed's held-out answers, from which the value and spread follow.
  var answers: [CorrectAnswers] = []
}

/// One "Known problems" bullet of a seed file's header.
struct SeedIssue {
  var line: Int
  var suite: SuiteID
  var N: Double?
  var V: Int?
  var description: String
}

/// Reads the seed CSVs: `#` header lines (provenance), one column line, then data rows.
///
/// The file is split into header and CSV records by ``SeedText`` (a CSV library underneath).
/// The parser checks syntax only (field counts, numbers that parse and are finite, known column
/// names); the value rules (V > 0, accuracy in [0, 1), one value per configuration) are enforced
/// when the builder inserts each row, by `SuiteRecord.problem(with:)` and the schema.
enum SeedParser {
  static func parse(_ file: SeedFile) throws -> ParsedSeed {
    let text: SeedText
    do {
      text = try SeedText(file.bytes)
    } catch {
      throw malformed(file, error.line, error.reason)
    }
    let header = text.header
    let columnLine = header.count + 1
    guard let columnRecord = text.records.first, columnRecord.lines.lowerBound == columnLine else {
      throw malformed(file, columnLine, "expected the column names line after the # header")
    }
    let context = Context(file: file)
    let columns = columnRecord.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    let records = text.records.dropFirst().map { (line: $0.lines.lowerBound, lastLine: $0.lines.upperBound, fields: $0.fields) }

    let rows: [SeedRow]
    var issues: [SeedIssue] = []
    switch file.layout {
    case .grid(let suite):
      try context.expect(columns, ["llm_params_billion", "visual_tokens", "avg_accuracy"], line: columnLine)
      rows = try records.map { try context.gridRow($0.fields, suite: suite, lines: $0.line...$0.lastLine) }
      issues = knownProblems(in: header, suite: suite)
    case .table1:
      rows = try context.table1Rows(columns: columns, columnLine: columnLine, records: records)
    case .ingested:
      try context.expect(
        columns, ["suite", "llm_params_billion", "visual_tokens", "metric", "value", "source_note"], line: columnLine)
      rows = try records.map { try context.ingestedRow($0.fields, lines: $0.line...$0.lastLine) }
    case .miniature:
      try context.expect(columns, SeedFile.miniatureColumns, line: columnLine)
      rows = try records.map { try context.miniatureRow($0.fields, lines: $0.line...$0.lastLine) }
    }
    let suites = try declaredSuites(in: header, of: file)
    if file.layout == .miniature { try checkMiniature(file, suites: suites, rows: rows) }
    return ParsedSeed(
      file: file, header: header.map(\.raw), source: try source(of: file, header: header), rows: rows, issues: issues,
      suites: suites)
  }

  /// A miniature results file is one suite's, written by `./repro all`: it declares exactly one
  /// suite, is named after it, and holds rows of that suite only — so a stray or renamed copy
  /// cannot add rows to the paper's grids or declare a suite twice unnoticed.
  private static func checkMiniature(_ file: SeedFile, suites: [(line: Int, suite: SuiteRecord)], rows: [SeedRow]) throws {
    guard suites.count == 1, let suite = suites.first?.suite.id else {
      throw malformed(file, 1, "a miniature results file declares exactly one suite (`# \(SuiteDeclaration.prefix) ID: …`), found \(suites.count)")
    }
    guard file.url.lastPathComponent == "\(suite.rawValue).csv" else {
      throw malformed(file, suites[0].line, "a miniature results file is named after its suite: \(suite.rawValue).csv; remove or rename this one")
    }
    if let stray = rows.first(where: { $0.suite != suite }) {
      throw malformed(file, stray.line, "a row of suite '\(stray.suite)' in the file of suite '\(suite)'")
    }
  }

  /// The suites the header declares; only ingested and miniature files may declare one.
  private static func declaredSuites(in header: [HeaderLine], of file: SeedFile) throws -> [(line: Int, suite: SuiteRecord)] {
    try header.compactMap { line -> (line: Int, suite: SuiteRecord)? in
      switch SuiteDeclaration.parse(line.text) {
      case nil: return nil
      case .failure(let error): throw malformed(file, line.number, error.reason)
      case .success(let suite):
        guard file.layout == .ingested || file.layout == .miniature else {
          throw malformed(file, line.number, "only ingested and miniature seed files may declare a new suite")
        }
        return (line.number, suite)
      }
    }
  }

  private typealias HeaderLine = SeedText.HeaderLine

  /// The `# Source:` line names `OWNER/REPO, PATH` and optionally `commit HASH`; the other header
  /// lines are kept verbatim as the note. The paper's files must have one; ingested files may not.
  private static func source(of file: SeedFile, header: [HeaderLine]) throws -> SourceRecord {
    let sourceLine = header.first { $0.text.hasPrefix("Source:") }
    var record = SourceRecord(
      key: file.relativePath,
      note: header.filter { $0.number != sourceLine?.number }.map(\.text).joined(separator: "\n"))
    guard let sourceLine else {
      if file.layout == .ingested || file.layout == .miniature { return record }
      throw malformed(file, 1, "missing a `# Source: … OWNER/REPO, PATH …` header line")
    }
    guard let match = sourceLine.text.firstMatch(of: /([\w.\-]+\/[\w.\-]+), ([\w.\/\-]*[\w\/])/) else {
      throw malformed(file, sourceLine.number, "the Source: line must name the repository and file as `OWNER/REPO, PATH`")
    }
    record.repository = String(match.1)
    record.file = String(match.2)
    record.commitHash = sourceLine.text.firstMatch(of: /commit ([0-9a-f]{7,40})\b/).map { String($0.1) }
    return record
  }

  /// The bullets (`- …`) that follow a header line mentioning "Known problems", verbatim.
  private static func knownProblems(in header: [HeaderLine], suite: SuiteID) -> [SeedIssue] {
    guard let start = header.firstIndex(where: { $0.text.contains("Known problems") }) else { return [] }
    return header[(start + 1)...]
      .map { ($0.number, $0.text.trimmingCharacters(in: .whitespaces)) }
      .prefix { $0.1.hasPrefix("- ") }
      .map { number, bullet in
        let description = String(bullet.dropFirst(2))
        let configuration = subjectConfiguration(of: description)
        return SeedIssue(line: number, suite: suite, N: configuration?.N, V: configuration?.V, description: description)
      }
  }

  /// The configuration a problem statement is about, written `7B@576` or `4B,V=4`: the one the
  /// sentence starts with, else the one after "at", else the only one mentioned.
  static func subjectConfiguration(of text: String) -> (N: Double, V: Int)? {
    let mentions = text.matches(of: /(\d+(?:\.\d+)?)B(?:@(\d+)|,\s*V\s*=\s*(\d+))/)
    let subject =
      mentions.first { $0.range.lowerBound == text.startIndex }
      ?? mentions.first { text[..<$0.range.lowerBound].hasSuffix("at ") }
      ?? (mentions.count == 1 ? mentions.first : nil)
    guard let subject, let N = Double(subject.1), let V = Int(subject.2 ?? subject.3 ?? "") else { return nil }
    return (N, V)
  }

  private static func malformed(_ file: SeedFile, _ line: Int, _ reason: String) -> ResultsStoreError {
    .malformedSeed(file: file.url.path, line: line, reason: reason)
  }

  /// Field-level parsing for one file, so every error names the file and line.
  private struct Context {
    var file: SeedFile

    func error(_ line: Int, _ reason: String) -> ResultsStoreError { malformed(file, line, reason) }

    func expect(_ columns: [String], _ expected: [String], line: Int) throws {
      guard columns == expected else {
        throw error(line, "expected columns \(expected.joined(separator: ",")), found \(columns.joined(separator: ","))")
      }
    }

    func gridRow(_ fields: [String], suite: SuiteID, lines: ClosedRange<Int>) throws -> SeedRow {
      let line = lines.lowerBound
      try count(fields, 3, line: line)
      return SeedRow(
        line: line, lastLine: lines.upperBound, suite: suite, family: ReferenceData.gridFamily,
        N: try number(fields[0], "llm_params_billion", line: line), method: ReferenceData.gridMethod,
        V: try integer(fields[1], "visual_tokens", line: line), metric: ReferenceData.averageAccuracy,
        value: try number(fields[2], "avg_accuracy", line: line))
    }

    func ingestedRow(_ fields: [String], lines: ClosedRange<Int>) throws -> SeedRow {
      let line = lines.lowerBound
      try count(fields, 6, line: line)
      let note = fields[5].trimmingCharacters(in: .whitespaces)
      return SeedRow(
        line: line, lastLine: lines.upperBound, suite: SuiteID(rawValue: fields[0].trimmingCharacters(in: .whitespaces)),
        family: ReferenceData.gridFamily, N: try number(fields[1], "llm_params_billion", line: line),
        method: ReferenceData.gridMethod, V: try integer(fields[2], "visual_tokens", line: line),
        metric: fields[3].trimmingCharacters(in: .whitespaces), value: try number(fields[4], "value", line: line),
        note: note.isEmpty ? nil : note)
    }

    func miniatureRow(_ fields: [String], lines: ClosedRange<Int>) throws -> SeedRow {
      let line = lines.lowerBound
      try count(fields, SeedFile.miniatureColumns.count, line: line)
      let field = { (index: Int) in fields[index].trimmingCharacters(in: .whitespaces) }
      var row = SeedRow(
        line: line, lastLine: lines.upperBound, suite: SuiteID(rawValue: field(0)), family: field(1),
        N: try number(fields[2], "llm_params_billion", line: line), method: field(4),
        V: try integer(fields[3], "visual_tokens", line: line), metric: field(5), value: try number(fields[6], "value", line: line),
        note: field(11).isEmpty ? nil : field(11))
      switch (field(7).isEmpty, field(8).isEmpty) {
      case (true, true): break
      case (false, false):
        let seeds = try integer(fields[7], "seeds", line: line)
        guard SeedFile.seedCountRange.contains(seeds) else {
          throw error(line, "seeds must be \(SeedFile.seedCountRange.lowerBound)…\(SeedFile.seedCountRange.upperBound) (a mean over one seed is the value itself: leave both seed columns empty)")
        }
        let spread = try number(fields[8], "seed_std", line: line)
        guard spread >= 0 else { throw error(line, "seed_std must be ≥ 0") }
        (row.seeds, row.seedStandardDeviation) = (seeds, spread)
      default:
        throw error(line, "seeds and seed_std go together: both empty (one seed) or both set")
      }
      row.answers = try answers(fields[9], fields[10], seeds: row.seeds ?? 1, line: line)
      try checkAgreement(row, line: line)
      return row
    }

    /// Each seed's held-out answers: `seeds` hex texts of `questions` answers each.
    func answers(_ questionsField: String, _ correctField: String, seeds: Int, line: Int) throws -> [CorrectAnswers] {
      let questions = try integer(questionsField, "questions", line: line)
      let texts = correctField.trimmingCharacters(in: .whitespaces).split(separator: " ", omittingEmptySubsequences: false)
      guard texts.count == seeds else {
        throw error(line, "correct holds \(texts.count) seeds' answers for a value over \(seeds) seed(s)")
      }
      return try texts.enumerated().map { index, text in
        switch CorrectAnswers.parse(hex: String(text), questions: questions) {
        case .success(let answers): return answers
        case .failure(let problem): throw error(line, "correct, seed \(index + 1): \(problem)")
        }
      }
    }

    /// The value (and the spread) a miniature row states must be what its answers give, so an
    /// edited number, or answers of another model, cannot pass as the evaluation's.
    func checkAgreement(_ row: SeedRow, line: Int) throws {
      let accuracies = row.answers.map(\.accuracy)
      let mean = MiniatureSeed.mean(accuracies)
      let fix = "this file is written by ./repro all from the committed checkpoints; delete it and run ./repro all to evaluate them again"
      guard abs(mean - row.value) <= 1e-12 else {
        throw error(line, "value \(row.value) is not the accuracy of its correct answers (\(mean)): \(fix)")
      }
      if let spread = row.seedStandardDeviation {
        let measured = MiniatureSeed.sampleStandardDeviation(accuracies)
        guard abs(measured - spread) <= 1e-12 else {
          throw error(line, "seed_std \(spread) is not the spread of its seeds' correct answers (\(measured)): \(fix)")
        }
      }
    }

    /// `method,tokens,<benchmark>…`: one row per method and token count, one result per non-empty cell.
    func table1Rows(columns: [String], columnLine: Int, records: [(line: Int, lastLine: Int, fields: [String])]) throws -> [SeedRow] {
      guard columns.count > 2, columns[0] == "method", columns[1] == "tokens" else {
        throw error(columnLine, "expected columns method,tokens,<benchmark>…, found \(columns.joined(separator: ","))")
      }
      let benchmarks = try columns.dropFirst(2).map { name in
        guard let suite = ReferenceData.suites.first(where: { $0.id.rawValue == name && $0.kind == .benchmark }) else {
          throw error(columnLine, "unknown benchmark column \(name)")
        }
        return suite
      }
      return try records.flatMap { line, lastLine, fields in
        try count(fields, columns.count, line: line)
        let label = fields[0].trimmingCharacters(in: .whitespaces)
        let method = label == ReferenceData.table1BaselineLabel ? ReferenceData.uncompressedMethod : label
        let tokens = try integer(fields[1], "tokens", line: line)
        return try zip(benchmarks, fields.dropFirst(2)).compactMap { suite, cell -> SeedRow? in
          guard !cell.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
          return SeedRow(
            line: line, lastLine: lastLine, suite: suite.id, family: ReferenceData.table1Family, N: ReferenceData.table1ParamsBillion,
            method: method, V: tokens, metric: suite.metric, value: try number(cell, suite.id.rawValue, line: line))
        }
      }
    }

    func count(_ fields: [String], _ expected: Int, line: Int) throws {
      guard fields.count == expected else { throw error(line, "expected \(expected) fields, found \(fields.count)") }
    }

    func number(_ field: String, _ column: String, line: Int) throws -> Double {
      let text = field.trimmingCharacters(in: .whitespaces)
      guard let value = Double(text), value.isFinite else {
        throw error(line, "\(column) '\(text)' is not a finite number")
      }
      return value
    }

    func integer(_ field: String, _ column: String, line: Int) throws -> Int {
      let text = field.trimmingCharacters(in: .whitespaces)
      guard let value = Int(text) else { throw error(line, "\(column) '\(text)' is not a whole number") }
      return value
    }
  }
}
