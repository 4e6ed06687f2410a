import Notebook
import ResultsStore
import ScalingLaw

/// The claims ledger: every claim of PAPER.md §5, in the paper's order, checked against the
/// published data.
public enum Ledger {
  /// Every claim, one per id of PAPER.md §5.
  public static let claims: [Claim] = [
    .exponents, .ratio, .optimalVAtQ0, .optimalVAtQ50, .extrapolation14B, .holdout7B, .textShift, .ocrReversal,
    .isoCompute, .queccExtreme, .extremeCompression, .monotone,
  ]

  /// The claims with ids in `ids`, in ledger order; all of them when `ids` is `nil`.
  public static func claims(ids: [String]?) throws(LedgerError) -> [Claim] {
    guard let ids else { return claims }
    for id in ids where !claims.contains(where: { $0.id == id }) { throw .unknownClaim(id, known: claims.map(\.id)) }
    return claims.filter { ids.contains($0.id) }
  }

  /// The settings registered for the report experiment, which `repro verify` uses too.
  public static func registeredSettings() throws(LedgerError) -> LedgerSettings {
    try LedgerSettings(parameters: Experiment.report.parameters)
  }

  /// Reads the database, fits with the registered settings, and checks the claims with ids in
  /// `ids` (all when `nil`).
  public static func verify(database: ResultsDatabase, ids: [String]? = nil) throws -> LedgerReport {
    let selected = try claims(ids: ids)
    let evidence = try Evidence(inputs: LedgerInputs(database: database), settings: registeredSettings())
    return LedgerReport(evidence: evidence, claims: selected.map { $0.result(evidence) })
  }

  /// Checks the claims with ids in `ids` (all when `nil`) against `evidence`.
  public static func verify(_ evidence: Evidence, ids: [String]? = nil) throws(LedgerError) -> LedgerReport {
    LedgerReport(evidence: evidence, claims: try claims(ids: ids).map { $0.result(evidence) })
  }
}
