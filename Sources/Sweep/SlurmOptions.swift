/// The resources each array task asks Slurm for; every value is checked before a script is
/// written, so a typo fails here rather than as a job rejected (or mis-sized) by the cluster.
public struct SlurmOptions: Codable, Equatable, Sendable {
  /// `--partition`: letters, digits, `.`, `_`, `-`.
  public var partition: String?
  /// `--time`, the per-task limit in one of Slurm's forms: `M`, `M:S`, `H:M:S`, `D-H`,
  /// `D-H:M`, `D-H:M:S`.
  public var time: String?
  /// `--cpus-per-task`, 1…1024.
  public var cpusPerTask: Int?
  /// `--mem`, memory per node: a whole number with an optional unit `K`, `M`, `G` or `T`
  /// (Slurm's default unit is megabytes), at least 1.
  public var mem: String?
  /// At most this many tasks of the array run at once (`--array=…%K`), 1…1000.
  public var maxRunning: Int?
  /// Further `#SBATCH` options a site needs (`--account=lab`, `--gres=gpu:1`, `--qos=…`),
  /// each one `--name` or `--name=value` on one line.
  public var directives: [String]?

  public static let cpusPerTaskRange = 1...1024
  public static let maxRunningRange = 1...1000

  public init(
    partition: String? = nil, time: String? = nil, cpusPerTask: Int? = nil, mem: String? = nil, maxRunning: Int? = nil,
    directives: [String]? = nil
  ) {
    self.partition = partition
    self.time = time
    self.cpusPerTask = cpusPerTask
    self.mem = mem
    self.maxRunning = maxRunning
    self.directives = directives
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case partition, time, cpusPerTask, mem, maxRunning, directives
  }

  public init(from decoder: any Decoder) throws {
    try StrictKeys.check(decoder, allowed: CodingKeys.allCases)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    partition = try container.decodeIfPresent(String.self, forKey: .partition)
    time = try container.decodeIfPresent(String.self, forKey: .time)
    cpusPerTask = try container.decodeIfPresent(Int.self, forKey: .cpusPerTask)
    mem = try container.decodeIfPresent(String.self, forKey: .mem)
    maxRunning = try container.decodeIfPresent(Int.self, forKey: .maxRunning)
    directives = try container.decodeIfPresent([String].self, forKey: .directives)
  }

  /// These options with every value `overrides` sets put in their place.
  public func overridden(by overrides: SlurmOptions) -> SlurmOptions {
    SlurmOptions(
      partition: overrides.partition ?? partition, time: overrides.time ?? time,
      cpusPerTask: overrides.cpusPerTask ?? cpusPerTask, mem: overrides.mem ?? mem,
      maxRunning: overrides.maxRunning ?? maxRunning, directives: overrides.directives ?? directives)
  }

  /// Throws ``SweepError/invalidSlurmOption(_:value:expected:)`` for the first bad value.
  public func validate() throws(SweepError) {
    if let partition, !Self.isName(partition) {
      throw .invalidSlurmOption("partition", value: partition, expected: "a partition name (letters, digits, '.', '_', '-')")
    }
    if let time, !Self.isTime(time) {
      throw .invalidSlurmOption(
        "time", value: time, expected: "minutes, M:S, H:M:S, D-H, D-H:M or D-H:M:S (e.g. 30, 2:00:00, 1-12)")
    }
    if let cpusPerTask, !Self.cpusPerTaskRange.contains(cpusPerTask) {
      throw .invalidSlurmOption("cpus-per-task", value: "\(cpusPerTask)", expected: "a whole number in 1…1024")
    }
    if let mem, !Self.isMemory(mem) {
      throw .invalidSlurmOption("mem", value: mem, expected: "a positive whole number with an optional unit K, M, G or T (e.g. 4G)")
    }
    if let maxRunning, !Self.maxRunningRange.contains(maxRunning) {
      throw .invalidSlurmOption("max-running", value: "\(maxRunning)", expected: "a whole number in 1…1000")
    }
    for directive in directives ?? [] where !Self.isDirective(directive) {
      throw .invalidSlurmOption(
        "directives", value: directive, expected: "one sbatch option per entry, '--name' or '--name=value', no spaces or newlines")
    }
  }

  static func isName(_ text: String) -> Bool {
    !text.isEmpty && text.count <= 100 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
  }

  private static func isTime(_ text: String) -> Bool {
    func number(_ part: Substring, max: Int? = nil) -> Int? {
      guard !part.isEmpty, part.count <= 6, part.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(part) else { return nil }
      if let max, value > max { return nil }
      return value
    }
    let dayParts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard dayParts.count <= 2 else { return false }
    let clock = dayParts[dayParts.count - 1].split(separator: ":", omittingEmptySubsequences: false)
    if dayParts.count == 2 {
      guard number(dayParts[0]) != nil, (1...3).contains(clock.count), number(clock[0], max: 23) != nil else { return false }
      return clock.dropFirst().allSatisfy { number($0, max: 59) != nil }
    }
    switch clock.count {
    case 1: return (number(clock[0]) ?? 0) >= 1
    case 2: return number(clock[0]) != nil && number(clock[1], max: 59) != nil && text != "0:00"
    case 3: return number(clock[0]) != nil && number(clock[1], max: 59) != nil && number(clock[2], max: 59) != nil
    default: return false
    }
  }

  private static func isMemory(_ text: String) -> Bool {
    var digits = Substring(text)
    if let unit = digits.last, "KMGT".contains(unit) { digits = digits.dropLast() }
    guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
    return (Int(digits) ?? 0) >= 1
  }

  private static func isDirective(_ text: String) -> Bool {
    text.hasPrefix("--") && text.count > 2 && !text.contains { $0.isWhitespace || $0.isNewline || $0 == "'" || $0 == "\"" }
  }
}
