import Foundation

/// The formats `repro ingest` reads.
public enum IngestFormat: String, CaseIterable, Sendable {
  /// The ingested-seed CSV: optional `#` header lines, then
  /// `suite,llm_params_billion,visual_tokens,metric,value,source_note` (see paper-artifacts/README.md).
  case csv
  /// JSON Lines: one object per line with the same fields as the CSV columns (`source_note`
  /// optional), e.g. `{"suite": "visual-reasoning", "llm_params_billion": 14, "visual_tokens": 1,
  /// "metric": "avg_accuracy", "value": 0.49}`.
  case jsonl

  /// The format a file name implies: `.jsonl`, `.ndjson` and `.json` are JSON Lines, anything
  /// else CSV.
  public init(fileName: String) {
    let name = fileName.lowercased()
    self = [".jsonl", ".ndjson", ".json"].contains { name.hasSuffix($0) } ? .jsonl : .csv
  }
}

/// An ingest input read into seed rows, each with its line in the input, plus the CSV header
/// lines to carry into the normalised seed file.
struct IngestInput {
  var rows: [SeedRow]
  /// The input's `#` header lines, verbatim (CSV only).
  var header: [String]
  /// Suites the input declares (a CSV header's `# New suite:` lines, or `repro ingest --new-suite`).
  var suites: [(line: Int, suite: SuiteRecord)] = []

  /// Reads `url` as `format`. Syntax problems (field counts, numbers that do not parse or are
  /// not finite, invalid JSON, missing or unknown fields) are reported with their line.
  static func read(_ url: URL, format: IngestFormat) throws -> IngestInput {
    guard let bytes = FileManager.default.contents(atPath: url.path) else {
      throw IngestError.rejected(file: url.path, problems: [IngestProblem(line: 1, reason: "cannot read the file")])
    }
    switch format {
    case .csv: return try csv(url, bytes)
    case .jsonl: return try jsonLines(url, bytes)
    }
  }

  /// The ingested-seed CSV, read by the same parser the database builder uses.
  private static func csv(_ url: URL, _ bytes: Data) throws -> IngestInput {
    let file = SeedFile(relativePath: url.lastPathComponent, url: url, layout: .ingested, bytes: bytes)
    let parsed: ParsedSeed
    do {
      parsed = try SeedParser.parse(file)
    } catch ResultsStoreError.malformedSeed(_, let line, let reason) {
      throw IngestError.rejected(file: url.path, problems: [IngestProblem(line: line, reason: reason)])
    }
    return IngestInput(rows: parsed.rows, header: parsed.header, suites: parsed.suites)
  }

  private static func jsonLines(_ url: URL, _ bytes: Data) throws -> IngestInput {
    guard let text = String(data: bytes, encoding: .utf8) else {
      throw IngestError.rejected(file: url.path, problems: [IngestProblem(line: 1, reason: "not UTF-8 text")])
    }
    var rows: [SeedRow] = []
    var problems: [IngestProblem] = []
    let body = text.first == SeedText.byteOrderMark ? String(text.dropFirst()) : text
    for (index, line) in SeedText.lines(of: body).map(\.content).enumerated() {
      guard !line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
      do {
        let object = try JSONDecoder().decode(JSONLine.self, from: Data(line.utf8))
        let note = object.note?.trimmingCharacters(in: .whitespaces)
        rows.append(SeedRow(
          line: index + 1, lastLine: index + 1, suite: SuiteID(rawValue: object.suite), family: ReferenceData.gridFamily, N: object.N,
          method: ReferenceData.gridMethod, V: object.V, metric: object.metric, value: object.value,
          note: note?.isEmpty == false ? note : nil))
      } catch {
        problems.append(IngestProblem(line: index + 1, reason: JSONLine.reason(error)))
      }
    }
    guard problems.isEmpty else { throw IngestError.rejected(file: url.path, problems: problems) }
    return IngestInput(rows: rows, header: [])
  }
}

/// One JSON Lines row: exactly the CSV's fields, nothing else.
private struct JSONLine: Decodable {
  var suite: String
  var N: Double
  var V: Int
  var metric: String
  var value: Double
  var note: String?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case suite, N = "llm_params_billion", V = "visual_tokens", metric, value, note = "source_note"
  }

  /// Any key, to find the ones that are not fields.
  struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  struct UnknownFields: Error {
    var names: [String]
  }

  init(from decoder: any Decoder) throws {
    let unknown = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
      .filter { CodingKeys(rawValue: $0) == nil }.sorted()
    guard unknown.isEmpty else { throw UnknownFields(names: unknown) }
    let container = try decoder.container(keyedBy: CodingKeys.self)
    suite = try container.decode(String.self, forKey: .suite)
    N = try container.decode(Double.self, forKey: .N)
    V = try container.decode(Int.self, forKey: .V)
    metric = try container.decode(String.self, forKey: .metric)
    value = try container.decode(Double.self, forKey: .value)
    note = try container.decodeIfPresent(String.self, forKey: .note)
  }

  /// A decoding failure in plain words.
  static func reason(_ error: any Error) -> String {
    let fields = CodingKeys.allCases.map(\.rawValue).joined(separator: ", ")
    switch error {
    case let unknown as UnknownFields:
      return "unknown field(s) \(unknown.names.joined(separator: ", ")); the fields are \(fields)"
    case DecodingError.keyNotFound(let key, _):
      return "missing field \(key.stringValue)"
    case DecodingError.valueNotFound(_, let context):
      return "field \(context.codingPath.last?.stringValue ?? "?") is null"
    case DecodingError.typeMismatch(let type, let context):
      let expected = type == Int.self ? "a whole number" : type == Double.self ? "a number" : type == String.self ? "text" : "an object"
      return context.codingPath.last.map { "field \($0.stringValue) must be \(expected)" } ?? "each line must be a JSON object"
    case DecodingError.dataCorrupted(let context):
      return context.codingPath.last.map { "field \($0.stringValue): \(context.debugDescription)" } ?? "not valid JSON"
    default:
      return "\(error)"
    }
  }
}
