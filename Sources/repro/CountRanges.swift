import ArgumentParser
import ScalingLawFit

// Every count a user types has a documented range, checked in `validate()` before anything
// runs: a value outside it stops with a message naming the range, never a trap or a giant
// allocation. The ranges themselves live beside what they limit (`Bootstrap.resampleRange`,
// `InferCommand.newTokenRange`, …); the help texts print them with `rangeText`.

/// `1…2048`, as help texts and errors write a range.
func rangeText(_ range: ClosedRange<Int>) -> String {
  "\(range.lowerBound)…\(range.upperBound)"
}

/// Throws a `ValidationError` naming `option` and `range` unless `range` contains `value`.
func check(_ option: String, _ value: Int, in range: ClosedRange<Int>) throws {
  guard range.contains(value) else { throw ValidationError("\(option) must be in \(rangeText(range)), got \(value)") }
}

/// The same for a real number (which must also be finite).
func check(_ option: String, _ value: Double, in range: ClosedRange<Double>) throws {
  guard value.isFinite, range.contains(value) else {
    throw ValidationError("\(option) must be a number in \(range.lowerBound.formatted)…\(range.upperBound.formatted), got \(value)")
  }
}

/// `--bootstrap`: none (0), or enough resamples for a 95 % percentile interval to have resamples
/// in its tails (``ScalingLawFit/Bootstrap/resampleRange``).
func checkBootstrap(_ resamples: Int) throws {
  guard resamples == 0 || Bootstrap.resampleRange.contains(resamples) else {
    throw ValidationError("--bootstrap must be 0 (none) or in \(rangeText(Bootstrap.resampleRange)), got \(resamples)")
  }
}

extension Double {
  /// `7`, `0.5`: the shortest spelling, for messages.
  fileprivate var formatted: String { rounded() == self && abs(self) < 1e15 ? String(Int64(self)) : String(self) }
}
