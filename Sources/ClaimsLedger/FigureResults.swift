import ExperimentRegistry
import Foundation
import PaperAnalysis
import ResultValues
import ScalingLaw

/// The figures' own results, read back from their `summary.json` with the types they wrote
/// (ResultValues): the ledger refuses to check claims against figures that computed something
/// else, so `repro verify`, the report and the figures cannot disagree silently.
public struct FigureResults: Sendable {
  /// `Figures/<folder>/summary.json` → the fit it records, for each figure whose summary exists.
  public var fits: [(path: String, fit: FitSummary)]
  /// Figure 4's groups, when its summary exists.
  public var isoCompute: (path: String, summary: IsoComputeFigureSummary)?
  /// Mini Figure 4's groups, when its summary exists.
  public var miniIsoCompute: (path: String, summary: IsoComputeFigureSummary)?

  public init(
    fits: [(path: String, fit: FitSummary)] = [], isoCompute: (path: String, summary: IsoComputeFigureSummary)? = nil,
    miniIsoCompute: (path: String, summary: IsoComputeFigureSummary)? = nil
  ) {
    self.fits = fits
    self.isoCompute = isoCompute
    self.miniIsoCompute = miniIsoCompute
  }

  /// Reads the summaries of Figures 1, 2 (both fits), 3a, 3b, 4 and 5 (one fit per compressor),
  /// and of Mini Figures 1, 2, 3a, 3b and 4, from `figuresDirectory` (those that exist).
  public static func load(figuresDirectory: URL) throws(LedgerError) -> FigureResults {
    func read<T: Decodable>(_ experiment: Experiment, as type: T.Type) throws(LedgerError) -> (String, T)? {
      try summary(of: experiment, as: type, figuresDirectory: figuresDirectory)
    }
    let figure2 = try read(.figure2, as: ExtrapolationFigureSummary.self)
    let fits: [(String, FitSummary)] = [
      try read(.figure1, as: FitFigureSummary.self).map { ($0.0, $0.1.fit) },
      figure2.map { ($0.0, $0.1.extrapolation.fit) },
      figure2.map { ($0.0, $0.1.holdout.fit) },
      try read(.figure3a, as: FitFigureSummary.self).map { ($0.0, $0.1.fit) },
      try read(.figure3b, as: OCRFigureSummary.self).map { ($0.0, $0.1.fit) },
    ].compactMap { $0 }
    let miniFigure2 = try read(.miniFigure2, as: ExtrapolationFigureSummary.self)
    let figure5 = try read(.figure5, as: CompressorLawsSummary.self)
    let miniFits: [(String, FitSummary)] = [
      try read(.miniFigure1, as: FitFigureSummary.self).map { ($0.0, $0.1.fit) },
      miniFigure2.map { ($0.0, $0.1.extrapolation.fit) },
      try read(.miniFigure3a, as: FitFigureSummary.self).map { ($0.0, $0.1.fit) },
      try read(.miniFigure3b, as: FitFigureSummary.self).map { ($0.0, $0.1.fit) },
    ].compactMap { $0 } + (figure5.map { figure in figure.1.laws.map { (figure.0, $0.fit) } } ?? [])
    return FigureResults(
      fits: fits + miniFits, isoCompute: try read(.figure4, as: IsoComputeFigureSummary.self),
      miniIsoCompute: try read(.miniFigure4, as: IsoComputeFigureSummary.self))
  }

  /// An experiment's `summary.json` (its repository path, and its contents decoded with the
  /// type the experiment wrote), or nil when the experiment has not run; an unreadable one is an
  /// error naming it. Every reader of a figure's results goes through here.
  static func summary<T: Decodable>(
    of experiment: Experiment, as type: T.Type, figuresDirectory: URL
  ) throws(LedgerError) -> (path: String, summary: T)? {
    let path = "Figures/\(experiment.outputFolder)/summary.json"
    let url = figuresDirectory.appendingPathComponent("\(experiment.outputFolder)/summary.json")
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    do {
      return (path, try JSONDecoder().decode(T.self, from: Data(contentsOf: url)))
    } catch {
      throw .unreadableFigureSummary(path: path, reason: "\(error)")
    }
  }

  /// Throws unless every figure's fit is, to the last digit, the ledger's primary fit of the
  /// same suite, method and box, and Figure 4's groups are the ones the ledger counts (the
  /// figures and the ledger compute through the same registered settings and code, so only
  /// stale outputs or other data can make them differ).
  public func check(against evidence: Evidence) throws(LedgerError) {
    let mini = ((try? evidence.mini.get()).map { [$0.reasoning, $0.holdout] } ?? [])
      + [try? evidence.miniPruMerge.get(), try? evidence.miniOCR.get()].compactMap { $0 }
    let ledgerFits = [evidence.visualReasoning, evidence.holdout, evidence.ocr] + mini
    for (path, figure) in fits {
      let sameSuite = ledgerFits.filter { $0.suite.rawValue == figure.suite }
      let ledger = sameSuite.first {
        $0.primary.method.rawValue == figure.method && $0.primary.bounds?.description == figure.bounds
          && $0.excludedSizes == figure.excludedSizes
      }
      guard let ledger else {
        // No fit of this grid at all: a miniature grid the ledger could not read or fit, whose
        // twins say so. A fit of it with other settings is a figure made otherwise: refused.
        if sameSuite.isEmpty { continue }
        throw .figureFitUnmatched(path: path, suite: figure.suite)
      }
      let law = ledger.primary.law
      for (name, mine, theirs) in [("a", law.a, figure.a), ("alpha", law.alpha, figure.alpha), ("beta", law.beta, figure.beta), ("D", law.D, figure.D)]
      where mine != theirs {
        throw .figureDisagrees(path: path, parameter: name, figure: theirs, ledger: mine)
      }
    }
    let inputs = evidence.inputs
    let checks = [
      isoCompute.map { ($0, evidence.settings.figure4, [inputs.visualReasoning, inputs.ocr]) },
      miniIsoCompute.map { ($0, evidence.settings.miniFigure4, [inputs.miniReasoning, inputs.miniOCR].compactMap { $0 }) },
    ].compactMap { $0 }
    for ((path, figure), settings, grids) in checks {
      // A miniature grid the ledger cannot read leaves its twin unverifiable, not this check failed.
      guard settings.suites.allSatisfy({ suite in grids.contains { $0.suite == suite } }) else { continue }
      let grouping = IsoComputeGrouping(tolerance: settings.tolerance)
      let mine = settings.suites.flatMap { suite in
        settings.Q.map { Q in
          IsoComputeComparison(
            suite: suite, Q: Q, observations: grids.first { $0.suite == suite }?.observations ?? [], grouping: grouping)
        }
      }
      guard figure == IsoComputeFigureSummary(tolerance: settings.tolerance, comparisons: mine) else {
        throw .figureGroupsDisagree(path: path)
      }
    }
  }
}
