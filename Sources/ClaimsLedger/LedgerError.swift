/// Why the ledger could not be computed (as opposed to a claim failing, which is a result).
public enum LedgerError: Error, Equatable, CustomStringConvertible {
  case unknownClaim(String, known: [String])
  case unreadableCostSummary(path: String, reason: String)

  public var description: String {
    switch self {
    case .unknownClaim(let id, let known):
      "no claim '\(id)'; known claims: \(known.joined(separator: ", "))"
    case .unreadableCostSummary(let path, let reason):
      "cannot read the inference-cost measurements \(path): \(reason); rerun ./repro figure inference-cost"
    }
  }
}
