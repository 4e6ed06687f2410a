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
  /// The SwiftPM executable that produces it.
  public let executable: String
  /// The driver's name for this registration — its output folder under `Figures/`, its lock
  /// entry, its line in the progress — unique among the registrations. The executable's name,
  /// unless the same code is registered again with other settings (the miniature replication's
  /// figures run the paper figures' executables on their own suite): then the driver passes
  /// `--target` so the executable runs this registration.
  public let target: String
  public let title: String
  /// The database rows it reads; it can read nothing else (see ``ExperimentRun``).
  public let inputs: [DataSelection]
  /// The typed settings: the one home of every number the experiment uses (its executable reads
  /// them with ``ExperimentRun/settings(_:)``; the ledger and the command line read them here).
  public let settings: any ExperimentSettings
  /// ``settings`` as named text, e.g. `method = least-squares`, `Q = 0,50`: what the driver
  /// fingerprints and the lock file records.
  public var parameters: [String: String] { settings.parameters }
  /// Claim ids of the paper (paper-artifacts/PAPER.md §5) this experiment's outputs bear on.
  public let claims: [String]
  /// Ids of experiments whose outputs this one reads (e.g. the report reads every figure's
  /// `summary.json`); the driver runs those first and treats their outputs as inputs.
  public let dependsOn: [String]

  public init(
    id: String, executable: String, target: String? = nil, title: String, inputs: [DataSelection], settings: some ExperimentSettings,
    claims: [String] = [], dependsOn: [String] = []
  ) {
    self.retargetedSuite = nil
    self.id = id
    self.executable = executable
    self.target = target ?? executable
    self.title = title
    self.inputs = inputs
    self.settings = settings
    self.claims = claims
    self.dependsOn = dependsOn
  }

  /// A registration whose settings are only text (the driver's tests register stand-ins so).
  public init(
    id: String, executable: String, title: String, inputs: [DataSelection], parameters: [String: String],
    claims: [String] = [], dependsOn: [String] = []
  ) {
    self.init(
      id: id, executable: executable, title: title, inputs: inputs, settings: TextSettings(parameters), claims: claims,
      dependsOn: dependsOn)
  }

  /// Two registrations are the same when everything the driver sees is: the settings count
  /// through their text, ``parameters``.
  public static func == (lhs: Experiment, rhs: Experiment) -> Bool {
    (lhs.id, lhs.executable, lhs.target, lhs.title) == (rhs.id, rhs.executable, rhs.target, rhs.title)
      && (lhs.inputs, lhs.claims, lhs.dependsOn) == (rhs.inputs, rhs.claims, rhs.dependsOn) && lhs.parameters == rhs.parameters
      && lhs.retargetedSuite == rhs.retargetedSuite
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(target)
    hasher.combine(parameters)
  }

  /// The settings as `S`; an error naming both types when the registration holds others.
  public func settings<S: ExperimentSettings>(_ type: S.Type = S.self) throws(RegistryError) -> S {
    guard let settings = settings as? S else {
      throw .wrongSettings(experiment: executable, expected: "\(S.self)", registered: "\(Swift.type(of: settings))")
    }
    return settings
  }

  /// The output folder, relative to `Figures/`: the target's name, or
  /// `suites/<suite>/<executable>` for a one-off drawing of another suite (``retargeted(to:fit:)``).
  public var outputFolder: String { retargetedSuite.map { "suites/\($0.rawValue)/\(executable)" } ?? target }

  /// The suite a one-off drawing was retargeted to; nil for a registered experiment.
  public private(set) var retargetedSuite: SuiteID?

  /// The same experiment drawn for another grid (`repro figure 1 --suite NAME`): its settings
  /// read `suite` through `fit` (its sizes and box), its inputs are that suite's, and it checks
  /// no claim and reads no other experiment. Its outputs go to their own folder, outside the
  /// driver's lock: a one-off, not a target.
  public func retargeted(to suite: SuiteID, fit: LawFitSettings) throws(RegistryError) -> Experiment {
    guard let settings = settings as? any SuiteRetargetable else {
      throw .notRetargetable(experiment: executable)
    }
    let inputs = inputs.map { selection -> DataSelection in
      switch selection {
      case .results: .results(suite: suite)
      case .dataIssues: .dataIssues(suite: suite)
      default: selection
      }
    }
    var copy = Experiment(
      id: id, executable: executable, title: "\(title) — drawn for the \(suite) grid", inputs: inputs,
      settings: try settings.retargeted(to: suite, fit: fit))
    copy.retargetedSuite = suite
    return copy
  }

  /// Names this experiment answers to on the command line: `1`, `figure1`, `fig1`.
  public var names: [String] {
    var names = [id]
    let short = target.hasPrefix("figure") ? ["fig" + target.dropFirst("figure".count)] : []
    for name in [target] + short where !names.contains(name) { names.append(name) }
    return names
  }
}
