/// One claim of the paper and how this project checks it: the statement, where it is, the
/// computation and the criterion (in words, generated from the same constants the check uses),
/// and the check itself.
public struct Claim: Sendable, Identifiable {
  /// The id of paper-artifacts/PAPER.md §5, e.g. `fig1.exponents`.
  public let id: String
  public let statement: String
  public let location: String
  public let check: String
  public let criterion: String
  let evaluate: @Sendable (Evidence) -> Finding

  init(
    id: String, statement: String, location: String, check: String, criterion: String,
    evaluate: @escaping @Sendable (Evidence) -> Finding
  ) {
    self.id = id
    self.statement = statement
    self.location = location
    self.check = check
    self.criterion = criterion
    self.evaluate = evaluate
  }

  /// Checks the claim against `evidence`.
  public func result(_ evidence: Evidence) -> ClaimResult {
    let finding = evaluate(evidence)
    return ClaimResult(
      id: id, statement: statement, location: location, check: check, criterion: criterion,
      status: finding.status, value: finding.value, quantities: finding.quantities.filter { $0.value.isFinite },
      explanation: finding.explanation, robustness: finding.robustness)
  }
}

/// What a check found, before it is joined with the claim's description.
struct Finding: Sendable {
  var status: ClaimStatus
  var value: String
  var quantities: [String: Double]
  var explanation: String
  var robustness: Robustness? = nil

  init(holds: Bool, value: String, quantities: [String: Double], explanation: String, robustness: Robustness? = nil) {
    self.status = holds ? .pass : .fail
    self.value = value
    self.quantities = quantities
    self.explanation = explanation
    self.robustness = robustness
  }

  static func unverifiable(_ reason: String) -> Finding {
    var finding = Finding(holds: false, value: "—", quantities: [:], explanation: reason)
    finding.status = .unverifiable
    return finding
  }
}
