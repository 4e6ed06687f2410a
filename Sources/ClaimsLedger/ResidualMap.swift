import ResultValues
import ScalingLaw

/// Where the registered fit of a suite misses its grid: Y − Ŷ at every measured (N, V), the
/// law's parameters taken from the fit summary the verdicts rest on, so the map shows the fit
/// the claims were checked with.
public struct ResidualMap: Sendable, Equatable {
  public var suite: String
  public var method: String
  /// Ascending.
  public var sizes: [Double]
  public var visualTokens: [Double]
  /// `residuals[N][V]` = Y − Ŷ; absent where the grid has no measurement.
  public var residuals: [Double: [Double: Double]]
  public var rmse: Double

  /// The map of `fit` on `observations` (those of the fit's suite not held out); nil for a fit
  /// under another token convention than T = V (its Ŷ would need Q).
  public init?(fit: FitSummary, observations: [Observation]) {
    guard fit.convention == TokenConvention.visual.description else { return nil }
    let law = ScalingLaw(a: fit.a, alpha: fit.alpha, beta: fit.beta, D: fit.D)
    let used = observations.filter { !fit.excludedSizes.contains($0.N) }
    guard !used.isEmpty else { return nil }
    suite = fit.suite
    method = fit.method
    sizes = Set(used.map(\.N)).sorted()
    visualTokens = Set(used.map(\.V)).sorted()
    residuals = Dictionary(grouping: used, by: \.N).mapValues { row in
      Dictionary(row.map { ($0.V, $0.Y - law.error(N: $0.N, T: $0.V)) }, uniquingKeysWith: { first, _ in first })
    }
    rmse = fit.rmse
  }

  /// The cell the law misses most: its N, V and Y − Ŷ (the first in N, then V, among equals).
  public var worst: (N: Double, V: Double, residual: Double) {
    var worst = (N: 0.0, V: 0.0, residual: 0.0)
    for N in sizes {
      for V in visualTokens {
        if let r = residuals[N]?[V], abs(r) > abs(worst.residual) { worst = (N, V, r) }
      }
    }
    return worst
  }

  /// The map as a table in points of error (Y − Ŷ × 100, Y = 1 − accuracy): one row per N,
  /// one column per V, the worst cell in bold.
  public var table: ReportDocument.Block {
    let worst = worst
    return .table(
      header: ["N \\ V"] + visualTokens.map { Format.number($0) },
      rows: sizes.map { N in
        ["\(Format.number(N)) B"] + visualTokens.map { V in
          guard let r = residuals[N]?[V] else { return "—" }
          let text = Format.number(r * 100)
          return N == worst.N && V == worst.V ? "**\(text)**" : text
        }
      })
  }

  /// The grid for a heatmap: row labels (N, bottom to top), column labels (V) and Y − Ŷ in
  /// points of error, nil where the grid has no measurement.
  public var grid: (rows: [String], columns: [String], points: [[Double?]]) {
    (sizes.map { "\(Format.number($0)) B" }, visualTokens.map { Format.number($0) },
     sizes.map { N in visualTokens.map { V in residuals[N]?[V].map { $0 * 100 } } })
  }

  /// Where the law fits worst, in words, from the numbers.
  public var sentence: String {
    let worst = worst
    let direction = worst.residual > 0 ? "above" : "below"
    return "The law fits worst at N = \(Format.number(worst.N)) B, V = \(Format.number(worst.V)): the measured error is "
      + "\(Format.number(abs(worst.residual) * 100)) points \(direction) the fit, \(Format.number(abs(worst.residual) / rmse))× "
      + "the fit's RMSE (\(Format.number(rmse * 100)) points)."
  }
}

extension ReviewerReport {
  /// The residual maps of the primary fits on every size (visual reasoning, then OCR), with
  /// the sentence saying where each fits worst, and the worst cell overall, compared in points
  /// of error (the same unit on both grids; multiples of each grid's own RMSE would not be).
  static func residualBlocks(_ maps: [ResidualMap], figure: String? = nil) -> [ReportDocument.Block] {
    guard !maps.isEmpty else { return [] }
    var blocks: [ReportDocument.Block] = [
      .heading(level: 2, text: "Residuals: where the law misses"),
      .paragraph("Y − Ŷ of the primary fit on every size of each grid, in points of error (Y = 1 − average accuracy; "
        + "positive: the model does worse than the law says). The worst cell of each grid is in bold."),
    ]
    if let figure {
      blocks.append(.image(alt: "Residual maps", path: "\(figure).png", link: "\(figure).svg"))
    }
    if let overall = maps.max(by: { abs($0.worst.residual) < abs($1.worst.residual) }) {
      let w = overall.worst
      blocks.append(.paragraph(
        "**Worst overall**: `\(overall.suite)` at N = \(Format.number(w.N)) B, V = \(Format.number(w.V)), "
          + "Y − Ŷ = \(Format.number(w.residual * 100)) points."))
    }
    for map in maps {
      blocks.append(.heading(level: 3, text: "`\(map.suite)` (`\(map.method)`)"))
      blocks.append(.paragraph(map.sentence))
      blocks.append(map.table)
    }
    return blocks
  }

  /// The maps of `ledger`'s primary fits on every size, from each suite's observations.
  public static func residualMaps(_ ledger: LedgerReport, observations: [String: [Observation]]) -> [ResidualMap] {
    ledger.fits.filter { $0.method == ledger.settings.method && $0.excludedSizes.isEmpty }.compactMap { fit in
      observations[fit.suite].flatMap { ResidualMap(fit: fit, observations: $0) }
    }
  }
}
