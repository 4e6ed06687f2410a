import ExperimentRegistry
import PaperAnalysis
import ResultValues
import ResultsStore
import ScalingLaw
import ScalingLawFit

/// The inputs and every fit the claims need, read from the figures that computed them and
/// checked against the database and the registrations before any claim is decided.
public struct Evidence: Sendable {
  public let inputs: LedgerInputs
  public let settings: LedgerSettings
  /// The visual-reasoning grid at the paper's fit sizes, 0.5–7 B (Figure 1's fits).
  public let visualReasoning: LawFits
  /// Figure 2's fit, whose prediction is the 14 B claim.
  public let extrapolation: LawFits
  /// The visual-reasoning grid at 0.5–4 B, to predict 7 B (this project's Figure 2 analog).
  public let holdout: LawFits
  /// The OCR grid as Figure 3b fits it: 0.5–7 B, in the OCR box, with its variants (the
  /// authors' box; the grid without the configurations its recorded data issues name).
  public let ocr: LawFits
  /// The best a and D with α, β fixed at the published 0.077 and 0.015 (least squares in
  /// Figure 1's box): how much worse the published exponents fit the data than the optimum.
  public let publishedExponents: FitResult
  /// The miniature replication's fits (Mini Figures 1 and 2), or why there are none.
  public let mini: Result<MiniFits, MiniUnavailable>
  /// The miniature reasoning grid with the PruMerge-style compressor, as Figure 5 fits it.
  public let miniPruMerge: Result<LawFits, MiniUnavailable>
  /// The miniature OCR grid, as Mini Figure 3b fits it.
  public let miniOCR: Result<LawFits, MiniUnavailable>
  /// Figure 4's iso-compute groups of the two paper grids at each of its Q.
  public let isoCompute: IsoComputeFigureSummary
  /// Mini Figure 4's groups of the two miniature grids, or why there are none.
  public let miniIsoCompute: Result<IsoComputeFigureSummary, MiniUnavailable>

  /// The miniature reasoning grid fitted as Mini Figure 1 registers it, and without its largest
  /// LM as Mini Figure 2 does.
  public struct MiniFits: Sendable {
    public let grid: Grid
    public let reasoning: LawFits
    public let holdout: LawFits
  }

  /// Why the `mini.` twins that need the trained grid cannot be decided.
  public struct MiniUnavailable: Error, Sendable {
    public let reason: String
  }

  /// Takes each fit from the figure that computed it, after checking that it fitted the rows the
  /// database holds with the figure's registered settings (``checked(_:of:fit:robustness:variants:grid:dataIssues:answers:)``).
  /// A figure that has not run, or whose results do not check, is an error; a miniature grid the
  /// database lacks, or that cannot be fitted as registered, leaves its twins unverifiable,
  /// saying why.
  public init(inputs: LedgerInputs, figures: FigureResults, settings: LedgerSettings) throws {
    self.inputs = inputs
    self.settings = settings
    let check = { (figure: Experiment, fit: LawFitSettings, robustness: RobustnessSettings?, variants: [FitVariant], grid: Grid) in
      try Self.checked(
        figures.fits(of: figure, as: fit), of: figure, fit: fit, robustness: robustness, variants: variants, grid: grid,
        dataIssues: inputs.issues(of: grid.suite), answers: inputs.answers(grid))
    }
    visualReasoning = try check(.figure1, settings.figure1.fit, settings.figure1.robustness, settings.figure1.variants, inputs.visualReasoning)
    extrapolation = try check(.figure2, settings.figure2.fit, settings.figure2.robustness, [], inputs.visualReasoning)
    holdout = try check(.figure2, settings.figure2.holdoutFit, settings.figure2.robustness, [], inputs.visualReasoning)
    ocr = try check(.figure3b, settings.figure3b.fit, settings.figure3b.robustness, settings.figure3b.variants, inputs.ocr)
    let pinned = FitVariant.fixedExponents(alpha: PaperFacts.alpha, beta: PaperFacts.beta)
    guard settings.figure1.variants.contains(pinned), let published = visualReasoning.result(of: pinned) else {
      throw LedgerError.figureSettingsDiffer(
        path: FigureResults.path(of: .figure1),
        difference: "no fit with the published exponents fixed, which fig1.exponents needs; register the variant \(pinned)")
    }
    publishedExponents = published

    mini = try Self.miniFits(inputs.miniReasoning, .miniReasoning, trainedBy: "reasoning-scaling", inputs: inputs) { grid in
      MiniFits(
        grid: grid,
        reasoning: try check(.miniFigure1, settings.miniFigure1.fit, settings.miniFigure1.robustness, [], grid),
        holdout: try check(.miniFigure2, settings.miniFigure2.fit, settings.miniFigure2.robustness, [], grid))
    }
    miniPruMerge = try Self.miniFits(inputs.miniPruMerge, .miniReasoningPruMerge, trainedBy: "reasoning-prumerge", inputs: inputs) {
      try check(.figure5, Self.pruMergeFit(settings.figure5), settings.figure5.robustness, [], $0)
    }
    miniOCR = try Self.miniFits(inputs.miniOCR, .miniOCR, trainedBy: "ocr-scaling", inputs: inputs) {
      try check(.miniFigure3b, settings.miniFigure3b.fit, settings.miniFigure3b.robustness, [], $0)
    }

    // Figure 3a draws the fit its claims are decided on, Figure 1's (the same registered fit): a
    // figure 3a that drew another one is stale or made otherwise.
    let drawn: [(Experiment, LawFits?)] = [(.figure3a, visualReasoning), (.miniFigure3a, try? mini.get().reasoning)]
    for (figure, decided) in drawn {
      guard let read = figures.textShiftFits[figure.target], let decided, read.value.law != decided.primary.law else { continue }
      throw LedgerError.figureSettingsDiffer(
        path: read.path, difference: "it draws α = \(read.value.alpha), β = \(read.value.beta), while its claims are decided on "
          + "\(decided.primary.law.alpha), \(decided.primary.law.beta) (the same registered fit)")
    }

    isoCompute = try Self.checkedGroups(
      figures.isoCompute, of: .figure4, settings: settings.figure4, grids: [inputs.visualReasoning, inputs.ocr])
    miniIsoCompute = try Self.miniFits(inputs.miniReasoning, .miniReasoning, trainedBy: "reasoning-scaling", inputs: inputs) { reasoning in
      guard let ocr = inputs.miniOCR else { throw Self.missing(.miniOCR, grid: "ocr-scaling", inputs: inputs) }
      return try Self.checkedGroups(figures.miniIsoCompute, of: .miniFigure4, settings: settings.miniFigure4, grids: [reasoning, ocr])
    }
  }

  /// `read`, once it is shown to be the groups `figure` computes now: `settings`' tolerance, each
  /// suite at each Q, counted on `grids` (grouping is counting, cheap enough to repeat; a stale or
  /// edited figure does not pass).
  static func checkedGroups(
    _ read: FromFigure<IsoComputeFigureSummary>?, of figure: Experiment, settings: IsoComputeFigureSettings, grids: [Grid]
  ) throws(LedgerError) -> IsoComputeFigureSummary {
    let path = FigureResults.path(of: figure, file: "summary.json")
    guard let groups = read?.value else { throw .figureMissing(path: path, target: figure.target, holding: "iso-compute groups") }
    let counted = IsoComputeFigureSummary(settings) { suite in grids.first { $0.suite == suite }?.observations ?? [] }
    guard groups == counted else {
      throw .figureGroupsDisagree(path: path)
    }
    return groups
  }

  /// Figure 5's fit of the PruMerge-style grid.
  static func pruMergeFit(_ settings: CompressorLawsFigureSettings) -> LawFitSettings {
    settings.fits.first { $0.suite == .miniReasoningPruMerge }!
  }

  /// `read`, once it is shown to be what `figure` computes now: `fit` (suite, sizes, question,
  /// method and box) with `robustness`'s methods and bootstrap, on `grid`'s rows at those sizes,
  /// resampled as the held-out `answers` behind them say (cells alone without), with exactly the
  /// registered `variants` that change something given `dataIssues`, each in its own box on its
  /// own rows; and each recorded law, deciding, compared or variant, giving its recorded SSE on
  /// its rows, so an edit large enough to show in the ledger's four significant digits is
  /// refused. The bootstrap refits themselves cannot be checked without refitting: `repro verify`
  /// warns when `repro status` finds the figure stale. The excluded sizes are the database's now
  /// (an ingested 14 B leaves the fit as it was).
  static func checked(
    _ read: FromFigure<LawFits>?, of figure: Experiment, fit: LawFitSettings, robustness: RobustnessSettings?,
    variants: [FitVariant], grid: Grid, dataIssues: [DataIssue], answers: [HeldOutAnswers]
  ) throws -> LawFits {
    let path = FigureResults.path(of: figure)
    guard let robustness else {
      throw LedgerError.figureSettingsDiffer(
        path: path, difference: "its registration sets no robustness (compared methods and bootstrap) for the claims "
          + "decided on it; add Experiment.verdictRobustness to the registration's settings")
    }
    // A grid without a registered size cannot be fitted as registered, by the figure or anyone.
    let rows = try fit.observations(from: grid.observations)
    guard var fits = read?.value else {
      throw LedgerError.figureMissing(
        path: path, target: figure.target,
        holding: "fit of \(fit.suite) on N = \(fit.sizesBillion.map { Format.number($0) }.joined(separator: ", ")) B")
    }
    let methods = FitMethod.allCases.filter { $0 == fit.method || robustness.comparedMethods.contains($0) }
    let problems = variants.compactMap { variant in variant.problem(of: fit, rows: rows, dataIssues: dataIssues).map { (variant, $0) } }
    let resampled = try HeldOutResampling.behind(rows, answers: answers)?.description ?? Bootstrap.overCells
    let differences = [
      (fits.suite == fit.suite.rawValue, "suite \(fits.suite), registered \(fit.suite)"),
      (fits.sizesBillion == fit.sizesBillion, "sizes \(fits.sizesBillion), registered \(fit.sizesBillion)"),
      (fits.question == fit.question, "question \(fits.question), registered \(fit.question)"),
      (fits.method == fit.method, "method \(fits.method), registered \(fit.method)"),
      (fits.results.map(\.method) == methods, "methods \(fits.results.map(\.method)), registered \(methods)"),
      (fits.results.allSatisfy { $0.bounds == ($0.method == .robust ? nil : fit.bounds) }, "another box than \(fit.bounds)"),
      (fits.bootstrap.seed == robustness.bootstrap.seed && fits.bootstrap.resamples == robustness.bootstrap.resamples
        && fits.bootstrap.laws.count + fits.bootstrap.failures == fits.bootstrap.resamples,
       "bootstrap of \(fits.bootstrap.resamples) resamples, seed \(fits.bootstrap.seed), registered \(robustness.bootstrap.resamples), seed \(robustness.bootstrap.seed)"),
      (fits.bootstrap.resampled == resampled, "a bootstrap over \(fits.bootstrap.resampled), where the database has \(resampled)"),
      (fits.variants.map(\.variant) == problems.map(\.0), "variants \(fits.variants.map(\.variant)), registered and applicable \(problems.map(\.0))"),
      (zip(fits.variants, problems).allSatisfy { $0.result.method == $1.1.method && $0.result.bounds == $1.1.bounds },
       "a variant fitted otherwise than registered"),
    ]
    if let (_, difference) = differences.first(where: { !$0.0 }) {
      throw LedgerError.figureSettingsDiffer(path: path, difference: difference)
    }
    guard rows == fits.observations else { throw LedgerError.figureDataDiffers(path: path, suite: fit.suite.rawValue) }
    let recorded = fits.results.map { ($0, rows, $0.method.rawValue) } + zip(fits.variants, problems).map { ($0.result, $1.1.rows, $0.label) }
    for (result, rows, name) in recorded {
      let sse = rows.reduce(0.0) { sum, o in
        let r = result.law.error(N: o.N, T: result.convention.tokens(V: o.V, Q: 0)) - o.Y
        return sum + r * r
      }
      guard result.observationCount == rows.count, abs(sse - result.sse) <= 1e-9 * max(result.sse, 1e-12) else {
        throw LedgerError.figureFitInconsistent(path: path, method: name, recordedSSE: result.sse, sse: sse)
      }
    }
    fits.excludedSizes = fit.excludedSizes(of: grid.observations)
    return fits
  }
}

extension Evidence {
  /// A miniature grid's fits, or why there are none: the grid is missing (train it with grid
  /// `trainedBy`), unreadable, or cannot be fitted as registered.
  ///
  /// A figure that has not run or does not check (a ``LedgerError``) is an error, as for the
  /// paper's grids: only the grid itself can leave the twins unverifiable.
  static func miniFits<T>(
    _ grid: Grid?, _ suite: SuiteID, trainedBy: String, inputs: LedgerInputs, _ fit: (Grid) throws -> T
  ) throws(LedgerError) -> Result<T, MiniUnavailable> {
    guard let grid else { return .failure(missing(suite, grid: trainedBy, inputs: inputs)) }
    do {
      return .success(try fit(grid))
    } catch let error as LedgerError {
      throw error
    } catch let unavailable as MiniUnavailable {
      return .failure(unavailable)
    } catch {
      return .failure(MiniUnavailable(reason: "the \(suite) grid cannot be fitted as registered: \(error)"))
    }
  }

  /// Why a miniature suite is not in the inputs: unreadable, or never trained (and how to train it).
  static func missing(_ suite: SuiteID, grid: String, inputs: LedgerInputs) -> MiniUnavailable {
    MiniUnavailable(reason: inputs.miniProblems[suite] ?? "the database has no \(suite) grid: train its cells "
      + "(`./repro mini train --grid \(grid) --all`) and run `./repro all`")
  }
}
