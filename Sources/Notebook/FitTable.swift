import ComputeFrontier
import ScalingLaw

/// The measurements of a scaling-law figure beside the fitted values, one row per (N, V):
/// the CSV every such figure writes next to its script.
public struct FitTable: Sendable {
  public var observations: [Observation]
  public var law: ScalingLaw
  /// Text-token counts whose compute axis 2·N·(Q+V) gets a column each.
  public var Q: [Double]

  public init(observations: [Observation], law: ScalingLaw, Q: [Double]) {
    self.observations = observations
    self.law = law
    self.Q = Q
  }

  public var csv: CSVTable {
    let flopColumns = Q.map { "gflops_Q\(Int($0))" }
    var table = CSVTable(columns: ["N_billion", "V"] + flopColumns + ["error", "fitted_error", "residual"])
    for o in observations {
      let fitted = law.error(N: o.N, T: o.V)
      let flops = Q.map { CSVTable.Cell.number(InferenceCompute.gflops(NBillion: o.N, Q: $0, V: o.V)) }
      table.rows.append([.number(o.N), .number(o.V)] + flops + [.number(o.Y), .number(fitted), .number(o.Y - fitted)])
    }
    return table
  }
}
