/// What a target's outputs were computed from, one fingerprint per cause, so the driver can say
/// which cause made a target stale.
public struct InputFingerprints: Codable, Equatable, Sendable {
  /// Data selection id (`results:visual-reasoning`) → SHA-256 of its canonical dump.
  public var data: [String: String]
  /// SHA-256 of the parameters as sorted `name=value` lines.
  public var parameters: String
  /// ``CodeManifest/digest`` of the sources (and package pins) the executable was built from.
  public var code: String
  /// `gnuplot --version` when the target links the renderer (`none` when gnuplot is missing);
  /// absent for targets that draw no images.
  public var gnuplot: String?
  /// Upstream target → SHA-256 of its output hashes, for the experiments in `dependsOn`.
  public var upstream: [String: String]

  public init(data: [String: String], parameters: String, code: String, gnuplot: String?, upstream: [String: String]) {
    self.data = data
    self.parameters = parameters
    self.code = code
    self.gnuplot = gnuplot
    self.upstream = upstream
  }

  /// The fingerprint of a parameter table: `name=value` lines in name order.
  public static func parameters(_ values: [String: String]) -> String {
    ContentHash.of(text: values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined())
  }
}
