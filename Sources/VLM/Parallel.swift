import Dispatch
import Foundation

/// Cores available to this process: how many chunks elementwise work is split into.
let coreCount = ProcessInfo.processInfo.activeProcessorCount

/// Runs `body` on contiguous chunks of `0..<count`, one chunk per core, concurrently.
///
/// Elementwise passes (activations, norms, softmax) are cheap per element but touch every
/// activation, so on large matrices they are worth splitting; below `minimumChunk` elements per
/// chunk, dispatching costs more than it saves and the work runs inline. Chunks are disjoint, so
/// results do not depend on scheduling.
func forEachChunk(_ count: Int, minimumChunk: Int = 32_768, _ body: (Range<Int>) -> Void) {
  let chunks = min(coreCount, count / minimumChunk)
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

/// `body(i)` for every index on all cores, results in index order whatever the scheduling.
func parallelMap<T: Sendable>(_ count: Int, _ body: (Int) -> T) -> [T] {
  let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
  slots.initialize(repeating: nil)
  defer { slots.deallocate() }
  withoutActuallyEscaping(body) { body in
    nonisolated(unsafe) let body = body
    nonisolated(unsafe) let shared = slots
    DispatchQueue.concurrentPerform(iterations: count) { index in shared[index] = body(index) }
  }
  return slots.map { $0! }
}
