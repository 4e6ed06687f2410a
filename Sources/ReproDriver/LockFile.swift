import AtomicFiles
import Foundation

/// `Figures/repro.lock`: per target, what its committed outputs were made from and what they are.
///
/// Committed to git and read in review, like `dvc.lock`: pretty JSON with sorted keys, no
/// timestamps, absolute paths or machine names, so identical inputs give identical bytes and a
/// diff shows exactly which fingerprint, parameter, output or fitted number changed.
public struct LockFile: Codable, Equatable, Sendable {
  /// Bumped when the format changes incompatibly.
  public static let formatVersion = 1

  public var version: Int
  /// Keyed by target (``ExperimentRegistry/Experiment/target``: the output folder under `Figures/`).
  public var targets: [String: LockEntry]

  public init(targets: [String: LockEntry] = [:]) {
    version = Self.formatVersion
    self.targets = targets
  }

  /// The lock file at `url`, or an empty one when there is none yet.
  public static func load(from url: URL) throws -> LockFile {
    guard let data = FileManager.default.contents(atPath: url.path) else { return LockFile() }
    let lock: LockFile
    do {
      lock = try JSONDecoder().decode(LockFile.self, from: data)
    } catch {
      throw DriverError.malformedLock(path: url.path, reason: "\(error)")
    }
    guard lock.version == formatVersion else {
      throw DriverError.malformedLock(path: url.path, reason: "format version \(lock.version), this driver reads \(formatVersion)")
    }
    return lock
  }

  /// The exact bytes written: sorted keys, two-space indentation, a final newline.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return try encoder.encode(self) + Data("\n".utf8)
  }

  /// Writes the lock atomically (temporary file, then rename).
  public func write(to url: URL) throws {
    try AtomicFile.write(try encoded(), to: url)
  }
}

/// One target's record in the lock file.
public struct LockEntry: Codable, Equatable, Sendable {
  /// The experiment's short id (`1`, `table1`, …).
  public var id: String
  public var inputs: InputFingerprints
  /// The parameter values the outputs were made with.
  public var parameters: [String: String]
  /// The source files and package pins behind `inputs.code`.
  public var code: CodeManifest
  /// Every file of the output folder (relative path) → SHA-256.
  public var outputs: [String: String]
  /// The experiment's `summary.json` (fitted parameters at full precision), if it wrote one.
  public var summary: JSONValue?

  public init(
    id: String, inputs: InputFingerprints, parameters: [String: String], code: CodeManifest,
    outputs: [String: String], summary: JSONValue?
  ) {
    self.id = id
    self.inputs = inputs
    self.parameters = parameters
    self.code = code
    self.outputs = outputs
    self.summary = summary
  }

  /// The fingerprint downstream targets record for these outputs.
  public var outputDigest: String { ContentHash.of(table: outputs) }
}
