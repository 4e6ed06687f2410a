import ResultValues
import ResultsStore
import ScalingLaw
import ScalingLawFit

/// A scaling-law figure (Figures 1, 3a, 3b): a fit drawn against inference FLOPs 2·N·(Q+V) at each
/// Q, with the compute-optimal frontier over a range of LLM sizes; where its fit decides claims,
/// also the fits those verdicts are read under (``robustness``, ``variants``).
public struct ScalingLawFigureSettings: ExperimentSettings, Hashable {
  public var fit: LawFitSettings
  /// Text-token counts: one panel (or one frontier) each.
  public var Q: [Double]
  /// The LLM sizes, in billions, the frontier is drawn over (the authors' 0.3–20 B).
  public var frontierNBillion: ClosedRange<Double>
  /// The visual tokens the frontier may choose from: the paper's 1…576, or a miniature model's
  /// own patch grid.
  public var visualTokenRange: ClosedRange<Double>
  /// The compared methods and bootstrap computed beside the fit, when claims are decided on it
  /// (the figure then writes them to `fits.json`, ``ResultValues/LawFits``).
  public var robustness: RobustnessSettings?
  /// Fits that change one choice of ``fit``, computed with ``robustness``.
  public var variants: [FitVariant]

  public init(
    fit: LawFitSettings, Q: [Double], frontierNBillion: ClosedRange<Double>,
    visualTokenRange: ClosedRange<Double> = PaperSetup.visualTokenRange, robustness: RobustnessSettings? = nil,
    variants: [FitVariant] = []
  ) {
    self.fit = fit
    self.Q = Q
    self.frontierNBillion = frontierNBillion
    self.visualTokenRange = visualTokenRange
    self.robustness = robustness
    self.variants = variants
  }

  /// `V-range` appears only when it is not the paper's, so the paper figures' recorded
  /// parameters (and lock entries) are what they were.
  public var parameters: [String: String] {
    var parameters = fit.parameters
    parameters["Q"] = RegistrationText.list(Q)
    parameters["frontier-N"] = RegistrationText.list([frontierNBillion.lowerBound, frontierNBillion.upperBound])
    if visualTokenRange != PaperSetup.visualTokenRange {
      parameters["V-range"] = RegistrationText.list([visualTokenRange.lowerBound, visualTokenRange.upperBound])
    }
    if let robustness { parameters.merge(robustness.figureParameters) { _, own in own } }
    if !variants.isEmpty { parameters["variants"] = variants.map(\.description).joined(separator: ",") }
    return parameters
  }
}

/// Figure 2: the law fitted on some sizes predicts a larger one, twice (the paper's 14 B and the
/// hold-out the data allows), each with a seeded bootstrap band.
public struct ExtrapolationFigureSettings: ExperimentSettings, Hashable {
  /// The paper's fit (0.5–7 B), whose prediction is ``predictNBillion``.
  public var fit: LawFitSettings
  public var predictNBillion: Double
  /// The sizes of the hold-out fit, whose prediction is ``holdoutPredictNBillion``.
  public var holdoutSizesBillion: [Double]
  public var holdoutPredictNBillion: Double
  public var Q: Double
  /// The band's bootstrap.
  public var bootstrap: BootstrapSettings
  /// Coverage of the band, e.g. 0.95.
  public var bandLevel: Double
  /// The compared methods and bootstrap computed beside both fits, whose verdicts are read on them.
  public var robustness: RobustnessSettings

  public init(
    fit: LawFitSettings, predictNBillion: Double, holdoutSizesBillion: [Double], holdoutPredictNBillion: Double, Q: Double,
    bootstrap: BootstrapSettings, bandLevel: Double, robustness: RobustnessSettings
  ) {
    self.robustness = robustness
    self.fit = fit
    self.predictNBillion = predictNBillion
    self.holdoutSizesBillion = holdoutSizesBillion
    self.holdoutPredictNBillion = holdoutPredictNBillion
    self.Q = Q
    self.bootstrap = bootstrap
    self.bandLevel = bandLevel
  }

  /// The hold-out fit: the same method and box on ``holdoutSizesBillion``.
  public var holdoutFit: LawFitSettings {
    var fit = fit
    fit.sizesBillion = holdoutSizesBillion
    return fit
  }

  public var parameters: [String: String] {
    fit.parameters.merging([
      "Q": RegistrationText.number(Q),
      "predict": RegistrationText.number(predictNBillion),
      "holdout-fit-sizes": RegistrationText.list(holdoutSizesBillion),
      "holdout-predict": RegistrationText.number(holdoutPredictNBillion),
      "bootstrap": String(bootstrap.resamples),
      "seed": String(bootstrap.seed),
      "band-level": RegistrationText.number(bandLevel),
    ].merging(robustness.figureParameters) { _, own in own }) { _, own in own }
  }
}

/// Figure 5: the law fitted once per token compressor — one grid per compressor, the same LLM
/// sizes and token counts — each drawn at one Q with its compute-optimal frontier, so the
/// frontiers can be compared.
public struct CompressorLawsFigureSettings: ExperimentSettings, Hashable {
  /// One fit per compressor's grid, in panel order; the first is the reference compressor.
  public var fits: [LawFitSettings]
  public var Q: Double
  public var frontierNBillion: ClosedRange<Double>
  public var visualTokenRange: ClosedRange<Double>
  /// The compared methods and bootstrap computed beside each fit, whose verdicts are read on them.
  public var robustness: RobustnessSettings

  public init(
    fits: [LawFitSettings], Q: Double, frontierNBillion: ClosedRange<Double>, visualTokenRange: ClosedRange<Double>,
    robustness: RobustnessSettings
  ) {
    self.robustness = robustness
    self.fits = fits
    self.Q = Q
    self.frontierNBillion = frontierNBillion
    self.visualTokenRange = visualTokenRange
  }

  /// Each fit's parameters under its suite's name (`mini-reasoning.method`, …).
  public var parameters: [String: String] {
    var parameters = [
      "suites": fits.map(\.suite.rawValue).joined(separator: ","), "Q": RegistrationText.number(Q),
      "frontier-N": RegistrationText.list([frontierNBillion.lowerBound, frontierNBillion.upperBound]),
      "V-range": RegistrationText.list([visualTokenRange.lowerBound, visualTokenRange.upperBound]),
    ]
    for fit in fits {
      for (key, value) in fit.parameters { parameters["\(fit.suite).\(key)"] = value }
    }
    return parameters.merging(robustness.figureParameters) { _, own in own }
  }
}

/// Figure 4: iso-compute groups of each suite's grid at each Q.
public struct IsoComputeFigureSettings: ExperimentSettings, Hashable {
  /// The grids compared, in panel order.
  public var suites: [SuiteID]
  public var Q: [Double]
  /// Allowed relative distance of a group member from the group's geometric-mean FLOPs.
  public var tolerance: Double

  public init(suites: [SuiteID], Q: [Double], tolerance: Double) {
    self.suites = suites
    self.Q = Q
    self.tolerance = tolerance
  }

  public var parameters: [String: String] {
    ["Q": RegistrationText.list(Q), "tolerance": RegistrationText.number(tolerance)]
  }
}

/// Table 1: where its rows come from, its token budgets, the method whose best benchmarks are
/// counted, and the bars' y range (percent).
public struct Table1Settings: ExperimentSettings, Hashable {
  /// A compressor-comparison grid whose LLM sizes become the columns (the miniature
  /// replication's), or `nil` for the paper's table.
  public var comparisonSuite: SuiteID?
  /// The blocks, in order: the paper's 36, 16, 4, 1, or a grid's own token counts.
  public var budgets: [Int]
  public var method: String
  public var yRangePercent: ClosedRange<Double>

  public init(
    comparisonSuite: SuiteID? = nil, budgets: [Int] = PaperSetup.table1Budgets, method: String, yRangePercent: ClosedRange<Double>
  ) {
    self.comparisonSuite = comparisonSuite
    self.budgets = budgets
    self.method = method
    self.yRangePercent = yRangePercent
  }

  /// The one selection the table reads.
  public var input: DataSelection { comparisonSuite.map { .results(suite: $0) } ?? .table1 }

  /// `comparison` and `budgets` appear only when they are not the paper's, so Table 1's recorded
  /// parameters (and lock entry) are what they were.
  public var parameters: [String: String] {
    var parameters = ["method": method, "y-range": RegistrationText.list([yRangePercent.lowerBound, yRangePercent.upperBound])]
    if let comparisonSuite { parameters["comparison"] = comparisonSuite.rawValue }
    if budgets != PaperSetup.table1Budgets { parameters["budgets"] = budgets.map(String.init).joined(separator: ",") }
    return parameters
  }
}

/// The inference-cost sweep: the bundled family timed at every V × Q, each configuration
/// `repetitions` times, generating `newTokens` tokens (the experiment builds its plan from these).
public struct InferenceCostSettings: ExperimentSettings, Hashable {
  public var visualTokens: [Int]
  public var textTokens: [Int]
  public var repetitions: Int
  public var newTokens: Int
  /// The model family, in words (the experiment's plan names its models).
  public var models: String
  /// The bootstrap of the prefill line, which the cost claim's robustness reads.
  public var bootstrap: BootstrapSettings

  public init(
    visualTokens: [Int], textTokens: [Int], repetitions: Int, newTokens: Int, models: String, bootstrap: BootstrapSettings
  ) {
    self.bootstrap = bootstrap
    self.visualTokens = visualTokens
    self.textTokens = textTokens
    self.repetitions = repetitions
    self.newTokens = newTokens
    self.models = models
  }

  public var parameters: [String: String] {
    [
      "V": RegistrationText.list(visualTokens), "Q": RegistrationText.list(textTokens), "models": models,
      "repetitions": String(repetitions), "new-tokens": String(newTokens),
      "verdicts.bootstrap-resamples": String(bootstrap.resamples), "verdicts.seed": String(bootstrap.seed),
    ]
  }
}

/// The inference cost of the trained miniature models: which grid's cells are timed, on how
/// many held-out requests, how many times.
public struct MiniCostSettings: ExperimentSettings, Hashable {
  /// A grid timed by the sweep, by name (`MiniReplication.MiniGrid.named`), and the suite that
  /// holds its evaluated rows (read, so a retrained cell makes the experiment stale).
  public struct TimedGrid: Hashable, Sendable {
    public var grid: String
    public var suite: SuiteID

    public init(grid: String, suite: SuiteID) {
      (self.grid, self.suite) = (grid, suite)
    }
  }

  /// The grids timed in one run.
  public var grids: [TimedGrid]
  public var requests: Int
  public var repetitions: Int
  /// The bootstrap of the prefill line, which the twin's robustness reads.
  public var bootstrap: BootstrapSettings

  public init(grids: [TimedGrid], requests: Int, repetitions: Int, bootstrap: BootstrapSettings) {
    self.bootstrap = bootstrap
    self.grids = grids
    self.requests = requests
    self.repetitions = repetitions
  }

  public var parameters: [String: String] {
    [
      "grids": grids.map(\.grid).joined(separator: ","), "requests": String(requests), "repetitions": String(repetitions),
      "verdicts.bootstrap-resamples": String(bootstrap.resamples), "verdicts.seed": String(bootstrap.seed),
    ]
  }
}

/// The fits every fit-dependent verdict is also read under: the methods compared with a
/// figure's own, and the seeded bootstrap of its deciding fit. The figures whose fits decide
/// claims compute them (registered once, `Experiment.verdictRobustness`), and the claims ledger
/// reads what they computed. Which fit decides, in which box, on which sizes, is each figure's
/// own registration.
public struct RobustnessSettings: ExperimentSettings, Hashable {
  /// Methods compared with each figure's own method.
  public var comparedMethods: [FitMethod]
  public var bootstrap: BootstrapSettings

  public init(comparedMethods: [FitMethod], bootstrap: BootstrapSettings) {
    self.comparedMethods = comparedMethods
    self.bootstrap = bootstrap
  }

  public var parameters: [String: String] {
    [
      "compare-methods": comparedMethods.map(\.rawValue).joined(separator: ","),
      "bootstrap-resamples": String(bootstrap.resamples), "seed": String(bootstrap.seed),
    ]
  }

  /// ``parameters`` under `verdicts.`, as a figure that computes them records them beside its own
  /// (whose `bootstrap` and `seed` may be a band's).
  public var figureParameters: [String: String] {
    Dictionary(uniqueKeysWithValues: parameters.map { ("verdicts.\($0.key)", $0.value) })
  }
}

/// The functional-form robustness analysis (issue 13): which grids, on which sizes, and how the
/// forms are compared. The fits' suites and sizes are the figures' (one home each).
///
/// The forms are named, not typed (the LawForms module's `LawForm` raw values; a test checks
/// they are all of them): every experiment links the registry, so a typed field here would put
/// the forms' code into every experiment's fingerprint and rerun Table 1 when a form changes.
public struct FormRobustnessSettings: ExperimentSettings, Hashable {
  /// The visual-reasoning and OCR fits whose grids and sizes the forms are fitted on (each form
  /// in its own box, `LawForm.naturalBounds`, not these fits' boxes).
  public var reasoning: LawFitSettings
  public var ocr: LawFitSettings
  public var forms: [String]
  /// The sizes (billions) the hold-out fit uses, and the size it predicts.
  public var holdoutSizesBillion: [Double]
  public var holdoutPredictNBillion: Double
  /// Text tokens at which V* is computed, and how many budgets per Q.
  public var Q: [Double]
  public var budgetCount: Int

  public init(
    reasoning: LawFitSettings, ocr: LawFitSettings, forms: [String], holdoutSizesBillion: [Double],
    holdoutPredictNBillion: Double, Q: [Double], budgetCount: Int
  ) {
    self.reasoning = reasoning
    self.ocr = ocr
    self.forms = forms
    self.holdoutSizesBillion = holdoutSizesBillion
    self.holdoutPredictNBillion = holdoutPredictNBillion
    self.Q = Q
    self.budgetCount = budgetCount
  }

  public var parameters: [String: String] {
    [
      "forms": forms.joined(separator: ","),
      "reasoning": "\(reasoning.suite.rawValue) at \(RegistrationText.list(reasoning.sizesBillion))",
      "ocr": "\(ocr.suite.rawValue) at \(RegistrationText.list(ocr.sizesBillion))",
      "holdout-fit-sizes": RegistrationText.list(holdoutSizesBillion),
      "holdout-predict": RegistrationText.number(holdoutPredictNBillion),
      "Q": RegistrationText.list(Q), "budgets": String(budgetCount),
    ]
  }
}

/// Settings that can be read for another grid than the paper's (`repro figure N --suite NAME`):
/// the scaling-law figures, whose only tie to a suite is the fit they make and the grid they read.
public protocol SuiteRetargetable: ExperimentSettings {
  /// These settings for `suite`, fitted as `fit` says (its sizes are every size the grid has).
  func retargeted(to suite: SuiteID, fit: LawFitSettings) throws(RegistryError) -> Self
}

extension ScalingLawFigureSettings: SuiteRetargetable {
  public func retargeted(to suite: SuiteID, fit: LawFitSettings) throws(RegistryError) -> Self {
    var copy = self
    copy.fit = fit
    return copy
  }
}

extension ExtrapolationFigureSettings: SuiteRetargetable {
  /// Both panels predict a measured size: the largest from all the others, and the second
  /// largest from those below it (the paper's 14 B has no counterpart in another grid).
  public func retargeted(to suite: SuiteID, fit: LawFitSettings) throws(RegistryError) -> Self {
    let sizes = fit.sizesBillion.sorted()
    guard sizes.count >= 4 else {
      throw .tooFewSizes(experiment: "figure2", suite: suite, needed: 4, available: sizes)
    }
    var copy = self
    copy.fit = fit
    copy.fit.sizesBillion = Array(sizes.dropLast())
    copy.predictNBillion = sizes[sizes.count - 1]
    copy.holdoutSizesBillion = Array(sizes.dropLast(2))
    copy.holdoutPredictNBillion = sizes[sizes.count - 2]
    return copy
  }
}

extension IsoComputeFigureSettings: SuiteRetargetable {
  public func retargeted(to suite: SuiteID, fit: LawFitSettings) throws(RegistryError) -> Self {
    var copy = self
    copy.suites = [suite]
    return copy
  }
}
