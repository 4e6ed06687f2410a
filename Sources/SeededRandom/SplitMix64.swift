/// A seedable 64-bit random generator (SplitMix64, Steele, Lea & Flood 2014).
///
/// The standard library's `SystemRandomNumberGenerator` cannot be seeded, so every random choice
/// in this project (bootstrap resamples, synthetic weights, shuffles) goes through this type: the
/// same seed gives the same stream on every machine and every run, which is what makes outputs
/// byte-identical. It is not cryptographically secure and is not meant to be.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator whose whole stream is determined by `seed`.
  public init(seed: UInt64) {
    self.state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z &>> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z &>> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z &>> 31)
  }

  /// A uniform double in [0, 1) built from the top 53 bits, identical on every platform
  /// (unlike `Double.random(in:using:)`, whose algorithm the standard library may change).
  public mutating func nextUnitDouble() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform integer in `0..<upperBound` by Lemire's multiply-shift with rejection, stable
  /// across standard-library versions for the same reason as `nextUnitDouble()`.
  public mutating func nextIndex(below upperBound: Int) -> Int {
    precondition(upperBound > 0, "upperBound must be positive")
    let bound = UInt64(upperBound)
    let threshold = (0 &- bound) % bound
    while true {
      let product = next().multipliedFullWidth(by: bound)
      if product.low >= threshold { return Int(product.high) }
    }
  }

  /// Derives an independent generator for sub-task `index` (e.g. one bootstrap resample), so
  /// parallel work gets the same streams whatever the thread count or scheduling order.
  public func derived(index: UInt64) -> SplitMix64 {
    var mixer = SplitMix64(seed: state ^ (index &* 0xd1b5_4a32_d192_ed03))
    return SplitMix64(seed: mixer.next())
  }
}
