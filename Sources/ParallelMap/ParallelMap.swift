import Dispatch

/// Runs `body(i)` for every index on all cores and returns the results in index order.
///
/// Results land in their own slot, so the output is identical whatever the thread count or
/// scheduling — the property every deterministic search, bootstrap and weight synthesis here
/// relies on. `body` need not be `@Sendable`: it runs only while this call is in progress, and
/// each index writes only its own slot.
public func parallelMap<T: Sendable>(_ count: Int, _ body: (Int) -> T) -> [T] {
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
