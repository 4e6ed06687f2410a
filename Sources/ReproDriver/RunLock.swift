import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `Figures/.repro-run.lock`: one `repro` at a time may run or clean targets.
///
/// An advisory `flock` on a git-ignored file. The kernel drops the lock when the holder exits,
/// however it exits, so a crashed run never leaves the project locked. The holder writes its pid
/// into the file so a waiting run can say whom it waits for.
public final class RunLock {
  private let descriptor: Int32

  /// The lock file's name in `Figures/`. It is git-ignored and created by the first run, so
  /// its absence means no `repro` has run in this checkout yet (a fresh clone).
  public static let fileName = ".repro-run.lock"

  /// Takes the lock in `figures`. If another process holds it: with `wait`, calls `onWait` with
  /// a description of the holder and blocks until it is released; without, throws
  /// ``DriverError/busy(holder:)``.
  public init(in figures: URL, wait: Bool, onWait: (String) -> Void = { _ in }) throws {
    try FileManager.default.createDirectory(at: figures, withIntermediateDirectories: true)
    let path = figures.appendingPathComponent(Self.fileName).path
    // O_CLOEXEC: experiments started while we hold the lock must not inherit (and keep) it.
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw DriverError.runLockFailed(path: path, reason: String(cString: strerror(errno))) }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      let failure = errno
      guard failure == EWOULDBLOCK else {
        close(descriptor)
        throw DriverError.runLockFailed(path: path, reason: String(cString: strerror(failure)))
      }
      let holder = Self.holder(of: descriptor)
      guard wait else {
        close(descriptor)
        throw DriverError.busy(holder: holder)
      }
      onWait(holder)
      guard flock(descriptor, LOCK_EX) == 0 else {
        let reason = String(cString: strerror(errno))
        close(descriptor)
        throw DriverError.runLockFailed(path: path, reason: reason)
      }
    }
    let pid = Data("\(getpid())\n".utf8)
    _ = ftruncate(descriptor, 0)
    _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  private static func holder(of descriptor: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 32)
    let count = pread(descriptor, &buffer, buffer.count, 0)
    let pid = count > 0 ? String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
    return pid.isEmpty ? "lock held" : "pid \(pid)"
  }
}
