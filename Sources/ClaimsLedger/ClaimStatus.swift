/// The verdict on one claim of the paper.
///
/// `unverifiable` is not a failure: it means the data needed to check the claim was not
/// published (e.g. the 14 B measurements), and the explanation says what would settle it.
public enum ClaimStatus: String, Sendable, Codable, CaseIterable {
  case pass
  case fail
  case unverifiable

  /// The status as printed in tables: `PASS`, `FAIL`, `UNVERIFIABLE`.
  public var label: String { rawValue.uppercased() }
}
