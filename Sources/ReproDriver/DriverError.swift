/// Why the driver could not check or run targets, in words that say what to do next.
public enum DriverError: Error, Equatable, CustomStringConvertible {
  /// A name on the command line matches no registered experiment.
  case unknownTarget(name: String, known: [String])
  /// An experiment's `dependsOn` names an experiment that is not registered.
  case unknownDependency(target: String, dependency: String)
  /// Two experiments are registered with the same id or target.
  case duplicateTarget(name: String)
  /// The experiments' `dependsOn` form a cycle (listed in order).
  case cycle([String])
  /// The executable (or its build records) is missing from the build folder.
  case notBuilt(executable: String, binDirectory: String)
  /// The build folder's records were written for another checkout (copied or moved here).
  case foreignBuild(binDirectory: String, evidence: String)
  /// A source file the build used is neither in this package nor in a package checkout.
  case unknownSourceLocation(path: String)
  /// An external package is not pinned in `Package.resolved`.
  case unpinnedPackage(identity: String)
  /// A file the driver needs could not be read.
  case unreadable(path: String, reason: String)
  /// The lock file exists but is not a lock file this driver can read.
  case malformedLock(path: String, reason: String)
  /// Another `repro` holds the run lock and `--no-wait` was given.
  case busy(holder: String)
  /// The run lock file could not be opened or locked.
  case runLockFailed(path: String, reason: String)

  public var description: String {
    switch self {
    case .unknownTarget(let name, let known):
      "no experiment '\(name)'; known: \(known.joined(separator: ", ")) (see `repro list`)"
    case .unknownDependency(let target, let dependency):
      "\(target) depends on '\(dependency)', which is not a registered experiment: fix its dependsOn in the registry"
    case .duplicateTarget(let name):
      "two experiments are registered as '\(name)': ids and targets must be unique"
    case .cycle(let targets):
      "the experiments depend on each other in a cycle: \(targets.joined(separator: " → "))"
    case .notBuilt(let executable, let binDirectory):
      "\(executable) is not built in \(binDirectory): build first (`./repro` does, or `swift build -c release`)"
    case .foreignBuild(let binDirectory, let evidence):
      "the build folder \(binDirectory) belongs to another checkout (\(evidence)): rebuild in this checkout "
        + "(`./repro` does; or delete .build and run `swift build -c release`)"
    case .unknownSourceLocation(let path):
      "\(path) was compiled into a target but is neither in this package nor in a package checkout"
    case .unpinnedPackage(let identity):
      "no pin for \(identity) in Package.resolved: run `swift package resolve`"
    case .unreadable(let path, let reason):
      "cannot read \(path): \(reason)"
    case .malformedLock(let path, let reason):
      "\(path) is not a valid lock file (\(reason)): restore it with `git checkout -- \(path)` or delete it to rebuild everything"
    case .busy(let holder):
      "another repro is running (\(holder)); wait for it or run again without --no-wait"
    case .runLockFailed(let path, let reason):
      "cannot take the run lock \(path): \(reason)"
    }
  }
}
