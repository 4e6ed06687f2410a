import Foundation
import ScalingLaw
import ResultValues

/// The checked ledger: every claim's result, the data warnings and the fits they rest on.
///
/// Its JSON (``json()``) is the output of `repro verify --json`: an object with `schemaVersion`,
/// `dataDigest`, `settings`, `counts`, `claims` (see ``ClaimResult``), `twins` and `twinCounts`
/// (the miniature replication's, same shape), `warnings` and `fits`
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
  /// The miniature replication's twins (``Ledger/twins``), decided on models trained here.
  public var twins: [ClaimResult]
  /// Twins per status, like ``counts``.
  public var twinCounts: [String: Int]
  public var warnings: [DataWarning]
  /// The fits behind the verdicts: visual reasoning at 0.5–7 B and 0.5–4 B, OCR at 0.5–7 B, and
  /// the miniature reasoning grid (every size, and without the largest) when it is there.
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

  init(evidence: Evidence, claims: [ClaimResult], twins: [ClaimResult] = []) {
    let s = evidence.settings
    dataDigest = evidence.inputs.dataDigest
    settings = Settings(
      method: s.method.rawValue, comparedMethods: s.methods.map(\.rawValue), bounds: s.figure1.fit.bounds.description,
      ocrBounds: s.figure3b.fit.bounds.description, convention: TokenConvention.visual.description,
      bootstrapResamples: s.resamples, seed: s.seed)
    counts = Self.counts(claims)
    twinCounts = Self.counts(twins)
    self.claims = claims
    self.twins = twins
    warnings = DataChecks.warnings(evidence.inputs)
    fits = evidence.visualReasoning.summaries + evidence.holdout.summaries + evidence.ocr.summaries
      + ((try? evidence.mini.get()).map { $0.reasoning.summaries + $0.holdout.summaries } ?? [])
  }

  static func counts(_ claims: [ClaimResult]) -> [String: Int] {
    Dictionary(uniqueKeysWithValues: ClaimStatus.allCases.map { status in
      (status.rawValue, claims.filter { $0.status == status }.count)
    })
  }

  enum CodingKeys: String, CodingKey {
    case schemaVersion, dataDigest, settings, counts, claims, twins, twinCounts, warnings, fits
  }

  /// Encodes every key, `dataDigest` as `null` for hand-made inputs, so the schema never changes shape.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(schemaVersion, forKey: .schemaVersion)
    try container.encode(dataDigest, forKey: .dataDigest)
    try container.encode(settings, forKey: .settings)
    try container.encode(counts, forKey: .counts)
    try container.encode(claims, forKey: .claims)
    try container.encode(twins, forKey: .twins)
    try container.encode(twinCounts, forKey: .twinCounts)
    try container.encode(warnings, forKey: .warnings)
    try container.encode(fits, forKey: .fits)
  }

  /// True when at least one claim of the paper failed (unverifiable claims are not failures, and
  /// a failing twin is a finding about the miniature models, not a failure of the paper's claims).
  public var hasFailures: Bool { claims.contains { $0.status == .fail } }

  /// The report as JSON: sorted keys, full precision, a trailing newline.
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return try encoder.encode(self) + Data("\n".utf8)
  }
}
