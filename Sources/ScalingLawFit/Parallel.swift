import Dispatch

/// Runs `body` for every index on all cores and returns the results in index order.
///
/// Results land in their own slot, so the output is identical whatever the thread count or
/// scheduling — the property every deterministic search and bootstrap here relies on.
public func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
  let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
  slots.initialize(repeating: nil)
  defer { slots.deallocate() }
  nonisolated(unsafe) let shared = slots
  DispatchQueue.concurrentPerform(iterations: count) { index in
    shared[index] = body(index)
  }
  return slots.map { $0! }
}
