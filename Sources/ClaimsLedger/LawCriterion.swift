import ResultValues
import ScalingLaw
import ScalingLawFit

/// A claim's criterion as a predicate on a fitted law, so the same test decides the verdict on
/// the primary fit, on every other method's fit, and on every bootstrap refit.
struct LawCriterion: Sendable {
  /// Whether the claim holds for `law`.
  let holds: @Sendable (ScalingLaw) -> Bool
  /// The claim's quantities for `law`, by name (full precision).
  let quantities: @Sendable (ScalingLaw) -> [String: Double]
  /// The quantities for `law`, rounded for reading.
  let describe: @Sendable (ScalingLaw) -> String

  /// The verdict on `fits.primary`, with the verdict under every method, every variant and
  /// over the bootstrap (share holding, 95 % intervals of each quantity).
  func finding(_ fits: LawFits, variants: [LawFits.Variant] = [], explanation: (ScalingLaw, Robustness) -> String) -> Finding {
    let law = fits.primary.law
    let robustness = robustness(fits, variants: variants)
    return Finding(
      holds: holds(law), value: "\(describe(law)) (\(fits.primary.method))", quantities: quantities(law),
      explanation: explanation(law, robustness), robustness: robustness)
  }

  func robustness(_ fits: LawFits, variants: [LawFits.Variant]) -> Robustness {
    let named = fits.results.map { (label: $0.method.rawValue, result: $0) } + variants.map { (label: $0.label, result: $0.result) }
    let bootstrap = fits.bootstrap
    // Quantities can be costly (a frontier per law): compute them once per distinct law.
    let values = Dictionary(bootstrap.laws.map { ($0, quantities($0)) }, uniquingKeysWith: { first, _ in first })
    var intervals: [String: [Double]] = [:]
    for name in Set(values.values.flatMap(\.keys)) {
      if let interval = bootstrap.interval(of: { values[$0]?[name] ?? .nan }) {
        intervals[name] = [interval.lowerBound, interval.upperBound]
      }
    }
    let holding = bootstrap.laws.filter(holds).count
    return Robustness(
      fits: named.map { FitVerdict(fit: $0.label, holds: holds($0.result.law), value: describe($0.result.law)) },
      bootstrap: BootstrapVerdict(
        method: fits.primary.method.rawValue, resamples: bootstrap.resamples, seed: bootstrap.seed,
        failures: bootstrap.failures,
        shareHolding: bootstrap.laws.isEmpty ? 0 : Double(holding) / Double(bootstrap.laws.count),
        intervals: intervals, resampled: fits.resampled))
  }
}
