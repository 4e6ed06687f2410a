import ComputeFrontier
import ExperimentRegistry
import PaperAnalysis
import ResultValues
import ResultsStore
import ScalingLaw
import TokenCompressionTable

// The miniature replication's twins (issue 12): each paper claim tested on models trained here,
// with the criterion committed before the grid was trained (MiniClaimCriteria.swift).
extension Claim {
  /// Every twin, in the order of ``MiniClaimCriterion/all``.
  static let miniature: [Claim] = MiniClaimCriterion.all.map(twin)

  /// The twin of `criterion`: decided on the trained grid where this project has trained it,
  /// unverifiable (saying which cells are missing) where it has not.
  private static func twin(_ criterion: MiniClaimCriterion) -> Claim {
    Claim(
      id: criterion.id, statement: criterion.statement, location: "Miniature replication (twin of \(criterion.twinOf))",
      paperValue: "see \(criterion.twinOf)", check: check(criterion.id),
      criterion: criterion.criterion + (criterion.amendment.map { " \($0)" } ?? ""),
      evaluate: { evidence in decide(criterion, evidence) })
  }

  /// What each decidable twin computes, in words.
  private static func check(_ id: String) -> String {
    let fit = "the primary fit of Mini Figure 1 (mini-reasoning, every trained size)"
    return switch id {
    case "mini.fig1.ratio": "Compare α and β of \(fit)."
    case "mini.fig1.optimal-v-q0", "mini.fig1.optimal-v-question":
      "Compute-optimal V (continuous, V ∈ [1, 144]) of \(fit) at the inference compute 2·N·(Q+V) of every trained cell."
    case "mini.fig2.holdout": "Fit as Mini Figure 2 does, without the largest trained LM; predict Y at that size for every trained V."
    case "mini.fig3a.text-shift": "Compute-optimal V of \(fit) along Figure 3a's Q sweep, at the largest trained cell's compute."
    case "mini.abstract.extreme-compression": "Compression 144 / V* of \(fit), at Q = 0 and at the question's length."
    case "mini.fig5.compressor-invariance":
      "Fit the mini-reasoning-prumerge grid as Figure 5 does (the method and box of Mini Figure 1); compare α and β, and "
        + "find the compute-optimal V (V ∈ [1, 144]) at Q = 0 at the inference compute 2·N·V of every trained cell."
    case "mini.data.monotone":
      "On mini-reasoning and mini-ocr (seed means where a configuration has several seeds) and mini-reasoning-prumerge, "
        + "compare accuracy between every pair of cells one step apart in N or in V; σ is the pooled sample standard "
        + "deviation (root mean variance) of the seeds of the corner cells (smallest and largest N × fewest and most V) of "
        + "the grid's own family, from the results store."
    case "mini.cost.linear-in-tokens":
      "Fit the engine's median prefill time per request of every trained cell of both families' scaling grids (the mini-cost experiment, "
        + "\(MeasuredInferenceCost.summaryPath(of: .miniCost))) against 2·N·(Q+V) by ordinary least squares, "
        + "time ≈ c·2N(Q+V) + overhead, as cost.linear-in-tokens does."
    case "mini.fig3b.ocr-reversal":
      "Fit the mini-ocr grid (average pooling, every trained size) as Mini Figure 3b does (the method and box of Mini "
        + "Figure 1); compare α and β."
    case "mini.fig4.iso-compute":
      "Group each miniature grid's trained cells (mini-reasoning as seed means) into iso-compute groups at Q = 0 exactly as "
        + "Mini Figure 4 draws them (Figure 4's grouping and tolerance); count the groups whose most accurate member has the "
        + "group's largest N."
    case "mini.table1.quecc-extreme":
      "Arrange the mini-compressors and mini-ocr-compressors rows as Mini Table 1 and Mini Table 1 (OCR) do (one column "
        + "per LM size) and count, in the 4- and 1-token blocks of both, the columns where QueCC's held-out accuracy is the "
        + "highest (ties count)."
    default: "No check is written for this twin yet."
    }
  }

  private static func decide(_ criterion: MiniClaimCriterion, _ evidence: Evidence) -> Finding {
    switch criterion.id {
    case "mini.fig3b.ocr-reversal": return ocrReversal(evidence)
    case "mini.fig4.iso-compute": return isoCompute(evidence)
    case "mini.fig5.compressor-invariance": return compressorInvariance(evidence)
    case "mini.table1.quecc-extreme": return queccExtreme(evidence)
    case "mini.cost.linear-in-tokens": return linearCost(evidence)
    case "mini.data.monotone": return monotone(evidence)
    default: break
    }
    return evidence.mini.decide { fits in decide(criterion, fits, evidence.settings) }
  }

  /// The twins decided on Mini Figures 1 and 2's fits.
  private static func decide(_ criterion: MiniClaimCriterion, _ fits: Evidence.MiniFits, _ settings: LedgerSettings) -> Finding {
    let range = Experiment.miniVisualTokenRange
    let grid = fits.grid.observations
    // The grid's budgets at each Q the twins ask about, computed once (not per bootstrap law).
    let budgetsByQ = Dictionary(uniqueKeysWithValues: Set([0] + settings.miniFigure1.Q).map { ($0, budgetsGFLOP(of: grid, Q: $0)) })
    let budgets: @Sendable (Double) -> [Double] = { Q in budgetsByQ[Q] ?? budgetsGFLOP(of: grid, Q: Q) }
    let optimalV: @Sendable (ScalingLaw, Double) -> [Double] = { law, Q in optimalTokens(law, Q: Q, budgetsGFLOP: budgets(Q)) }
    let fitNote = "Fitted on \(fits.reasoning.observations.count) trained cells, R² of the primary fit "
      + "\(Format.number(fits.reasoning.primary.rSquared))"
    switch criterion.id {
    case "mini.fig1.ratio":
      return LawCriterion(
        holds: { $0.alpha > $0.beta }, quantities: { ["alpha": $0.alpha, "beta": $0.beta] },
        describe: { "α = \(Format.number($0.alpha)), β = \(Format.number($0.beta))" }
      ).finding(fits.reasoning) { _, robustness in
        "\(fitNote). \(robustness.bootstrapShare)"
      }
    case "mini.fig1.optimal-v-q0", "mini.fig1.optimal-v-question":
      let Q = criterion.id.hasSuffix("q0") ? 0 : settings.miniFigure1.Q.max()!
      let bound = criterion.id.hasSuffix("q0") ? ComputeFrontier.resolutionFactor : PaperSetup.fewVisualTokens
      return LawCriterion(
        holds: { law in optimalV(law, Q).allSatisfy { $0 <= bound } },
        quantities: { law in ["maxOptimalV": optimalV(law, Q).max()!] },
        describe: { law in "largest V* = \(Format.number(optimalV(law, Q).max()!)) at Q = \(Format.number(Q))" }
      ).finding(fits.reasoning) { _, robustness in
        "\(fitNote); \(budgets(Q).count) budgets, \(Format.number(budgets(Q).first!))–\(Format.number(budgets(Q).last!)) GFLOP at Q = \(Format.number(Q)). "
          + robustness.bootstrapShare
      }
    case "mini.fig2.holdout":
      let predictedN = settings.miniFigure2.predictNBillion
      let heldOut = fits.grid.observations.filter { $0.N == predictedN }
      guard !heldOut.isEmpty else { return .unverifiable("No trained cell of the largest LM (N = \(Format.number(predictedN)) B).") }
      let relativeErrors: @Sendable (ScalingLaw) -> [Double] = { law in
        heldOut.map { abs(law.error(N: predictedN, T: $0.V) - $0.Y) / $0.Y }
      }
      return LawCriterion(
        holds: { relativeErrors($0).allSatisfy { $0 < MiniClaimCriterion.predictionTolerance } },
        quantities: { ["maxRelativeError": relativeErrors($0).max()!] },
        describe: { law in
          let errors = relativeErrors(law)
          let worst = errors.indices.max { errors[$0] < errors[$1] }!
          return "max |Ŷ − Y|/Y = \(Format.percent(errors[worst])) (at V = \(Format.number(heldOut[worst].V)); \(heldOut.count) points)"
        }
      ).finding(fits.holdout) { _, robustness in
        "Fitted on N = \(fits.holdout.sizesBillion.map { Format.number($0) }.joined(separator: ", ")) B. "
          + robustness.bootstrapShare
      }
    case "mini.fig3a.text-shift":
      let sweep = MiniClaimCriterion.textTokenSweep
      let largest = fits.grid.observations.max { ($0.N, $0.V) < ($1.N, $1.V) }!
      let sweepV: @Sendable (ScalingLaw) -> [Double] = { law in
        sweep.map { Q in
          ComputeFrontier(law: law, Q: Q, visualTokenRange: range)
            .optimum(budget: InferenceCompute.gflops(NBillion: largest.N, Q: Q, V: largest.V)).V
        }
      }
      return LawCriterion(
        holds: { growsAlongSweep(sweepV($0)) },
        quantities: { law in Dictionary(uniqueKeysWithValues: zip(sweep, sweepV(law)).map { ("optimalVAtQ\(Int($0))", $1) }) },
        describe: { law in
          "V* = " + sweepV(law).map { Format.number($0) }.joined(separator: ", ") + " at Q = "
            + sweep.map { Format.number($0) }.joined(separator: ", ")
        }
      ).finding(fits.reasoning) { _, robustness in
        "\(fitNote). With T = V the optimum is β·Q/(α − β) inside [1, 144]: it grows with Q only if β > 0. "
          + robustness.bootstrapShare
      }
    case "mini.abstract.extreme-compression":
      let Qs = settings.miniFigure1.Q
      let compressions: @Sendable (ScalingLaw) -> [Double] = { law in
        Qs.map { MiniClaimCriterion.uncompressedTokens / optimalV(law, $0).max()! }
      }
      return LawCriterion(
        holds: { compressions($0).allSatisfy { $0 >= MiniClaimCriterion.extremeCompressionFactor } },
        quantities: { law in Dictionary(uniqueKeysWithValues: zip(Qs, compressions(law)).map { ("compressionAtQ\(Int($0))", $1) }) },
        describe: { law in
          zip(Qs, compressions(law)).map { "\(Format.number($1))× at Q = \(Format.number($0))" }.joined(separator: ", ")
        }
      ).finding(fits.reasoning) { _, robustness in
        "\(fitNote); the least compression over the grid's budgets. " + robustness.bootstrapShare
      }
    default:
      return .unverifiable("No check is written for this twin yet.")
    }
  }

  /// The trained cells' inference compute 2·N·(Q+V), ascending: a grid's budgets at `Q`.
  private static func budgetsGFLOP(of grid: [Observation], Q: Double) -> [Double] {
    Set(grid.map { InferenceCompute.gflops(NBillion: $0.N, Q: Q, V: $0.V) }).sorted()
  }

  /// V* of `law` at each budget, over the miniature model's token range.
  private static func optimalTokens(_ law: ScalingLaw, Q: Double, budgetsGFLOP: [Double]) -> [Double] {
    let frontier = ComputeFrontier(law: law, Q: Q, visualTokenRange: Experiment.miniVisualTokenRange)
    return budgetsGFLOP.map { frontier.optimum(budget: $0).V }
  }

  /// The reasoning grid's fitted exponents, `α = …, β = …`, when that grid is available: what a
  /// twin decided on another miniature grid quotes beside its own fit.
  private static func reasoningExponents(_ evidence: Evidence) -> String? {
    (try? evidence.mini.get()).map {
      "α = \(Format.number($0.reasoning.primary.law.alpha)), β = \(Format.number($0.reasoning.primary.law.beta))"
    }
  }

  /// `mini.fig5.compressor-invariance`: α > β and V* at the resolution floor at every budget,
  /// Q = 0, on the PruMerge-style grid.
  private static func compressorInvariance(_ evidence: Evidence) -> Finding {
    evidence.miniPruMerge.decide { fits in compressorInvariance(fits, evidence) }
  }

  private static func compressorInvariance(_ fits: LawFits, _ evidence: Evidence) -> Finding {
    let budgets = budgetsGFLOP(of: fits.observations, Q: 0)
    let bound = ComputeFrontier.resolutionFactor
    let optimalV: @Sendable (ScalingLaw) -> [Double] = { optimalTokens($0, Q: 0, budgetsGFLOP: budgets) }
    return LawCriterion(
      holds: { law in law.alpha > law.beta && optimalV(law).allSatisfy { $0 <= bound } },
      quantities: { law in ["alpha": law.alpha, "beta": law.beta, "maxOptimalV": optimalV(law).max()!] },
      describe: { law in
        "α = \(Format.number(law.alpha)), β = \(Format.number(law.beta)); largest V* = \(Format.number(optimalV(law).max()!)) at Q = 0"
      }
    ).finding(fits) { _, robustness in
      let reference = reasoningExponents(evidence).map { " With the TokenPacker-style compressor (the same cells otherwise): \($0)." } ?? ""
      return "Fitted on \(fits.observations.count) trained cells, R² \(Format.number(fits.primary.rSquared)); \(budgets.count) budgets "
        + "at Q = 0.\(reference) " + robustness.bootstrapShare
    }
  }

  /// `mini.fig3b.ocr-reversal`: β > α on the OCR grid's fit.
  private static func ocrReversal(_ evidence: Evidence) -> Finding {
    evidence.miniOCR.decide { fits in
      LawCriterion(
        holds: { $0.beta > $0.alpha }, quantities: { ["alpha": $0.alpha, "beta": $0.beta] },
        describe: { "α = \(Format.number($0.alpha)), β = \(Format.number($0.beta))" }
      ).finding(fits) { _, robustness in
        let reasoning = reasoningExponents(evidence).map { " On the reasoning family (TokenPacker-style): \($0)." } ?? ""
        return "Fitted on \(fits.observations.count) trained cells, R² \(Format.number(fits.primary.rSquared)).\(reasoning) "
          + robustness.bootstrapShare
      }
    }
  }

  /// `mini.fig4.iso-compute`: at Q = 0, the bigger N wins more than half of the iso-compute
  /// groups on mini-reasoning and fewer than half on mini-ocr.
  private static func isoCompute(_ evidence: Evidence) -> Finding {
    evidence.miniIsoCompute.decide { groups in isoCompute(groups) }
  }

  private static func isoCompute(_ groups: IsoComputeFigureSummary) -> Finding {
    let Q = MiniClaimCriterion.isoComputeTextTokens
    guard let verdict = IsoComputeVerdict(groups, reasoning: .miniReasoning, ocr: .miniOCR, Q: Q) else {
      return .unverifiable("Mini Figure 4 has no groups at Q = \(Format.number(Q)): its registration's Q must include it.")
    }
    return Finding(
      holds: verdict.holds,
      value: "bigger N wins groups at Q = \(Format.number(Q)): \(verdict.groupCounts)",
      quantities: ["reasoningShareAtQ\(Int(Q))": verdict.reasoningShare, "ocrShareAtQ\(Int(Q))": verdict.ocrShare],
      explanation: "No fit is involved: the counts are Mini Figure 4's panel titles at Q = \(Format.number(Q)). Counted by pairs "
        + "of different N inside the groups, the bigger N wins \(verdict.pairCounts). The two grids use different compressors "
        + "(TokenPacker-style and pooling) and recipes; each comparison stays inside one grid.")
  }

  /// The token counts `mini.table1.quecc-extreme` compares at (its criterion's "V = 1 and V = 4"),
  /// and how many compressors it compares (pooling, PruMerge-style, TokenPacker-style, QueCC).
  private static let miniExtremeTokenCounts = [4, 1]
  private static let miniComparedCompressors = 4

  /// One family's compressor comparison, as `mini.table1.quecc-extreme` reads it: its rows, the
  /// Mini Table 1 registration that draws them, and the grid that trains them.
  private struct Comparison {
    var family: String
    /// The family in the finding's quantity names (`queccBestOCRAt1`).
    var key: String
    var suite: SuiteID
    var grid: String
    var rows: [MeasuredResult]
    var settings: Table1Settings
  }

  /// `mini.table1.quecc-extreme`: QueCC best in more than half of the (family, LM size, V)
  /// comparisons at V = 4 and 1, every compressor present in each, both families compared.
  private static func queccExtreme(_ evidence: Evidence) -> Finding {
    let comparisons = [
      Comparison(
        family: "reasoning", key: "Reasoning", suite: .miniCompressors, grid: "reasoning-compressors", rows: evidence.inputs.miniCompressors,
        settings: evidence.settings.miniTable1),
      Comparison(
        family: "OCR", key: "OCR", suite: .miniOCRCompressors, grid: "ocr-compressors", rows: evidence.inputs.miniOCRCompressors,
        settings: evidence.settings.miniTable1OCR),
    ]
    var best = 0
    var compared = 0
    var parts: [String] = []
    var losses: [String] = []
    var quantities: [String: Double] = [:]
    for comparison in comparisons {
      guard !comparison.rows.isEmpty else {
        return .cannotDecide(Evidence.missing(comparison.suite, grid: comparison.grid, inputs: evidence.inputs))
      }
      let table: Table1
      do {
        table = try Table1(Table1.entries(comparing: comparison.rows), budgets: comparison.settings.budgets)
      } catch {
        return .unverifiable("The \(comparison.suite) rows cannot be arranged as Mini Table 1: \(error)")
      }
      let compressors = Set(comparison.rows.map(\.method))
      var missing: [String] = []
      var familyCompared = 0
      for budget in miniExtremeTokenCounts {
        let block = table.blocks.first { $0.budget == budget }!
        for column in table.benchmarks {
          let present = Set(block.rows.filter { $0.values[column] != nil }.map(\.method))
          if present != compressors {
            missing.append("\(column) at V = \(budget): " + compressors.subtracting(present).sorted().joined(separator: ", "))
          }
        }
        let count = block.bestCount(method: comparison.settings.method)
        best += count.count
        familyCompared += count.compared.count
        parts.append("\(count.count)/\(count.compared.count) on \(comparison.family) at V = \(budget)")
        quantities["queccBest\(comparison.key)At\(budget)"] = Double(count.count)
        for column in count.compared where !count.best.contains(column) {
          let winners = block.rows.filter { block.isBest($0, SuiteID(rawValue: column)) }.map(\.method)
          losses.append("\(comparison.family) \(column) at V = \(budget) (\(winners.joined(separator: ", ")))")
        }
      }
      guard compressors.count == miniComparedCompressors, missing.isEmpty, familyCompared > 0 else {
        return .unverifiable(
          "The \(comparison.family) comparison is incomplete: \(compressors.count) of \(miniComparedCompressors) compressors "
            + "trained" + (missing.isEmpty ? "" : "; missing " + missing.joined(separator: "; "))
            + ". Train `./repro mini train --grid \(comparison.grid) --all`.")
      }
      compared += familyCompared
    }
    return Finding(
      holds: 2 * best > compared, value: "QueCC best in \(best) of \(compared) (" + parts.joined(separator: ", ") + ")",
      quantities: quantities,
      explanation: "Held-out accuracy of each cell (the mean over seeds where a configuration has several). QueCC is not best at: "
        + (losses.isEmpty ? "none" : losses.joined(separator: "; ")) + ".")
  }

  /// `mini.cost.linear-in-tokens`: `cost.linear-in-tokens`'s own check on the trained models.
  private static func linearCost(_ evidence: Evidence) -> Finding {
    guard let cost = evidence.inputs.miniInferenceCost else {
      return .unverifiable(
        "No timings of the trained models: \(MeasuredInferenceCost.summaryPath(of: .miniCost)) is missing. Run "
          + "./repro figure mini-cost (it renders from the committed cache, or times this machine).")
    }
    let sizes = cost.points.map(\.parameterCount)
    let grids = Experiment.miniCostSettings.grids.map(\.grid)
    return linearCostFinding(
      cost,
      models: "\(cost.points.count) trained miniature cells of \(Set(sizes).count) LM sizes (\(sizes.min()!)–\(sizes.max()!) "
        + "non-embedding parameters), grids \(grids.joined(separator: " and ")), timed in one run",
      findings: "Figures/\(Experiment.miniCost.outputFolder)/findings.md")
  }

  /// `mini.data.monotone`: no step up in N or V loses more than 2σ of accuracy, σ the pooled seed
  /// standard deviation of the corner cells of the grid's own family, as the criterion says:
  /// seeds of other cells (OCR's d64l4 at V = 36, σ 18.9 points) do not widen it.
  /// The seed spreads of `grid`'s corner cells: smallest and largest N × fewest and most V.
  private static func corners(of grid: Grid, _ spreads: [SeedSpread]) -> [SeedSpread] {
    let (N, V) = (grid.observations.map(\.N), grid.observations.map(\.V))
    guard let minN = N.min(), let maxN = N.max(), let minV = V.min(), let maxV = V.max() else { return [] }
    return spreads.filter { [minN, maxN].contains($0.N) && [minV, maxV].contains(Double($0.V)) }
  }

  private static func monotone(_ evidence: Evidence) -> Finding {
    let inputs = evidence.inputs
    typealias Family = (name: String, spreads: [SeedSpread], grids: [Grid], seedGrid: String)
    let measured: [Family] = [
      ("reasoning", inputs.miniSeedSpreads, [inputs.miniReasoning, inputs.miniPruMerge].compactMap { $0 }, "reasoning-seeds"),
      ("OCR", inputs.miniOCRSeedSpreads, [inputs.miniOCR].compactMap { $0 }, "ocr-seeds"),
    ]
    // Each family with grids, its spreads kept to the corner cells' (computed once).
    let families: [Family] = measured.filter { !$0.grids.isEmpty }.map { ($0.name, corners(of: $0.grids[0], $0.spreads), $0.grids, $0.seedGrid) }
    guard !families.isEmpty else {
      return .cannotDecide(Evidence.missing(.miniReasoning, grid: "reasoning-scaling", inputs: inputs))
    }
    if let unmeasured = families.first(where: { $0.spreads.isEmpty }) {
      return .unverifiable(
        "No seed spread of the \(unmeasured.name) family in the results store: train its corner cells' other seeds "
          + "(`./repro mini train --grid \(unmeasured.seedGrid) --all`) and run `./repro all`.")
    }
    var pairs = 0
    var falls: [(text: String, drop: Double)] = []
    var quantities: [String: Double] = [:]
    var sigmas: [String] = []
    for family in families {
      let spreads = family.spreads
      let sigma = (spreads.map { $0.standardDeviation * $0.standardDeviation }.reduce(0, +) / Double(spreads.count)).squareRoot()
      quantities["sigma" + family.name.prefix(1).uppercased() + family.name.dropFirst()] = sigma
      sigmas.append(
        "\(family.name) σ = \(Format.number(100 * sigma)) points, pooled over \(spreads.count) corner configurations with "
          + "\(spreads.map(\.seeds).max() ?? 0) seeds each")
      for grid in family.grids {
        for step in DataChecks.steps(grid) {
          pairs += 1
          // Y is the error: a fall in accuracy is a rise in Y.
          let drop = step.upper.Y - step.lower.Y
          if drop > 2 * sigma {
            let cell = { (o: Observation) in "(N = \(Int((o.N * 1e9).rounded())), V = \(Format.number(o.V)))" }
            falls.append((
              "\(grid.suite): \(Format.percent(1 - step.lower.Y)) at \(cell(step.lower)) → \(Format.percent(1 - step.upper.Y)) at "
                + cell(step.upper) + " (2σ = \(Format.number(200 * sigma)) points)", drop))
          }
        }
      }
    }
    let worst = falls.max { $0.drop < $1.drop }
    quantities["falls"] = Double(falls.count)
    quantities["pairs"] = Double(pairs)
    quantities["worstFall"] = worst?.drop ?? 0
    return Finding(
      holds: falls.isEmpty,
      value: "\(falls.count) of \(pairs) neighbour steps fall by more than 2σ of their family",
      quantities: quantities,
      explanation: sigmas.joined(separator: "; ") + " (the rest have one seed, so a single cell's accuracy stands for its "
        + "configuration). " + (falls.isEmpty ? "No step falls beyond it." : "Falls beyond it: "
          + falls.sorted { $0.drop > $1.drop }.map(\.text).joined(separator: "; ") + "."))
  }
}

extension Result where Failure == Evidence.MiniUnavailable {
  /// `decide`'s finding on the fits, or unverifiable saying why there are none: how every twin
  /// decided on a miniature grid's fits opens.
  func decide(_ decide: (Success) -> Finding) -> Finding {
    switch self {
    case .success(let fits): decide(fits)
    case .failure(let unavailable): .cannotDecide(unavailable)
    }
  }
}

extension Finding {
  /// Unverifiable because a twin's miniature data or fits are unavailable, saying why.
  static func cannotDecide(_ unavailable: Evidence.MiniUnavailable) -> Finding {
    .unverifiable("Cannot decide: \(unavailable.reason).")
  }
}

extension Robustness {
  /// `Holds in 92.4 % of the bootstrap refits over the cells.`: how a twin's explanation ends.
  var bootstrapShare: String {
    "Holds in \(Format.percent(bootstrap.shareHolding)) of the bootstrap refits over \(bootstrap.resampled)."
  }
}
