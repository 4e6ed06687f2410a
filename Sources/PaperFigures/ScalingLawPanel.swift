import ScalingLaw

/// Everything one scaling-law panel shows, as plain data: the fitted law drawn as a curve per
/// N, the measurements, the compute-optimal frontier, and optional extras.
///
/// The x axis is inference compute `2·N·(Q+V)` in GFLOP (N in billions), log scale; the y axis
/// is average downstream error. The law is evaluated with `T = V` (the authors' convention:
/// `Q` only moves points along the compute axis).
public struct ScalingLawPanel: Hashable, Sendable {
  /// Panel title, e.g. `(a) Q = 0 (cached text)`.
  public var title: String
  /// Text tokens per query; enters only the compute axis.
  public var Q: Double
  /// Label of the x axis.
  public var xLabel: String
  /// The fitted law; its α and β go into the legend, all four parameters into the script.
  public var law: ScalingLaw
  /// Title of the legend, above α and β (e.g. the fit method).
  public var lawLabel: String
  /// The LLM sizes (billions) to draw a fitted curve for.
  public var curveN: [Double]
  /// The measurements, drawn as filled markers: shape and colour by N, size by V.
  public var observations: [Observation]
  /// The compute-optimal frontier, drawn as a dotted black line through these points.
  public var frontier: [FrontierPoint]
  /// Lines of small print under the panel, e.g. known defects of the data.
  public var notes: [String]
  /// More measurements drawn as open markers, each series with its own legend entry.
  public var extraSeries: [PointSeries]
  /// Seed noise of the measurements trained with several seeds: a vertical bar of ± one sample
  /// standard deviation around each (the other measurements have one seed, so no bar).
  public var errorBars: [ErrorBar] = []

  public init(
    title: String, Q: Double, xLabel: String, law: ScalingLaw, lawLabel: String = "Scaling law fit",
    curveN: [Double], observations: [Observation], frontier: [FrontierPoint],
    notes: [String] = [], extraSeries: [PointSeries] = []
  ) {
    self.title = title
    self.Q = Q
    self.xLabel = xLabel
    self.law = law
    self.lawLabel = lawLabel
    self.curveN = curveN
    self.observations = observations
    self.frontier = frontier
    self.notes = notes
    self.extraSeries = extraSeries
  }
}


/// One point of the compute-optimal frontier: the lowest predicted error at a compute budget.
public struct FrontierPoint: Hashable, Sendable {
  /// Inference compute `2·N·(Q+V)`, GFLOP.
  public var flops: Double
  /// Predicted average downstream error at the optimum.
  public var error: Double

  public init(flops: Double, error: Double) {
    self.flops = flops
    self.error = error
  }
}

/// A titled set of extra measurements (e.g. held-out models), drawn with open markers.
public struct PointSeries: Hashable, Sendable {
  /// The legend entry.
  public var title: String
  public var observations: [Observation]

  public init(title: String, observations: [Observation]) {
    self.title = title
    self.observations = observations
  }
}
