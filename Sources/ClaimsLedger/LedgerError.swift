/// Why the ledger could not be computed (as opposed to a claim failing, which is a result).
public enum LedgerError: Error, Equatable, CustomStringConvertible {
  case unknownClaim(String, known: [String])
  case unreadableCostSummary(path: String, reason: String)
  case unreadableFigureSummary(path: String, reason: String)
  case figureDisagrees(path: String, parameter: String, figure: Double, ledger: Double)
  case figureGroupsDisagree(path: String)
  case figureFitUnmatched(path: String, suite: String)

  public var description: String {
    switch self {
    case .unknownClaim(let id, let known):
      "no claim '\(id)'; known claims: \(known.joined(separator: ", "))"
    case .unreadableCostSummary(let path, let reason):
      "cannot read the inference-cost measurements \(path): \(reason); rerun ./repro figure inference-cost"
    case .unreadableFigureSummary(let path, let reason):
      "cannot read \(path): \(reason); rerun ./repro all"
    case .figureDisagrees(let path, let parameter, let figure, let ledger):
      "\(path) records \(parameter) = \(figure), but the ledger fits \(ledger) with the same registered settings: "
        + "the figure is stale (other data or settings); rerun ./repro all, which regenerates it before the report"
    case .figureFitUnmatched(let path, let suite):
      "\(path) records a fit of \(suite) that matches none of the ledger's fits of that grid (method, box, sizes): "
        + "the figure was made with other settings; rerun ./repro all, which regenerates it before the report"
    case .figureGroupsDisagree(let path):
      "\(path) records other iso-compute groups than the ledger counts with Figure 4's registered settings: "
        + "the figure is stale (other data or settings); rerun ./repro all, which regenerates it before the report"
    }
  }
}
