/// Why miniature-task data could not be generated, written or read.
public enum MiniTasksError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A generator knob or a count outside its documented range.
  case outOfRange(name: String, value: String, range: String)
  /// A combination of generator knobs that cannot work together; `reason` says why.
  case invalidParameter(name: String, reason: String)
  /// A shard that is not a valid mini-tasks shard; `reason` says which check failed.
  case invalidShard(file: String, reason: String)
  /// Writing the data directory failed.
  case io(path: String, reason: String)
  /// A data directory written by another generator version or other parameters than the current one.
  case staleData(directory: String, family: TaskFamily, found: String, expected: String)

  public var description: String {
    switch self {
    case .outOfRange(let name, let value, let range):
      "\(name) = \(value) is outside its range \(range)"
    case .invalidParameter(let name, let reason):
      "\(name): \(reason)"
    case .invalidShard(let file, let reason):
      "\(file) is not a valid mini-tasks shard (\(MiniTasks.format)): \(reason). Regenerate it with `repro mini data`."
    case .io(let path, let reason):
      "cannot write \(path): \(reason)"
    case .staleData(let directory, let family, let found, let expected):
      "\(directory) holds \(family.rawValue) data of an older generator (\(found); this build's generator is \(expected)): "
        + "regenerate it with `./repro mini data --family \(family.rawValue)`"
    }
  }

  static func check(_ name: String, _ value: Int, within range: ClosedRange<Int>) throws(MiniTasksError) {
    guard range.contains(value) else { throw .outOfRange(name: name, value: "\(value)", range: "\(range)") }
  }

  static func check(_ name: String, _ value: ClosedRange<Int>, within range: ClosedRange<Int>) throws(MiniTasksError) {
    guard range.contains(value.lowerBound), range.contains(value.upperBound) else {
      throw .outOfRange(name: name, value: "\(value)", range: "\(range)")
    }
  }
}
