import Foundation
import ResultsStore
import ScalingLaw

/// The claims ledger: every claim of paper-artifacts/PAPER.md §5 in the paper's order, checked against the
/// published data, then the paper's cost model checked against the bundled engine's timings.
public enum Ledger {
  /// Every claim: one per id of paper-artifacts/PAPER.md §5, then the claim the inference-cost experiment
  /// adds (`cost.linear-in-tokens`, the paper's cost model tested on a real forward pass).
  public static let claims: [Claim] = [
    .exponents, .ratio, .optimalVAtQ0, .optimalVAtQ50, .extrapolation14B, .holdout7B, .textShift, .ocrReversal,
    .isoCompute, .queccExtreme, .extremeCompression, .compressorInvariance, .monotone, .linearInTokens,
  ]

  /// The miniature replication's twins (`mini.` ids), one per claim of the paper, decided on
  /// models trained here. Reported beside the claims, never among them: a failing twin is a
  /// finding about the mechanism, so it does not make `repro verify` fail.
  public static let twins: [Claim] = Claim.miniature

  /// The claims and the twins with ids in `ids`, each in ledger order; all of them when `ids` is `nil`.
  public static func claims(ids: [String]?) throws(LedgerError) -> (claims: [Claim], twins: [Claim]) {
    guard let ids else { return (claims, twins) }
    let known = claims + twins
    for id in ids where !known.contains(where: { $0.id == id }) { throw .unknownClaim(id, known: known.map(\.id)) }
    return (claims.filter { ids.contains($0.id) }, twins.filter { ids.contains($0.id) })
  }


  /// Reads the database, and from `figuresDirectory` what the figures computed (their fits,
  /// Figure 4's groups, the cost experiments' timings and lines); checks those against the
  /// database and the registered settings (``LedgerSettings/registered``: each figure's own);
  /// and checks the claims with ids in `ids` (all when `nil`).
  public static func verify(
    database: ResultsDatabase, figuresDirectory: URL, ids: [String]? = nil, settings: LedgerSettings = .registered
  ) throws -> LedgerReport {
    let selected = try claims(ids: ids)
    let inputs = try LedgerInputs(database: database, figuresDirectory: figuresDirectory)
    let figures = try FigureResults.load(figuresDirectory: figuresDirectory)
    let evidence = try Evidence(inputs: inputs, figures: figures, settings: settings)
    return LedgerReport(
      evidence: evidence, claims: selected.claims.map { $0.result(evidence) }, twins: selected.twins.map { $0.result(evidence) })
  }

  /// Checks the claims with ids in `ids` (all when `nil`) against `evidence`.
  public static func verify(_ evidence: Evidence, ids: [String]? = nil) throws(LedgerError) -> LedgerReport {
    let selected = try claims(ids: ids)
    return LedgerReport(
      evidence: evidence, claims: selected.claims.map { $0.result(evidence) }, twins: selected.twins.map { $0.result(evidence) })
  }
}
