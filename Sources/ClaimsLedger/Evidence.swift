import ResultsStore
import ScalingLaw
import ScalingLawFit

/// The inputs and every fit the claims need, computed once before any claim is checked.
public struct Evidence: Sendable {
  public let inputs: LedgerInputs
  public let settings: LedgerSettings
  /// The visual-reasoning grid at the paper's fit sizes, 0.5–7 B (Figure 1).
  public let visualReasoning: SuiteFits
  /// Figure 2's fit, whose prediction is the 14 B claim (Figure 1's fit when registered alike).
  public let extrapolation: SuiteFits
  /// The visual-reasoning grid at 0.5–4 B, to predict 7 B (this project's Figure 2 analog).
  public let holdout: SuiteFits
  /// The OCR grid as Figure 3b fits it: 0.5–7 B, in the OCR box.
  public let ocr: SuiteFits
  /// Primary-method OCR fits that change one choice: the authors' box instead of the OCR box,
  /// and the grid without the configurations its recorded data issues name.
  public let ocrVariants: [NamedFit]
  /// The best a and D with α, β fixed at the published 0.077 and 0.015 (least squares in
  /// Figure 1's box): how much worse the published exponents fit the data than the optimum.
  public let publishedExponents: FitResult
  /// The miniature replication's fits (Mini Figures 1 and 2), or why there are none.
  public let mini: Result<MiniFits, MiniUnavailable>
  /// The miniature reasoning grid with the PruMerge-style compressor, fitted as Figure 5 fits it.
  public let miniPruMerge: Result<SuiteFits, MiniUnavailable>
  /// The miniature OCR grid, fitted as Mini Figure 3b fits it.
  public let miniOCR: Result<SuiteFits, MiniUnavailable>

  /// The miniature reasoning grid fitted as Mini Figure 1 registers it, and without its largest
  /// LM as Mini Figure 2 does.
  public struct MiniFits: Sendable {
    public let grid: Grid
    public let reasoning: SuiteFits
    public let holdout: SuiteFits
  }

  /// Why the `mini.` twins that need the trained grid cannot be decided.
  public struct MiniUnavailable: Error, Sendable {
    public let reason: String
  }

  public init(inputs: LedgerInputs, settings: LedgerSettings) throws {
    self.inputs = inputs
    self.settings = settings
    mini = Self.miniFits(inputs.miniReasoning, .miniReasoning, trainedBy: "reasoning-scaling", inputs: inputs) { grid in
      MiniFits(
        grid: grid, reasoning: try SuiteFits(grid: grid, fit: settings.miniFigure1.fit, settings: settings, answers: inputs.answers(grid)),
        holdout: try SuiteFits(grid: grid, fit: settings.miniFigure2.fit, settings: settings, answers: inputs.answers(grid)))
    }
    let pruMergeFit = settings.figure5.fits.first { $0.suite == .miniReasoningPruMerge }!
    miniPruMerge = Self.miniFits(inputs.miniPruMerge, .miniReasoningPruMerge, trainedBy: "reasoning-prumerge", inputs: inputs) {
      try SuiteFits(grid: $0, fit: pruMergeFit, settings: settings, answers: inputs.answers($0))
    }
    miniOCR = Self.miniFits(inputs.miniOCR, .miniOCR, trainedBy: "ocr-scaling", inputs: inputs) {
      try SuiteFits(grid: $0, fit: settings.miniFigure3b.fit, settings: settings, answers: inputs.answers($0))
    }
    visualReasoning = try SuiteFits(grid: inputs.visualReasoning, fit: settings.figure1.fit, settings: settings)
    extrapolation = settings.figure2.fit == settings.figure1.fit
      ? visualReasoning : try SuiteFits(grid: inputs.visualReasoning, fit: settings.figure2.fit, settings: settings)
    holdout = try SuiteFits(grid: inputs.visualReasoning, fit: settings.figure2.holdoutFit, settings: settings)
    ocr = try SuiteFits(grid: inputs.ocr, fit: settings.figure3b.fit, settings: settings)

    let primary = settings.figure3b.fit.method
    let ocrBounds = settings.figure3b.fit.bounds
    var variants: [NamedFit] = []
    if ocrBounds != .paper {
      let fit = try primary.fitter(bounds: .paper).fit(FitProblem(ocr.observations))
      variants.append(NamedFit(label: "\(primary), the authors' box", result: fit))
    }
    let flagged = inputs.issues(of: .ocr).compactMap { issue in issue.N.flatMap { N in issue.V.map { (N, Double($0)) } } }
    let clean = ocr.observations.filter { o in !flagged.contains { $0 == (o.N, o.V) } }
    if clean.count < ocr.observations.count {
      let fit = try primary.fitter(bounds: ocrBounds).fit(FitProblem(clean))
      variants.append(NamedFit(
        label: "\(primary), without the \(ocr.observations.count - clean.count) configurations named by data issues",
        result: fit))
    }
    ocrVariants = variants

    var fixed = settings.figure1.fit.bounds
    fixed.alpha = PaperFacts.alpha...PaperFacts.alpha
    fixed.beta = PaperFacts.beta...PaperFacts.beta
    publishedExponents = try LeastSquaresFit(bounds: fixed).fit(FitProblem(visualReasoning.observations))
  }
}

extension Evidence {
  /// A miniature grid's fits, or why there are none: the grid is missing (train it with grid
  /// `trainedBy`), unreadable, or cannot be fitted as registered.
  static func miniFits<T>(
    _ grid: Grid?, _ suite: SuiteID, trainedBy: String, inputs: LedgerInputs, _ fit: (Grid) throws -> T
  ) -> Result<T, MiniUnavailable> {
    guard let grid else { return .failure(missing(suite, grid: trainedBy, inputs: inputs)) }
    do {
      return .success(try fit(grid))
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

/// A fit with a label saying how it differs from the primary one.
public struct NamedFit: Sendable {
  public var label: String
  public var result: FitResult
}
