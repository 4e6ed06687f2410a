/// How a numeric claim is drawn in the claims-at-a-glance figure: which of its quantities, the
/// paper's number and the criterion's band, written beside the claim's criterion from the same
/// constants (so the figure cannot show a band the check does not use).
public struct GlanceSpec: Sendable, Equatable {
  /// The key of the quantity in ``ClaimResult/quantities`` and its bootstrap intervals.
  public var quantity: String
  /// What the row shows, e.g. `α` or `V* at Q = 50`.
  public var label: String
  /// The paper's number; nil when the paper gives only a bound (the band is then the bound).
  public var paper: Double?
  /// The criterion's passing band; an open end is nil.
  public var lower: Double?
  public var upper: Double?
  /// What the row's values are divided by, so rows of different units share one axis: the
  /// paper's number, or the criterion's threshold when the paper gives none.
  public var reference: Double

  init(quantity: String, label: String, paper: Double?, lower: Double?, upper: Double?, reference: Double? = nil) {
    self.quantity = quantity
    self.label = label
    self.paper = paper
    self.lower = lower
    self.upper = upper
    self.reference = reference ?? paper ?? upper ?? lower ?? 1
  }
}

/// One row of the claims-at-a-glance figure: a claim's quantity as checked.
public struct ClaimGlance: Sendable, Equatable, Codable {
  public var claim: String
  /// The quantity's name, e.g. `α`.
  public var quantity: String
  public var paper: Double?
  public var ours: Double
  /// The 95 % bootstrap interval of `ours`, `[low, high]`; nil when the claim has none.
  public var interval: [Double]?
  public var lower: Double?
  public var upper: Double?
  public var reference: Double
  public var status: ClaimStatus

  /// The row's label in the figure: the claim, the quantity and its numbers (the band is drawn,
  /// and the criterion is in the claims table).
  public var label: String {
    let theirs = paper.map { "paper \(Format.number($0)), " } ?? ""
    let spread = interval.map { " \(Format.interval($0))" } ?? ""
    return "\(claim) — \(quantity): \(theirs)ours \(Format.number(ours))\(spread)"
  }
}

extension ReviewerReport {
  /// The figure's rows, in ledger order: every quantity a claim declares (``Claim/glance``) that
  /// the ledger computed. Unverifiable claims have no value and no row.
  public static func glance(_ ledger: LedgerReport) -> [ClaimGlance] {
    ledger.claims.flatMap { result -> [ClaimGlance] in
      let specs = Ledger.claims.first { $0.id == result.id }?.glance ?? []
      return specs.compactMap { spec in
        guard let ours = result.quantities[spec.quantity] else { return nil }
        return ClaimGlance(
          claim: result.id, quantity: spec.label, paper: spec.paper, ours: ours,
          interval: result.robustness?.bootstrap.intervals[spec.quantity], lower: spec.lower, upper: spec.upper,
          reference: spec.reference, status: result.status)
      }
    }
  }
}
