/// Why the ledger could not be computed (as opposed to a claim failing, which is a result).
public enum LedgerError: Error, Equatable, CustomStringConvertible {
  case unknownClaim(String, known: [String])
  case unreadableCostSummary(path: String, reason: String)
  case unreadableFigureSummary(path: String, reason: String)
  case figureGroupsDisagree(path: String)
  case figureMissing(path: String, target: String, holding: String)
  case figureSettingsDiffer(path: String, difference: String)
  case figureDataDiffers(path: String, suite: String)
  case figureFitInconsistent(path: String, method: String, recordedSSE: Double, sse: Double)

  public var description: String {
    switch self {
    case .unknownClaim(let id, let known):
      "no claim '\(id)'; known claims: \(known.joined(separator: ", "))"
    case .unreadableCostSummary(let path, let reason):
      "cannot read the inference-cost measurements \(path): \(reason); rerun ./repro figure inference-cost"
    case .unreadableFigureSummary(let path, let reason):
      "cannot read \(path): \(reason); rerun ./repro all"
    case .figureMissing(let path, let target, let holding):
      "\(path) holds no \(holding), which claims are decided on (the ledger reads what the figures computed): "
        + "run ./repro all, or ./repro figure \(target)"
    case .figureSettingsDiffer(let path, let difference):
      "\(path) was computed with other settings than its registration (\(difference)): "
        + "the figure is stale; rerun ./repro all, which regenerates it before the report"
    case .figureDataDiffers(let path, let suite):
      "\(path) fitted other \(suite) rows than paper-artifacts/results.sqlite holds: the figure is stale; "
        + "rerun ./repro all, which regenerates it before the report"
    case .figureFitInconsistent(let path, let method, let recordedSSE, let sse):
      "\(path) records a \(method) law whose SSE on its own rows is \(sse), not the recorded \(recordedSSE): "
        + "the summary was edited or is corrupt; rerun ./repro all to regenerate it"
    case .figureGroupsDisagree(let path):
      "\(path) records other iso-compute groups than its registered settings give on the database's grids: "
        + "the figure is stale (other data or settings); rerun ./repro all, which regenerates it before the report"
    }
  }
}
