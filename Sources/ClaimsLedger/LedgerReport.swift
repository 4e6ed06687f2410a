import Foundation
import ScalingLaw
import ResultValues

/// The checked ledger: every claim's result, the data warnings and the fits they rest on.
///
/// Its JSON (``json()``) is the output of `repro verify --json`: an object with `schemaVersion`,
/// `dataDigest`, `settings`, `counts`, `claims` (see ``ClaimResult``), `warnings` and `fits`
/// (``FitSummary``, as `repro fit --json`). Keys are sorted and numbers at full precision, so the
/// same data gives the same bytes.
public struct LedgerReport: Sendable, Codable, Equatable {
  /// Bumped when a key is removed or changes meaning (adding keys keeps the version).
  public var schemaVersion = 2
  /// The digest of the data the claims were checked against (``LedgerInputs/dataDigest``).
  public var dataDigest: String?
  public var settings: Settings
  /// Claims per status: `pass`, `fail`, `unverifiable` (every key always present).
  public var counts: [String: Int]
  public var claims: [ClaimResult]
  public var warnings: [DataWarning]
  /// The fits behind the verdicts: visual reasoning at 0.5–7 B and 0.5–4 B, OCR at 0.5–7 B.
  public var fits: [FitSummary]

  /// The ledger's settings, as text.
  public struct Settings: Sendable, Codable, Equatable {
    public var method: String
    public var comparedMethods: [String]
    public var bounds: String
    public var ocrBounds: String
    public var convention: String
    public var bootstrapResamples: Int
    public var seed: UInt64
  }

  init(evidence: Evidence, claims: [ClaimResult]) {
    let s = evidence.settings
    dataDigest = evidence.inputs.dataDigest
    settings = Settings(
      method: s.method.rawValue, comparedMethods: s.methods.map(\.rawValue), bounds: s.figure1.fit.bounds.description,
      ocrBounds: s.figure3b.fit.bounds.description, convention: TokenConvention.visual.description,
      bootstrapResamples: s.resamples, seed: s.seed)
    counts = Dictionary(uniqueKeysWithValues: ClaimStatus.allCases.map { status in
      (status.rawValue, claims.filter { $0.status == status }.count)
    })
    self.claims = claims
    warnings = DataChecks.warnings(evidence.inputs)
    fits = evidence.visualReasoning.summaries + evidence.holdout.summaries + evidence.ocr.summaries
  }

  enum CodingKeys: String, CodingKey {
    case schemaVersion, dataDigest, settings, counts, claims, warnings, fits
  }

  /// Encodes every key, `dataDigest` as `null` for hand-made inputs, so the schema never changes shape.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(schemaVersion, forKey: .schemaVersion)
    try container.encode(dataDigest, forKey: .dataDigest)
    try container.encode(settings, forKey: .settings)
    try container.encode(counts, forKey: .counts)
    try container.encode(claims, forKey: .claims)
    try container.encode(warnings, forKey: .warnings)
    try container.encode(fits, forKey: .fits)
  }

  /// True when at least one claim failed (unverifiable claims are not failures).
  public var hasFailures: Bool { claims.contains { $0.status == .fail } }

  /// The report as JSON: sorted keys, full precision, a trailing newline.
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return try encoder.encode(self) + Data("\n".utf8)
  }
}
