import ComputeFrontier
import ScalingLawFit

/// The prefill line of a cost sweep refitted on seeded bootstrap resamples of its timed
/// configurations: does R² clear the bar only thanks to a few large points?
///
/// The cost experiments compute it beside their line and write it into their summary; the
/// claims ledger reads it there (as it reads the scaling-law figures' bootstraps) rather than
/// resampling again.
public struct CostFitBootstrap: Codable, Sendable, Equatable {
  public var resamples: Int
  public var seed: UInt64
  /// R² of each resample's line, in resample order; resamples no line fits (every drawn
  /// configuration at the same FLOPs) are left out and counted in ``failures``.
  public var rSquared: [Double]
  public var failures: Int

  /// Fits `seconds ≈ c·flops + b` to each of `bootstrap`'s resamples of the configurations.
  public init(flops: [Double], seconds: [Double], bootstrap: Bootstrap) {
    let lines = (0..<bootstrap.resamples).compactMap { b -> LinearCostFit? in
      let sample = bootstrap.indices(resample: b, count: flops.count)
      return try? LinearCostFit(flops: sample.map { flops[$0] }, seconds: sample.map { seconds[$0] })
    }
    resamples = bootstrap.resamples
    seed = bootstrap.seed
    rSquared = lines.map(\.rSquared)
    failures = bootstrap.resamples - lines.count
  }

  /// The share of the resamples' lines that clear ``ComputeFrontier/LinearCostFit/linearityThreshold``.
  public var shareLinear: Double {
    rSquared.isEmpty ? 0 : Double(rSquared.filter { $0 >= LinearCostFit.linearityThreshold }.count) / Double(rSquared.count)
  }

  /// The central 95 % percentile interval of the resamples' R².
  public var rSquaredInterval: ClosedRange<Double>? { BootstrapResult.percentileInterval(rSquared) }
}
