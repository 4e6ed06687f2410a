import ReproDriver

/// A sweep as data: named cells × one per-cell command template × the result files every cell
/// must produce, as read from a `SWEEP.json` file.
///
/// The same definition drives a local run (`repro sweep run -j N`) and a Slurm job array
/// (`repro sweep submit`), so a lab can point the machinery at its own training and evaluation
/// commands without writing Swift. Relative paths are relative to the folder of the sweep file
/// (or the base folder given to ``SweepDriver``). Unknown keys are rejected, so a misspelt key
/// is an error rather than a silently ignored setting.
public struct SweepDefinition: Codable, Equatable, Sendable {
  /// The sweep's name: the Slurm job name. Letters, digits, `.`, `_`, `-`.
  public var name: String
  /// The command each cell runs, as an argument vector with placeholders: `{cell}` (the cell's
  /// name), `{out}` (the empty folder the cell must write its results into), `{config}` (the
  /// path of a JSON file holding the cell's `config`) and `{NAME}` for each of the cell's
  /// `parameters`. The first word is looked up on `PATH` unless it contains a `/`.
  public var command: [String]
  /// Where the command runs (default: the sweep file's folder).
  public var directory: String?
  /// Variables added to the command's environment (e.g. `OMP_NUM_THREADS=1`).
  public var environment: [String: String]?
  /// The cell cache: complete cells live in `<results>/<cell>/`.
  public var results: String
  /// The sweep's working folder: scripts, logs, staging (default: `<results>/.sweep`).
  public var work: String?
  /// The files every cell must write into `{out}` (relative paths; `{cell}` and parameter
  /// placeholders allowed). A cell missing one is not complete.
  public var outputs: [String]
  /// Optionally, a record file that lists the SHA-256 of the results: checked before a cell is
  /// accepted.
  public var digests: DigestRecord?
  /// Default Slurm options for `submit` (command-line options override them).
  public var slurm: SlurmOptions?
  /// The cells, in order: array task `i` of a submission runs the `i`-th stale cell.
  public var cells: [SweepCell]

  public init(
    name: String, command: [String], directory: String? = nil, environment: [String: String]? = nil, results: String,
    work: String? = nil, outputs: [String], digests: DigestRecord? = nil, slurm: SlurmOptions? = nil, cells: [SweepCell]
  ) {
    self.name = name
    self.command = command
    self.directory = directory
    self.environment = environment
    self.results = results
    self.work = work
    self.outputs = outputs
    self.digests = digests
    self.slurm = slurm
    self.cells = cells
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, command, directory, environment, results, work, outputs, digests, slurm, cells
  }

  public init(from decoder: any Decoder) throws {
    try StrictKeys.check(decoder, allowed: CodingKeys.allCases)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    command = try container.decode([String].self, forKey: .command)
    directory = try container.decodeIfPresent(String.self, forKey: .directory)
    environment = try container.decodeIfPresent([String: String].self, forKey: .environment)
    results = try container.decode(String.self, forKey: .results)
    work = try container.decodeIfPresent(String.self, forKey: .work)
    outputs = try container.decode([String].self, forKey: .outputs)
    digests = try container.decodeIfPresent(DigestRecord.self, forKey: .digests)
    slurm = try container.decodeIfPresent(SlurmOptions.self, forKey: .slurm)
    cells = try container.decode([SweepCell].self, forKey: .cells)
  }
}

/// One cell of a sweep: a name, the values its placeholders take, and an optional config.
public struct SweepCell: Codable, Equatable, Sendable {
  /// Unique within the sweep; the name of its folder in the cell cache. Letters, digits, `.`,
  /// `_`, `-`, not starting with `.`.
  public var name: String
  /// Values for the command's `{NAME}` placeholders.
  public var parameters: [String: String]?
  /// Written to a JSON file whose path replaces `{config}` (e.g. a training configuration).
  public var config: JSONValue?

  public init(name: String, parameters: [String: String]? = nil, config: JSONValue? = nil) {
    self.name = name
    self.parameters = parameters
    self.config = config
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, parameters, config
  }

  public init(from decoder: any Decoder) throws {
    try StrictKeys.check(decoder, allowed: CodingKeys.allCases)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    parameters = try container.decodeIfPresent([String: String].self, forKey: .parameters)
    config = try container.decodeIfPresent(JSONValue.self, forKey: .config)
  }
}

/// A JSON record a cell writes, naming the SHA-256 of its result files, so that a truncated or
/// swapped checkpoint is caught before the cell is accepted.
///
/// `field` is a dot-separated path into the record (`"sha256"`, `"checkpoint.sha256"`). With
/// `file`, its value is the hex digest of that one file; without, it is an object mapping
/// result files (relative to the cell folder) to hex digests. Placeholders as in `outputs`.
public struct DigestRecord: Codable, Equatable, Sendable {
  public var record: String
  public var field: String
  public var file: String?

  public init(record: String, field: String, file: String? = nil) {
    self.record = record
    self.field = field
    self.file = file
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case record, field, file
  }

  public init(from decoder: any Decoder) throws {
    try StrictKeys.check(decoder, allowed: CodingKeys.allCases)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    record = try container.decode(String.self, forKey: .record)
    field = try container.decode(String.self, forKey: .field)
    file = try container.decodeIfPresent(String.self, forKey: .file)
  }
}

/// Rejects JSON object keys a type does not know.
enum StrictKeys {
  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  static func check<Key: CodingKey & CaseIterable>(_ decoder: any Decoder, allowed: [Key]) throws {
    let known = Set(allowed.map(\.stringValue))
    let present = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
    if let unknown = present.sorted().first(where: { !known.contains($0) }) {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath,
          debugDescription: "unknown key '\(unknown)'; known keys: \(known.sorted().joined(separator: ", "))"))
    }
  }
}
