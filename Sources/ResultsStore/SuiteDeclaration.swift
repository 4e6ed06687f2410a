/// A suite that is not the paper's, declared by an ingested seed file: how a researcher adds
/// their own (N, V) grid, to be fitted and drawn like the paper's (issue 12, "any suite").
///
/// The declaration is one header line of the seed file, so the suite lives with its rows and
/// their provenance and the database is still rebuilt from the seed files alone:
///
///     # New suite: my-grid: Average accuracy of my models over my benchmarks.
///
/// A declared suite is an averaged grid (metric `avg_accuracy`, values in [0, 1)), the only kind
/// a scaling law is fitted to. Its id is a plain lowercase name and may not be one the paper's
/// vocabulary (``ReferenceData/suites``) or another seed file already uses.
enum SuiteDeclaration {
  /// The header line's prefix, after `# `.
  static let prefix = "New suite:"

  /// The header line that declares `id`, without the leading `# `.
  static func headerText(id: SuiteID, description: String) -> String {
    "\(prefix) \(id.rawValue): \(description)"
  }

  /// Why `id` cannot name a new suite, or nil.
  static func problem(withID id: String) -> String? {
    guard id.wholeMatch(of: /[a-z0-9][a-z0-9._-]{0,63}/) != nil else {
      return "a new suite's id must be a lowercase name of letters, digits, '.', '_' or '-' (at most 64), got '\(id)'"
    }
    return nil
  }

  /// The suite a header line declares: nil if the line is not a declaration; an error message
  /// if it starts like one but is malformed (never silently ignored).
  static func parse(_ text: String) -> Result<SuiteRecord, DeclarationError>? {
    guard text.hasPrefix(prefix) else { return nil }
    let rest = text.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
    guard let colon = rest.firstIndex(of: ":") else {
      return .failure(DeclarationError(reason: "expected `\(prefix) ID: DESCRIPTION`"))
    }
    let id = String(rest[..<colon]).trimmingCharacters(in: .whitespaces)
    let description = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    if let problem = problem(withID: id) { return .failure(DeclarationError(reason: problem)) }
    guard !description.isEmpty else {
      return .failure(DeclarationError(reason: "the new suite '\(id)' needs a description after its id"))
    }
    return .success(SuiteRecord(
      id: SuiteID(rawValue: id), kind: .average, metric: ReferenceData.averageAccuracy, maxValue: 1, description: description))
  }

  struct DeclarationError: Error {
    var reason: String
  }

  /// Every suite rows may name: the paper's vocabulary, then the suites `seeds` declare, in
  /// file order. A declaration that repeats a known id is an error naming its file and line.
  static func catalog(_ seeds: [ParsedSeed]) throws -> [SuiteRecord] {
    var suites = ReferenceData.suites
    for seed in seeds {
      for (line, suite) in seed.suites {
        if let known = suites.first(where: { $0.id == suite.id }) {
          let owner = ReferenceData.suites.contains { $0.id == known.id } ? "the paper's vocabulary" : "another seed file"
          throw ResultsStoreError.malformedSeed(
            file: seed.file.url.path, line: line, reason: "suite '\(suite.id)' is already declared by \(owner)")
        }
        suites.append(suite)
      }
    }
    return suites
  }
}
