/// Why the ledger could not be computed (as opposed to a claim failing, which is a result).
public enum LedgerError: Error, Equatable, CustomStringConvertible {
  case missingSetting(String)
  case invalidSetting(name: String, value: String)
  case unknownClaim(String, known: [String])
  case missingFitSize(suite: String, N: Double, available: [Double])
  case unreadableCostSummary(path: String, reason: String)

  public var description: String {
    switch self {
    case .missingSetting(let name):
      "the ledger needs the setting '\(name)' (a parameter of the report experiment's registration)"
    case .invalidSetting(let name, let value):
      "ledger setting '\(name)' = '\(value)' is not valid"
    case .unknownClaim(let id, let known):
      "no claim '\(id)'; known claims: \(known.joined(separator: ", "))"
    case .missingFitSize(let suite, let N, let available):
      "the \(suite) grid has no observations at N = \(N) B, which the paper fits on; "
        + "it has N = \(available.map { "\($0)" }.joined(separator: ", "))"
    case .unreadableCostSummary(let path, let reason):
      "cannot read the inference-cost measurements \(path): \(reason); rerun ./repro figure inference-cost"
    }
  }
}
