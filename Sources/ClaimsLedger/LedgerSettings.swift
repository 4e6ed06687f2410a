import ScalingLawFit
import ExperimentRegistry

/// Every setting the ledger checks with, each read from the one registration that owns it.
///
/// A claim about a figure is checked with that figure's registered settings (its fit's suite,
/// sizes, method and box; its Q; its tolerance; the compared methods and bootstrap it computed),
/// so `repro verify`, the report and the figure cannot disagree about a setting. The claims'
/// criteria are not settings: they are constants beside each claim, fixed up front.
public struct LedgerSettings: Sendable, Equatable {
  /// Figure 1: the visual-reasoning fit whose verdicts decide `fig1.*`, its Q and frontier.
  public var figure1: ScalingLawFigureSettings
  /// Figure 2: the 14 B extrapolation and the hold-out fit.
  public var figure2: ExtrapolationFigureSettings
  /// Figure 3a: the Q sweep of `fig3a.text-shift`.
  public var figure3a: ScalingLawFigureSettings
  /// Figure 3b: the OCR fit.
  public var figure3b: ScalingLawFigureSettings
  /// Figure 4: the iso-compute grouping.
  public var figure4: IsoComputeFigureSettings
  /// The report's own registration: the compared methods and bootstrap every figure whose fit
  /// decides claims registers too (``robustness`` sets all of them).
  public var report: RobustnessSettings
  /// Mini Figure 1: the miniature reasoning fit whose verdicts decide the `mini.` twins, its Q.
  public var miniFigure1: ScalingLawFigureSettings
  /// Mini Figure 2: the fit without the largest trained LM, for `mini.fig2.holdout`.
  public var miniFigure2: ExtrapolationFigureSettings
  /// Figure 5: one law per compressor's miniature grid, for `mini.fig5.compressor-invariance`.
  public var figure5: CompressorLawsFigureSettings
  /// Mini Table 1: the compressor comparison's blocks and counted method, for `mini.table1.quecc-extreme`.
  public var miniTable1: Table1Settings
  /// Table 1: the paper's blocks, for `table1.quecc-extreme`.
  public var table1: Table1Settings
  /// Mini Table 1 on the OCR family: that twin's second family.
  public var miniTable1OCR: Table1Settings
  /// Mini Figure 3b: the miniature OCR fit, for `mini.fig3b.ocr-reversal`.
  public var miniFigure3b: ScalingLawFigureSettings
  /// Mini Figure 4: the iso-compute grouping of the two miniature grids, for `mini.fig4.iso-compute`.
  public var miniFigure4: IsoComputeFigureSettings

  public init(
    figure1: ScalingLawFigureSettings, figure2: ExtrapolationFigureSettings, figure3a: ScalingLawFigureSettings,
    figure3b: ScalingLawFigureSettings, figure4: IsoComputeFigureSettings, report: RobustnessSettings,
    miniFigure1: ScalingLawFigureSettings = Experiment.miniFigure1Settings,
    miniFigure2: ExtrapolationFigureSettings = Experiment.miniFigure2Settings,
    figure5: CompressorLawsFigureSettings = Experiment.figure5Settings,
    miniTable1: Table1Settings = Experiment.miniTable1Settings,
    table1: Table1Settings = Experiment.table1Settings,
    miniTable1OCR: Table1Settings = Experiment.miniTable1OCRSettings,
    miniFigure3b: ScalingLawFigureSettings = Experiment.miniFigure3bSettings,
    miniFigure4: IsoComputeFigureSettings = Experiment.miniFigure4Settings
  ) {
    self.miniFigure3b = miniFigure3b
    self.miniFigure4 = miniFigure4
    self.miniTable1 = miniTable1
    self.table1 = table1
    self.miniTable1OCR = miniTable1OCR
    self.figure5 = figure5
    self.miniFigure1 = miniFigure1
    self.miniFigure2 = miniFigure2
    self.figure1 = figure1
    self.figure2 = figure2
    self.figure3a = figure3a
    self.figure3b = figure3b
    self.figure4 = figure4
    self.report = report
  }

  /// The registered settings: what `repro verify` and the report use.
  public static let registered = LedgerSettings(
    figure1: Experiment.figure1Settings, figure2: Experiment.figure2Settings, figure3a: Experiment.figure3aSettings,
    figure3b: Experiment.figure3bSettings, figure4: Experiment.figure4Settings, report: Experiment.verdictRobustness)

  /// The method whose fits decide the verdicts: the figures' (one method for every figure).
  public var method: FitMethod { figure1.fit.method }

  /// The compared methods and bootstrap of the report and of every figure whose fit decides
  /// claims (registered once for all of them, ``report``). Setting it sets all of them, as a
  /// test registration that changes it everywhere; each figure's fits are checked against its
  /// own registration.
  public var robustness: RobustnessSettings {
    get { report }
    set {
      report = newValue
      figure1.robustness = newValue
      figure2.robustness = newValue
      figure3b.robustness = newValue
      miniFigure1.robustness = newValue
      miniFigure2.robustness = newValue
      miniFigure3b.robustness = newValue
      figure5.robustness = newValue
    }
  }

  /// The primary method and the compared ones, each once, in ``FitMethod/allCases`` order.
  public var methods: [FitMethod] {
    FitMethod.allCases.filter { $0 == method || robustness.comparedMethods.contains($0) }
  }

  public var resamples: Int { robustness.bootstrap.resamples }
  public var seed: UInt64 { robustness.bootstrap.seed }
}
