import ExperimentRegistry
import Foundation
import ResultValues
import ScalingLaw

/// The figures' own results, read back from their `summary.json` with the types they wrote
/// (ResultValues): the ledger refuses to check claims against figures that computed something
/// else, so `repro verify`, the report and the figures cannot disagree silently.
public struct FigureResults: Sendable {
  /// `Figures/<folder>/summary.json` → the fit it records, for each figure whose summary exists.
  public var fits: [(path: String, fit: FitSummary)]

  public init(fits: [(path: String, fit: FitSummary)] = []) {
    self.fits = fits
  }

  /// Reads Figure 1's, 3a's and 3b's summaries from `figuresDirectory` (those that exist).
  public static func load(figuresDirectory: URL) throws(LedgerError) -> FigureResults {
    var fits: [(String, FitSummary)] = []
    func read<T: Decodable>(_ experiment: Experiment, as type: T.Type, fit: (T) -> FitSummary) throws(LedgerError) {
      let relative = "\(experiment.outputFolder)/summary.json"
      let url = figuresDirectory.appendingPathComponent(relative)
      guard FileManager.default.fileExists(atPath: url.path) else { return }
      do {
        fits.append(("Figures/" + relative, fit(try JSONDecoder().decode(T.self, from: Data(contentsOf: url)))))
      } catch {
        throw .unreadableFigureSummary(path: "Figures/" + relative, reason: "\(error)")
      }
    }
    try read(.figure1, as: FitFigureSummary.self) { $0.fit }
    try read(.figure3a, as: FitFigureSummary.self) { $0.fit }
    try read(.figure3b, as: OCRFigureSummary.self) { $0.fit }
    return FigureResults(fits: fits)
  }

  /// Throws unless every figure's fit is, to the last digit, the ledger's primary fit of the
  /// same suite, method and box (the figures and the ledger fit through the same registered
  /// settings, so only stale outputs or other data can make them differ).
  public func check(against evidence: Evidence) throws(LedgerError) {
    for (path, figure) in fits {
      let ledger = [evidence.visualReasoning, evidence.ocr].first {
        $0.suite.rawValue == figure.suite && $0.primary.method.rawValue == figure.method
          && $0.primary.bounds?.description == figure.bounds
      }
      guard let ledger else { continue }
      let law = ledger.primary.law
      for (name, mine, theirs) in [("a", law.a, figure.a), ("alpha", law.alpha, figure.alpha), ("beta", law.beta, figure.beta), ("D", law.D, figure.D)]
      where mine != theirs {
        throw .figureDisagrees(path: path, parameter: name, figure: theirs, ledger: mine)
      }
    }
  }
}
