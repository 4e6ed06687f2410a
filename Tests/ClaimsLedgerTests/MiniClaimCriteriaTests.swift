import ExperimentRegistry
import Testing

@testable import ClaimsLedger

/// The miniature replication's claims: one twin per paper claim the toy can test, each citing a
/// claim the ledger checks.
@Suite struct MiniClaimCriteriaTests {
  @Test func everyTwinMirrorsALedgerClaimOnce() {
    let ids = MiniClaimCriterion.all.map(\.id)
    #expect(Set(ids).count == ids.count)
    for criterion in MiniClaimCriterion.all {
      #expect(Ledger.claims.contains { $0.id == criterion.twinOf }, "\(criterion.id) cites \(criterion.twinOf)")
      #expect(criterion.id.hasPrefix("mini."))
    }
    // Every claim of the paper whose mechanism the toy can test has a twin; the 14 B
    // extrapolation's twin is the hold-out of the largest size.
    let twinned = Set(MiniClaimCriterion.all.map(\.twinOf))
    let untwinned = Ledger.claims.map(\.id).filter { !twinned.contains($0) }
    #expect(untwinned == ["fig1.exponents", "fig2.extrapolation-14b"])
  }

  @Test func criteriaNameTheirThresholds() {
    let text = MiniClaimCriterion.all.map(\.criterion).joined(separator: "\n")
    #expect(text.contains("< 2 %") && text.contains("≥ 20×") && text.contains("R² ≥ 0.95") && text.contains("V* ≤ 1.001"))
  }

  /// The twins are decided with the settings of the mini figures that draw them.
  @Test func theTwinsSweepAndTokenCountsAreTheMiniFiguresOwn() {
    #expect(MiniClaimCriterion.textTokenSweep == Experiment.miniFigure3aSettings.Q)
    #expect(Experiment.miniTable1.claims == ["mini.table1.quecc-extreme"])
    #expect(MiniClaimCriterion.uncompressedTokens == Experiment.miniVisualTokenRange.upperBound)
  }
}
