/// One claim of the paper and how this project checks it: the statement, where it is, the
/// computation and the criterion (in words, generated from the same constants the check uses),
/// and the check itself.
public struct Claim: Sendable, Identifiable {
  /// The id of paper-artifacts/PAPER.md §5, e.g. `fig1.exponents`.
  public let id: String
  public let statement: String
  public let location: String
  /// The paper's own value or verdict, as short as a table column needs it (`α ≈ 0.077, β ≈
  /// 0.015`), from ``PaperFacts`` and the claim's constants, so a reader sees ours beside it.
  public let paperValue: String
  /// The computation and the criterion in words, for the settings checked with (a claim about a
  /// figure names that figure's registered Q, tolerance or sizes).
  let describeCheck: @Sendable (LedgerSettings) -> String
  let describeCriterion: @Sendable (LedgerSettings) -> String
  let evaluate: @Sendable (Evidence) -> Finding
  /// The file that defines the claim, relative to the repository (`Sources/ClaimsLedger/
  /// Claims+Figure1.swift`): taken from `#fileID` where the claim is written, so the report's
  /// link to a claim's code cannot point at a file that moved.
  public let sourceFile: String
  /// The quantities the claims-at-a-glance figure draws, with the paper's number and the
  /// criterion's band; empty for a claim without a number to draw.
  public let glance: [GlanceSpec]

  /// The computation, in words, with the registered settings.
  public var check: String { describeCheck(.registered) }
  /// The pass criterion, in words, with the registered settings.
  public var criterion: String { describeCriterion(.registered) }

  init(
    id: String, statement: String, location: String, paperValue: String,
    check: @escaping @Sendable (LedgerSettings) -> String,
    criterion: @escaping @Sendable (LedgerSettings) -> String, glance: [GlanceSpec] = [],
    evaluate: @escaping @Sendable (Evidence) -> Finding, fileID: String = #fileID
  ) {
    self.glance = glance
    // `#fileID` is `Module/File.swift`, and each module's sources are `Sources/Module/`.
    self.sourceFile = "Sources/" + fileID
    self.id = id
    self.statement = statement
    self.location = location
    self.paperValue = paperValue
    self.describeCheck = check
    self.describeCriterion = criterion
    self.evaluate = evaluate
  }

  /// A claim whose description depends on no setting.
  init(
    id: String, statement: String, location: String, paperValue: String, check: String, criterion: String,
    glance: [GlanceSpec] = [], evaluate: @escaping @Sendable (Evidence) -> Finding, fileID: String = #fileID
  ) {
    self.init(
      id: id, statement: statement, location: location, paperValue: paperValue, check: { _ in check },
      criterion: { _ in criterion }, glance: glance, evaluate: evaluate, fileID: fileID)
  }

  /// Checks the claim against `evidence`.
  public func result(_ evidence: Evidence) -> ClaimResult {
    let finding = evaluate(evidence)
    return ClaimResult(
      id: id, statement: statement, location: location, paperValue: paperValue, check: describeCheck(evidence.settings),
      criterion: describeCriterion(evidence.settings),
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
