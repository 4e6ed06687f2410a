import CBLAS
import Dispatch
import Foundation

/// Cores available to this process: how many chunks elementwise work is split into.
let coreCount = ProcessInfo.processInfo.activeProcessorCount

/// Threads the engine's own elementwise passes may use (`forEachChunk`); lowered to 1 while
/// `ComputeThreads.run` parallelises at a coarser grain. Written only by `ComputeThreads.run`.
nonisolated(unsafe) private var elementwiseThreadLimit = coreCount
private let computeThreadsLock = NSLock()

/// Coarse-grained parallelism with results that do not depend on the thread count.
///
/// Work is cut into *units* whose boundaries are fixed by the caller (a group of sequences, one
/// image), never by the number of threads; each unit runs single-threaded (OpenBLAS and the
/// elementwise passes are held to one thread meanwhile) and writes only its own outputs. A unit
/// therefore executes the same instructions in the same order whichever thread runs it, and the
/// result is bit-identical for 1 or 16 threads. On small matrices this is also faster: a
/// multi-threaded OpenBLAS call on a 1024 × 64 × 64 product costs far more in synchronisation
/// than the product itself.
public enum ComputeThreads {
  /// Runs `body` with OpenBLAS limited to `threads` threads (restored afterwards): a benchmark
  /// compares at equal thread counts.
  public static func withBLASThreads<T>(_ threads: Int, _ body: () throws -> T) rethrows -> T {
    precondition(threads >= 1, "at least one thread")
    computeThreadsLock.lock()
    defer { computeThreadsLock.unlock() }
    let previous = openblas_get_num_threads()
    openblas_set_num_threads(Int32(threads))
    defer { openblas_set_num_threads(previous) }
    return try body()
  }

  /// Runs `body(unit)` for every unit in `0..<units` on `threads` threads (each thread takes the
  /// next unit not yet started), with BLAS and elementwise passes single-threaded for the
  /// duration. Calls are serialised, since the thread settings are process-wide; `body` must not
  /// call `forEach` itself.
  public static func forEach(units: Int, threads: Int, _ body: (Int) -> Void) {
    precondition(threads >= 1, "at least one thread")
    computeThreadsLock.lock()
    defer { computeThreadsLock.unlock() }
    let blasThreads = openblas_get_num_threads()
    openblas_set_num_threads(1)
    elementwiseThreadLimit = 1
    defer {
      openblas_set_num_threads(blasThreads)
      elementwiseThreadLimit = coreCount
    }
    let workers = min(threads, units)
    guard workers > 1 else {
      for unit in 0..<units { body(unit) }
      return
    }
    let counterLock = NSLock()
    nonisolated(unsafe) var next = 0
    withoutActuallyEscaping(body) { body in
      nonisolated(unsafe) let body = body
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
          let unit = counterLock.withLock {
            defer { next += 1 }
            return next
          }
          guard unit < units else { return }
          body(unit)
        }
      }
    }
  }
}

/// Runs `body` on contiguous chunks of `0..<count`, one chunk per core, concurrently.
///
/// Elementwise passes (activations, norms, softmax) are cheap per element but touch every
/// activation, so on large matrices they are worth splitting; below `minimumChunk` elements per
/// chunk, dispatching costs more than it saves and the work runs inline. Chunks are disjoint, so
/// results do not depend on scheduling.
func forEachChunk(_ count: Int, minimumChunk: Int = 32_768, _ body: (Range<Int>) -> Void) {
  let chunks = min(elementwiseThreadLimit, count / minimumChunk)
  guard chunks > 1 else {
    body(0..<count)
    return
  }
  withoutActuallyEscaping(body) { body in
    nonisolated(unsafe) let body = body
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      body((count * chunk / chunks)..<(count * (chunk + 1) / chunks))
    }
  }
}
