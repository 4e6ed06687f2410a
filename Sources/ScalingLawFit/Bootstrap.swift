import ParallelMap
import ScalingLaw
import SeededRandom

/// Seeded nonparametric bootstrap: resample the observations (or, with ``HeldOutResampling``, the
/// cells, seeds and questions behind them) with replacement, refit.
///
/// Resample `b` draws its indices from `SplitMix64(seed: seed).derived(index: b)`, so the same
/// seed gives the same resamples — and the same intervals — on any machine and thread count.
/// Resamples whose fit throws (e.g. it did not converge) are counted, not silently dropped.
public struct Bootstrap: Sendable {
  public var resamples: Int
  public var seed: UInt64

  /// The resample counts a user may ask for (`repro fit --bootstrap`, `repro extrapolate
  /// --bootstrap`). At least 20: with fewer, a 95 % percentile interval has no resample beyond
  /// either end (with 1 it is the degenerate `[x, x]`). At most 10,000: each resample is a full
  /// refit (≈ 50 µs by least squares), and the outcomes are held in memory.
  public static let resampleRange = 20...10_000

  public init(resamples: Int, seed: UInt64) {
    self.resamples = resamples
    self.seed = seed
  }

  /// The indices of resample `b`.
  public func indices(resample b: Int, count: Int) -> [Int] {
    var generator = SplitMix64(seed: seed).derived(index: UInt64(b))
    return (0..<count).map { _ in generator.nextIndex(below: count) }
  }

  /// What a bootstrap over the fitted observations resampled (``BootstrapResult/resampled``).
  public static let overCells = "the cells"

  /// Refits `problem` on resamples of its observations, drawn with replacement.
  public func run(_ problem: FitProblem, fitter: any ScalingLawFitter) -> BootstrapResult {
    run(fitter: fitter, resampled: Self.overCells) { b in try problem.resampled(indices(resample: b, count: problem.count)) }
  }

  /// Refits on resamples of the cells, seeds and held-out questions of ``HeldOutResampling``,
  /// each fitted with the token `convention` of the problem it stands for.
  public func run(_ resampling: HeldOutResampling, convention: TokenConvention, fitter: any ScalingLawFitter) -> BootstrapResult {
    run(fitter: fitter, resampled: resampling.description) { b in
      var generator = SplitMix64(seed: seed).derived(index: UInt64(b))
      return try FitProblem(resampling.observations(using: &generator), convention: convention)
    }
  }

  /// Refits `problem` on resamples of `resampling` where there is one (the held-out cells, seeds
  /// and questions behind its observations), else of its observations.
  public func run(_ problem: FitProblem, resampling: HeldOutResampling?, fitter: any ScalingLawFitter) -> BootstrapResult {
    resampling.map { run($0, convention: problem.convention, fitter: fitter) } ?? run(problem, fitter: fitter)
  }

  /// Fits the problem `resample(b)` of every resample `b`, in parallel.
  func run(fitter: any ScalingLawFitter, resampled: String, resample: (Int) throws -> FitProblem) -> BootstrapResult {
    let outcomes = parallelMap(resamples) { b -> ScalingLaw? in try? fitter.fit(resample(b)).law }
    return BootstrapResult(seed: seed, resamples: resamples, laws: outcomes.compactMap { $0 },
                           failures: outcomes.filter { $0 == nil }.count, resampled: resampled)
  }
}

/// The refitted laws of a bootstrap, with percentile intervals of any derived quantity.
public struct BootstrapResult: Sendable, Codable, Equatable {
  public var seed: UInt64
  public var resamples: Int
  /// Laws of the resamples whose fit succeeded, in resample order.
  public var laws: [ScalingLaw]
  public var failures: Int
  /// What each resample drew, in words: "the cells", or the cells, seeds and held-out questions.
  public var resampled: String

  /// The central `level` percentile interval of `quantity` over the resamples (numpy's default
  /// linear interpolation between order statistics); `nil` if no resample produced a finite value.
  public func interval(level: Double = 0.95, of quantity: (ScalingLaw) -> Double) -> ClosedRange<Double>? {
    Self.percentileInterval(laws.map(quantity), level: level)
  }

  /// The central `level` percentile interval of the finite `values` (numpy's default linear
  /// interpolation between order statistics), for bootstrap quantities that are not laws; `nil`
  /// if none is finite.
  public static func percentileInterval(_ values: [Double], level: Double = 0.95) -> ClosedRange<Double>? {
    let sorted = values.filter(\.isFinite).sorted()
    guard !sorted.isEmpty else { return nil }
    let tail = (1 - level) / 2
    return percentile(sorted, tail)...percentile(sorted, 1 - tail)
  }

  /// The share of resamples for which `condition` holds (e.g. α > β).
  public func share(where condition: (ScalingLaw) -> Bool) -> Double {
    laws.isEmpty ? .nan : Double(laws.filter(condition).count) / Double(laws.count)
  }

  static func percentile(_ sorted: [Double], _ q: Double) -> Double {
    let h = Double(sorted.count - 1) * q
    let lower = Int(h.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
  }
}
