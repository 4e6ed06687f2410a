import ResultsStore

/// One figure or table of the paper, registered once: what it reads, with which parameters.
///
/// The registration is the single source of truth shared by the experiment's executable (which
/// reads its parameters and inputs from here, so `swift run figure1` and `./repro figure 1` do
/// exactly the same thing) and the driver (which fingerprints exactly these inputs and
/// parameters to decide staleness). Adding a figure means adding one executable under
/// `Experiments/` and one `Experiment` in ``Experiment/all``.
public struct Experiment: Sendable, Hashable, Identifiable {
  /// Short id as the paper names it: `1`, `2`, `3a`, `table1`, …
  public let id: String
  /// The SwiftPM executable that produces it, also its output folder under `Figures/`.
  public let executable: String
  public let title: String
  /// The database rows it reads; it can read nothing else (see ``ExperimentRun``).
  public let inputs: [DataSelection]
  /// Named parameters as text, e.g. `method = least-squares`, `Q = 0,50`.
  public let parameters: [String: String]
  /// Claim ids of the paper (paper-artifacts/PAPER.md §5) this experiment's outputs bear on.
  public let claims: [String]
  /// Ids of experiments whose outputs this one reads (e.g. the report reads every figure's
  /// `summary.json`); the driver runs those first and treats their outputs as inputs.
  public let dependsOn: [String]

  public init(
    id: String, executable: String, title: String, inputs: [DataSelection], parameters: [String: String],
    claims: [String] = [], dependsOn: [String] = []
  ) {
    self.id = id
    self.executable = executable
    self.title = title
    self.inputs = inputs
    self.parameters = parameters
    self.claims = claims
    self.dependsOn = dependsOn
  }

  /// The output folder, relative to `Figures/`.
  public var outputFolder: String { executable }

  /// Names this experiment answers to on the command line: `1`, `figure1`, `fig1`.
  public var names: [String] {
    var names = [id]
    let short = executable.hasPrefix("figure") ? ["fig" + executable.dropFirst("figure".count)] : []
    for name in [executable] + short where !names.contains(name) { names.append(name) }
    return names
  }

  /// The registered experiment called `name` (any of its ``names``), if any.
  public static func named(_ name: String) -> Experiment? {
    all.first { $0.names.contains(name.lowercased()) }
  }
}
