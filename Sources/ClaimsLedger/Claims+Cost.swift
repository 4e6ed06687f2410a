import ComputeFrontier
import ScalingLawFit

// The paper's cost model, 2·N·(Q+V), tested on a real forward pass of the bundled engine.
extension Claim {
  /// `cost.linear-in-tokens`: prefill time is linear in the paper's FLOPs 2·N·(Q+V).
  static let linearInTokens = Claim(
    id: "cost.linear-in-tokens",
    statement: "Inference compute is ≈ 2·N·(Q+V): cost grows linearly with LLM size times tokens (the model every "
      + "frontier of the paper rests on).",
    location: "Section 3 (cost model); tested by this project's inference-cost experiment",
    paperValue: "cost ≈ 2·N·(Q+V) (assumed)",
    check: "Fit median prefill time of the bundled Swift VLM (untrained weights, LLM sizes 1m–61m, V ∈ {1, …, 576}, "
      + "Q ∈ {0, 50}) against 2·N·(Q+V) by ordinary least squares, time ≈ c·2N(Q+V) + overhead (ComputeFrontier."
      + "LinearCostFit), on the timings in \(MeasuredInferenceCost.summaryPath).",
    criterion: "R² ≥ \(Format.number(LinearCostFit.linearityThreshold)) over every measured configuration.",
    glance: [GlanceSpec(quantity: "rSquared", label: "prefill R²", paper: nil, lower: LinearCostFit.linearityThreshold, upper: 1)],
    evaluate: { evidence in
      guard let cost = evidence.inputs.inferenceCost else {
        return .unverifiable(
          "No inference-cost measurements: \(MeasuredInferenceCost.summaryPath) is missing. Run "
            + "./repro figure inference-cost (it renders from the committed cache, or measures this machine).")
      }
      let sizes = cost.points.map(\.parameterCount)
      return linearCostFinding(
        cost,
        models: "\(Set(cost.points.map(\.model)).count) untrained models (\(Format.number(Double(sizes.min()!) / 1e6))–"
          + "\(Format.number(Double(sizes.max()!) / 1e6)) M parameters)",
        findings: "Figures/inference-cost/findings.md", closing: "The weights are untrained: this tests cost, never accuracy.")
    })

  /// The verdict of `cost.linear-in-tokens` (and its miniature twin) on `cost`: prefill time
  /// against 2·N·(Q+V) by least squares, with a bootstrap over the configurations, both as the
  /// cost experiment fitted them. `models` describes what was timed, `findings` where the sweep's
  /// findings are, `closing` (if any) what the timings cannot say.
  static func linearCostFinding(_ cost: MeasuredInferenceCost, models: String, findings: String, closing: String? = nil) -> Finding {
    let fit = cost.prefill
    let robustness = linearityRobustness(cost)
    // The fit needs at least 3 points, so there is a worst one.
    let worst = cost.points.max { a, b in
      abs(1 - fit.predictedSeconds(flops: a.paperFLOPs) / a.prefillSeconds)
        < abs(1 - fit.predictedSeconds(flops: b.paperFLOPs) / b.prefillSeconds)
    }!
    // End to end (every component) against the same FLOPs: not the criterion — the paper's
    // cost model is about the LLM — but shown beside it, since it does not clear the same bar.
    let endToEndText = cost.endToEndRSquared.map { rSquared in
      "; end to end (every component) R² = \(Format.number(rSquared))"
        + (rSquared >= LinearCostFit.linearityThreshold ? "" : ", below the same bar: the criterion judges prefill only")
    } ?? ""
    let load = cost.loadAverage.map { " (load average \(Format.number($0)) while measuring)" } ?? ""
    return Finding(
      holds: fit.isLinear,
      value: "prefill R² = \(Format.number(fit.rSquared)) over \(fit.pointCount) configurations of \(models), "
        + "1/c = \(Format.number(fit.effectiveGFLOPPerSecond)) GFLOP/s, "
        + "overhead \(Format.number(fit.overheadSeconds * 1e3)) ms" + endToEndText,
      quantities: [
        "rSquared": fit.rSquared, "gflopPerSecond": fit.effectiveGFLOPPerSecond, "overheadSeconds": fit.overheadSeconds,
        "configurations": Double(fit.pointCount),
      ].merging(cost.endToEndRSquared.map { ["endToEndRSquared": $0] } ?? [:]) { first, _ in first },
      explanation: "Measured on \(cost.machine)\(load). Large prefills set the line; small ones miss it (for "
        + "\(worst.model) at V = \(worst.V), Q = \(worst.Q) it predicts "
        + "\(Format.number(fit.predictedSeconds(flops: worst.paperFLOPs) * 1e3)) ms against "
        + "\(Format.number(worst.prefillSeconds * 1e3)) ms measured, the worst point): where the FLOPs are few, a "
        + "fixed overhead and reading every weight once dominate. The vision encoder, "
        + "QueCC's question pass and decoding are outside 2·N·(Q+V) altogether (\(findings)). "
        + "R² ≥ \(Format.number(LinearCostFit.linearityThreshold)) in "
        + "\(Format.percent(robustness.bootstrap.shareHolding)) of bootstrap resamples of the configurations, 95 % "
        + "interval \(Format.interval(robustness.bootstrap.intervals["rSquared"]))." + (closing.map { " " + $0 } ?? ""),
      robustness: robustness)
  }

  /// The criterion on the line and over the seeded bootstrap resamples of the measured
  /// configurations the experiment refitted: does R² clear the bar only thanks to a few large points?
  static func linearityRobustness(_ cost: MeasuredInferenceCost) -> Robustness {
    let fit = cost.prefill
    let bootstrap = cost.bootstrap
    return Robustness(
      fits: [FitVerdict(fit: "ordinary least squares", holds: fit.isLinear, value: "R² = \(Format.number(fit.rSquared))")],
      bootstrap: BootstrapVerdict(
        method: "ordinary least squares", resamples: bootstrap.resamples, seed: bootstrap.seed, failures: bootstrap.failures,
        shareHolding: bootstrap.shareLinear,
        intervals: bootstrap.rSquaredInterval.map { ["rSquared": [$0.lowerBound, $0.upperBound]] } ?? [:],
        resampled: "the timed configurations"))
  }
}
