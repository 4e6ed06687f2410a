import ScalingLaw
import Testing

@testable import ScalingLawFit

@Suite("Seeded bootstrap")
struct BootstrapTests {
  let problem = try! FitProblem(PaperGrids.observations(PaperGrids.visualReasoningAccuracy))

  @Test("the same seed gives identical resamples and intervals")
  func sameSeedSameResult() {
    let first = Bootstrap(resamples: 40, seed: 1).run(problem, fitter: LeastSquaresFit())
    let second = Bootstrap(resamples: 40, seed: 1).run(problem, fitter: LeastSquaresFit())
    #expect(first == second)
    #expect(first.laws.count + first.failures == 40)
    #expect(first.interval(of: \.alpha) == second.interval(of: \.alpha))
  }

  @Test("a different seed gives different resamples")
  func differentSeed() {
    let one = Bootstrap(resamples: 5, seed: 1)
    let two = Bootstrap(resamples: 5, seed: 2)
    #expect(one.indices(resample: 0, count: 28) != two.indices(resample: 0, count: 28))
    #expect(one.indices(resample: 0, count: 28) != one.indices(resample: 1, count: 28))
    #expect(one.indices(resample: 3, count: 28).allSatisfy { (0..<28).contains($0) })
  }

  @Test("percentiles interpolate like numpy")
  func percentile() {
    let sorted: [Double] = [1, 2, 3, 4, 5]
    #expect(BootstrapResult.percentile(sorted, 0.5) == 3)
    #expect(BootstrapResult.percentile(sorted, 0.025) == 1.1)
    #expect(BootstrapResult.percentile(sorted, 0.975) == 4.9)
  }

  @Test("the interval contains the point estimate on the paper data")
  func intervalContainsEstimate() throws {
    let point = try LeastSquaresFit().fit(problem).law
    let result = Bootstrap(resamples: 60, seed: 7).run(problem, fitter: LeastSquaresFit())
    let alpha = try #require(result.interval(of: \.alpha))
    #expect(alpha.contains(point.alpha))
    #expect(result.share { $0.alpha > $0.beta } > 0.9)
  }
}
