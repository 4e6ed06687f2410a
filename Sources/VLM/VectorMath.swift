import Foundation

/// `exp` eight lanes at a time, for the elementwise passes that call it millions of times per
/// forward pass (softmax over attention scores, SiLU, quick-GELU).
///
/// Cephes' single-precision algorithm: `exp(x) = 2ⁿ · exp(r)` with `n = round(x / ln 2)` and
/// `|r| ≤ ln 2 / 2`, `exp(r)` by a degree-6 polynomial, `2ⁿ` built in the exponent bits. Relative
/// error is within a few ulp of `Foundation.exp` over the clamped range; inputs are clamped to
/// `[−87.3, 88]`, so results never overflow to infinity and underflow to the smallest normal
/// (~1.2 × 10⁻³⁸) instead of 0 — immaterial for the sums and ratios they feed.
enum VectorMath {
  typealias Vector = SIMD8<Float>

  @inline(__always)
  static func exp(_ x: Vector) -> Vector {
    // Adding 1.5 · 2²³ rounds to the nearest integer n (ties to even) and leaves n in the low
    // mantissa bits: the float stays vectorised where a float → int conversion would not be.
    let magic = Vector(repeating: 12_582_912)
    // Comparisons and selects on the concrete vector type inline; the generic `pointwiseMin`
    // does not, and cost a function call per vector.
    let low = Vector(repeating: -87.3), high = Vector(repeating: 88)
    let clamped = x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)
    let shifted = clamped * 1.442_695_04 + magic
    let n = shifted - magic
    let r = clamped - n * 0.693_359_375 + n * 2.121_944_4e-4
    var p = Vector(repeating: 1.987_569_15e-4)
    p = p * r + 1.398_199_95e-3
    p = p * r + 8.333_451_9e-3
    p = p * r + 4.166_579_59e-2
    p = p * r + 0.166_666_655
    p = p * r + 0.500_000_012
    p = p * r * r + r + 1
    let integer = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
    return p * unsafeBitCast((integer &+ 127) &<< 23, to: Vector.self)
  }

  /// Replaces every `x` by `exp(x − shift)` and returns their sum (the softmax numerator pass).
  static func exponentiate(_ x: UnsafeMutableBufferPointer<Float>, subtracting shift: Float) -> Float {
    var sums = Vector.zero
    forEachVector(x) { v, lanes in
      let e = exp(v - shift)
      sums += e.replacing(with: 0, where: lanes)
      return e
    }
    return sums.sum()
  }

  /// Replaces every `x` by `x · σ(slope · x)` (SiLU for slope 1, quick-GELU for 1.702).
  static func sigmoidGate(_ x: UnsafeMutableBufferPointer<Float>, slope: Float) {
    forEachVector(x) { v, _ in v / (1 + exp(-slope * v)) }
  }

  /// Applies `body` to `x` eight elements at a time, the last partial group padded with zeros, so
  /// every element goes through the same arithmetic whatever its position. `body` receives the
  /// mask of padding lanes, whose results are discarded.
  @inline(__always)
  private static func forEachVector(
    _ x: UnsafeMutableBufferPointer<Float>, _ body: (Vector, SIMDMask<SIMD8<Int32>>) -> Vector
  ) {
    guard let base = x.baseAddress else { return }
    var i = 0
    let none = SIMDMask<SIMD8<Int32>>(repeating: false)
    while i + 8 <= x.count {
      let v = UnsafeRawPointer(base + i).loadUnaligned(as: Vector.self)
      UnsafeMutableRawPointer(base + i).storeBytes(of: body(v, none), as: Vector.self)
      i += 8
    }
    guard i < x.count else { return }
    var tail = Vector.zero
    var padding = SIMDMask<SIMD8<Int32>>(repeating: true)
    for lane in 0..<(x.count - i) {
      tail[lane] = x[i + lane]
      padding[lane] = false
    }
    let result = body(tail, padding)
    for lane in 0..<(x.count - i) { x[i + lane] = result[lane] }
  }
}
