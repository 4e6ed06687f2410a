
import ExperimentRegistry
/// What happened to one target in a run (or would happen, in a dry run).
public enum TargetOutcome: Equatable, Sendable {
  /// Nothing it depends on changed, and its outputs are as recorded.
  case upToDate
  /// Stale for these reasons; a dry run stops here.
  case wouldRun([StaleReason])
  /// Rebuilt for these reasons, in `seconds`; its outputs and lock entry are updated.
  case built([StaleReason], seconds: Double)
  /// Failed (or could not be checked); its previous outputs and lock entry are kept.
  case failed([StaleReason], TargetFailure)
  /// Not run because these upstream targets failed.
  case skipped(failedUpstream: [String])
  /// Not run, or stopped, because the run was interrupted; previous outputs and entry kept.
  case interrupted

  /// Whether the target ends the run as it should: up to date, rebuilt, or (dry run) checked.
  public var isSuccess: Bool {
    switch self {
    case .upToDate, .wouldRun, .built: true
    case .failed, .skipped, .interrupted: false
    }
  }
}

/// One target's outcome.
public struct TargetResult: Equatable, Sendable {
  public var experiment: Experiment
  public var outcome: TargetOutcome
}

/// The result of ``Driver/run(_:control:progress:)``, in dependency order.
public struct RunReport: Equatable, Sendable {
  public var results: [TargetResult]
  /// The signal that interrupted the run, if any.
  public var interruptedBy: Int32?
  /// Why `results.sqlite` was rebuilt from the seed files first, if it was.
  public var databaseRebuild: String?
  /// Lock entries dropped because their experiment is no longer registered.
  public var prunedEntries: [String]

  /// True when every target is up to date, rebuilt or (dry run) checked, and nothing interrupted.
  public var succeeded: Bool { interruptedBy == nil && results.allSatisfy(\.outcome.isSuccess) }

  /// The outcome of the target called `name` (``ExperimentRegistry/Experiment/target``).
  public func outcome(of name: String) -> TargetOutcome? {
    results.first { $0.experiment.target == name }?.outcome
  }
}

/// Live news of a run, for a progress display.
public enum ProgressEvent: Sendable {
  /// Another `repro` holds the run lock; this one waits.
  case waitingForLock(holder: String)
  /// `results.sqlite` was rebuilt from the seed files before anything read it, for this reason.
  case rebuiltDatabase(reason: String)
  /// A seed refresh (``Driver/SeedRefresh``) says what it did, e.g. which checkpoints it evaluated.
  case refreshedSeeds(String)
  /// A stale target starts; `running` includes it, `remaining` counts targets not yet finished.
  case started(Experiment, reasons: [StaleReason], running: [String], remaining: Int)
  /// A target is done (whatever the outcome).
  case finished(TargetResult, running: [String], remaining: Int)
}

/// Receives ``ProgressEvent``s; called from worker threads, one event at a time.
public protocol ProgressReporter: Sendable {
  func report(_ event: ProgressEvent)
}

/// Reports nothing.
public struct SilentProgress: ProgressReporter {
  public init() {}
  public func report(_ event: ProgressEvent) {}
}
