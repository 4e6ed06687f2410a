import Foundation

/// Runs the stale cells of a grid, `jobs` single-threaded trainer processes at a time, and
/// reports progress (cells done, estimated time left) as each finishes.
public enum GridRun {
  /// Each finished (or failed) cell, in completion order.
  public enum Event: Sendable {
    case finished(CellOutcome, done: Int, total: Int, secondsLeft: Double)
    case failed(MiniCell, message: String, done: Int, total: Int)
  }

  /// Trains `cells` with at most `jobs` at once; returns the failures (empty when all succeeded).
  public static func train(
    _ cells: [MiniCell], jobs: Int, training: CellTraining, trainer: PythonTrainer,
    report: @escaping @Sendable (Event) -> Void
  ) -> [MiniCell] {
    let queue = OperationQueue()
    queue.maxConcurrentOperationCount = jobs
    let state = Progress(total: cells.count)
    let started = ContinuousClock.now
    for cell in cells {
      queue.addOperation {
        do {
          let outcome = try training.train(cell, with: trainer)
          let (done, _) = state.finish(failed: nil)
          let elapsed = (ContinuousClock.now - started).secondsValue
          let left = Double(cells.count - done) * elapsed / Double(done)
          report(.finished(outcome, done: done, total: cells.count, secondsLeft: left))
        } catch {
          let (done, _) = state.finish(failed: cell)
          report(.failed(cell, message: "\(error)", done: done, total: cells.count))
        }
      }
    }
    queue.waitUntilAllOperationsAreFinished()
    return state.failures.sorted()
  }

  /// Counts finished cells across the worker threads.
  final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private(set) var failures: [MiniCell] = []
    let total: Int
    init(total: Int) { self.total = total }
    func finish(failed: MiniCell?) -> (Int, Int) {
      lock.lock()
      defer { lock.unlock() }
      done += 1
      if let failed { failures.append(failed) }
      return (done, total)
    }
  }
}
