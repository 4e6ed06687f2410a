import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns Ctrl-C (SIGINT), SIGTERM and SIGHUP into ``RunControl/interrupt(signal:)`` while a run
/// is in progress, instead of killing the driver between two steps of a commit.
///
/// The handler only writes the signal number into a pipe (the one thing a signal handler may
/// safely do); a thread reads it and interrupts the run, which terminates the experiments in
/// flight. (They run in process groups of their own, so the terminal's Ctrl-C reaches only the
/// driver; handlers are reset by `exec`, so they die on that SIGTERM as usual.) One forwarding
/// at a time.
public enum SignalForwarding {
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Runs `body` with the signals forwarded to `control`, then restores their previous handling.
  public static func forwarding<T>(to control: RunControl, _ body: () throws -> T) throws -> T {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return try body() }
    let (readEnd, writeEnd) = (ends[0], ends[1])
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }  // not for the experiments to inherit
    signalPipeWriteEnd = writeEnd
    let previous = signals.map { signal($0, forwardSignal) }
    // A parent may have started us with these signals blocked (the mask is inherited); unblock
    // them here, and so in every thread started from here, experiments included.
    var set = sigset_t()
    var previousMask = sigset_t()
    sigemptyset(&set)
    for number in signals { sigaddset(&set, number) }
    pthread_sigmask(SIG_UNBLOCK, &set, &previousMask)
    let reader = Thread {
      var byte: UInt8 = 0
      while read(readEnd, &byte, 1) == 1, byte != 0 { control.interrupt(signal: Int32(byte)) }
      close(readEnd)
    }
    reader.start()
    defer {
      pthread_sigmask(SIG_SETMASK, &previousMask, nil)
      for (number, handler) in zip(signals, previous) { signal(number, handler) }
      var stop: UInt8 = 0
      _ = write(writeEnd, &stop, 1)
      signalPipeWriteEnd = -1
      close(writeEnd)
    }
    return try body()
  }
}

/// The pipe the signal handler writes to; set only while ``SignalForwarding`` is active.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

private func forwardSignal(_ number: Int32) {
  var byte = UInt8(truncatingIfNeeded: number)
  _ = write(signalPipeWriteEnd, &byte, 1)
}
