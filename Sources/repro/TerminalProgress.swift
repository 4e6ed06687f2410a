import Foundation
import ReproDriver

/// Shows a run as it goes: on a terminal, a live line (which targets run, how many are left) and
/// one line per finished target; when piped, only failures, so logs and scripts stay quiet.
/// Failures always print the experiment's own error output.
final class TerminalProgress: ProgressReporter, @unchecked Sendable {
  private let interactive = isatty(STDERR_FILENO) != 0
  private var finished = 0
  private var liveLine = false
  private let lock = NSLock()

  func report(_ event: ProgressEvent) {
    lock.lock()
    defer { lock.unlock() }
    switch event {
    case .waitingForLock(let holder):
      write("waiting for another repro to finish (\(holder)); Ctrl-C to give up")
    case .rebuiltDatabase(let reason):
      write("rebuilt results.sqlite from the seed files first: \(reason)")
    case .refreshedSeeds(let news):
      write(news)
    case .started(let experiment, let reasons, let running, let remaining):
      if interactive {
        write("▶ \(experiment.target): \(reasons.map(\.cause).joined(separator: ", "))")
        showLive(running: running, remaining: remaining)
      }
    case .finished(let result, let running, let remaining):
      finished += 1
      let name = result.experiment.target
      switch result.outcome {
      case .built(_, let seconds):
        if interactive { write("✓ \(name) (\(String(format: "%.1f", seconds)) s)") }
      case .failed(_, let failure):
        write("✗ \(name) failed: \(failure.message)" + indented(failure.log))
      case .skipped(let upstream):
        write("✗ \(name) skipped: upstream \(upstream.joined(separator: ", ")) failed")
      case .upToDate, .wouldRun, .interrupted:
        break
      }
      if interactive { showLive(running: running, remaining: remaining) }
    }
  }

  /// Prints a line on standard error, replacing the live line if one is shown.
  private func write(_ line: String) {
    FileHandle.standardError.write(Data(((liveLine ? "\r\u{1B}[K" : "") + line + "\n").utf8))
    liveLine = false
  }

  private func showLive(running: [String], remaining: Int) {
    if liveLine { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    guard !running.isEmpty else {
      liveLine = false
      return
    }
    let total = finished + remaining
    FileHandle.standardError.write(Data("[\(finished)/\(total)] running \(running.joined(separator: ", ")) — \(remaining) left".utf8))
    liveLine = true
  }

  private func indented(_ log: String) -> String {
    let lines = log.split(separator: "\n", omittingEmptySubsequences: false).dropLast(log.hasSuffix("\n") ? 1 : 0)
    return lines.isEmpty ? "" : "\n" + lines.map { "    " + $0 }.joined(separator: "\n")
  }
}
