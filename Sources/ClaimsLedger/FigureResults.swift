import ExperimentRegistry
import Foundation
import PaperAnalysis
import ResultValues
import ScalingLaw

/// What the figures computed, read back with the types they wrote (ResultValues): every fit a
/// claim is decided on (each figure's `fits.json`), and Figure 4's groups (its `summary.json`).
///
/// The ledger fits and groups nothing itself. It reads these, checks that each was computed from
/// the database's rows with its figure's registered settings (``Evidence``), and decides the
/// verdicts on them, so `repro verify`, the report and the figures cannot disagree.
public struct FigureResults: Sendable {
  /// Each figure's fits, by its target (`figure1`, `mini-figure2`, …), for the figures that have run.
  public var fits: [String: FromFigure<[LawFits]>]
  /// The fits Figure 3a and Mini Figure 3a drew, by target, when their summaries exist: their
  /// claims are decided on Figures 1's and Mini Figure 1's fits, which these must be.
  public var textShiftFits: [String: FromFigure<FitSummary>] = [:]
  /// Figure 4's groups, when its summary exists.
  public var isoCompute: FromFigure<IsoComputeFigureSummary>?
  /// Mini Figure 4's groups, when its summary exists.
  public var miniIsoCompute: FromFigure<IsoComputeFigureSummary>?

  public init(
    fits: [String: FromFigure<[LawFits]>] = [:], isoCompute: FromFigure<IsoComputeFigureSummary>? = nil,
    miniIsoCompute: FromFigure<IsoComputeFigureSummary>? = nil
  ) {
    self.fits = fits
    self.isoCompute = isoCompute
    self.miniIsoCompute = miniIsoCompute
  }

  /// The figures whose fits decide claims: Figures 1, 2, 3b and 5, Mini Figures 1, 2 and 3b.
  public static let fittingFigures: [Experiment] = [.figure1, .figure2, .figure3b, .miniFigure1, .miniFigure2, .miniFigure3b, .figure5]

  /// Reads the fits of ``fittingFigures`` and Figure 4's and Mini Figure 4's summaries from
  /// `figuresDirectory` (those that exist; ``Evidence`` says which it needs).
  public static func load(figuresDirectory: URL) throws(LedgerError) -> FigureResults {
    var results = FigureResults()
    for figure in fittingFigures {
      results.fits[figure.target] = try read(figure, file: LawFits.fileName, as: [LawFits].self, figuresDirectory: figuresDirectory)
    }
    for figure in [Experiment.figure3a, .miniFigure3a] {
      results.textShiftFits[figure.target] = try summary(of: figure, as: FitFigureSummary.self, figuresDirectory: figuresDirectory)?
        .map(\.fit)
    }
    results.isoCompute = try summary(of: .figure4, as: IsoComputeFigureSummary.self, figuresDirectory: figuresDirectory)
    results.miniIsoCompute = try summary(of: .miniFigure4, as: IsoComputeFigureSummary.self, figuresDirectory: figuresDirectory)
    return results
  }

  /// `figure`'s fit made as `fit` registers it (its suite and sizes), when the figure wrote one.
  func fits(of figure: Experiment, as fit: LawFitSettings) -> FromFigure<LawFits>? {
    fits[figure.target]?.compactMap { all in
      all.first { $0.suite == fit.suite.rawValue && $0.sizesBillion == fit.sizesBillion }
    }
  }

  /// An experiment's `summary.json` (its repository path, and its contents decoded with the
  /// type the experiment wrote), or nil when the experiment has not run; an unreadable one is an
  /// error naming it. Every reader of a figure's results goes through here.
  static func summary<T: Decodable>(
    of experiment: Experiment, as type: T.Type, figuresDirectory: URL
  ) throws(LedgerError) -> FromFigure<T>? {
    try read(experiment, file: "summary.json", as: type, figuresDirectory: figuresDirectory)
  }

  /// `file` of an experiment's output folder, decoded as `type`, or nil when it does not exist.
  static func read<T: Decodable>(
    _ experiment: Experiment, file: String, as type: T.Type, figuresDirectory: URL
  ) throws(LedgerError) -> FromFigure<T>? {
    let path = path(of: experiment, file: file)
    let url = figuresDirectory.appendingPathComponent("\(experiment.outputFolder)/\(file)")
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    do {
      return FromFigure(path: path, value: try JSONDecoder().decode(T.self, from: Data(contentsOf: url)))
    } catch {
      throw .unreadableFigureSummary(path: path, reason: "\(error)")
    }
  }

  /// `Figures/<folder>/<file>`: how errors name an experiment's output.
  static func path(of experiment: Experiment, file: String = LawFits.fileName) -> String {
    "Figures/\(experiment.outputFolder)/\(file)"
  }
}

/// A value read from a figure's summary, with the summary's repository path (named in errors).
public struct FromFigure<Value: Sendable>: Sendable {
  public var path: String
  public var value: Value

  public init(path: String, value: Value) {
    self.path = path
    self.value = value
  }

  func map<T>(_ transform: (Value) -> T) -> FromFigure<T> {
    FromFigure<T>(path: path, value: transform(value))
  }

  func compactMap<T>(_ transform: (Value) -> T?) -> FromFigure<T>? {
    transform(value).map { FromFigure<T>(path: path, value: $0) }
  }
}
