import Foundation

/// A handle to stop a run from outside it: the command line's signal handler, or a test.
///
/// Interrupting stops new targets from starting and terminates the running ones; a target whose
/// outputs are being swapped into place finishes that step and its lock entry first, so an
/// interrupted run leaves every target either as it was or fully updated.
public final class RunControl: @unchecked Sendable {
  private let lock = NSLock()
  private var signal: Int32?
  private var handlers: [@Sendable () -> Void] = []

  public init() {}

  /// Asks the run to stop, because of `signal` (reported back as the exit status 128 + signal).
  public func interrupt(signal: Int32) {
    lock.lock()
    if self.signal == nil { self.signal = signal }
    let handlers = handlers
    lock.unlock()
    handlers.forEach { $0() }
  }

  /// The signal the run was interrupted by, if it was.
  public var interruptedBy: Int32? {
    lock.lock()
    defer { lock.unlock() }
    return signal
  }

  /// Calls `handler` when the run is interrupted (at once if it already was).
  public func onInterrupt(_ handler: @escaping @Sendable () -> Void) {
    lock.lock()
    handlers.append(handler)
    let already = signal != nil
    lock.unlock()
    if already { handler() }
  }
}
