import RealModule
import ScalingLaw

/// A functional form a reviewer might fit instead of the paper's law (issue 13).
///
/// Every form here is *separable*: linear in a few coefficients, non-linear in a few exponents,
///
///     Y(N, V) = Σ_j c_j · φ_j(N, V; θ),
///
/// which is what lets one fitter serve them all (``FormFit``): for fixed exponents θ the best
/// coefficients are a small box-constrained linear least squares, solved exactly, so the
/// starting search runs over θ alone. `N` is in billions of parameters, `V` visual tokens.
public enum LawForm: String, CaseIterable, Sendable, Codable, Hashable, CustomStringConvertible {
  /// The paper's law as the authors fit it: `a·N^-α·V^-β + D` (T = V).
  case multiplicative
  /// The paper's law as its text writes it: `a·N^-α·(Q₀+V)^-β + D`, with the question's
  /// ``textTokensInData`` tokens counted as tokens the model reads.
  case multiplicativeTextPlusVisual = "multiplicative-q-plus-v"
  /// Chinchilla-style: `E + A·N^-α + B·V^-β` — size and tokens reduce error independently.
  case additive
  /// The paper's law with an N·V interaction: `a·N^-α·V^-(β + γ·ln N) + D`, so the token
  /// exponent may change with LLM size (bigger models using visual tokens better, or worse).
  case interaction

  public var description: String { rawValue }

  /// The question length the `T = Q + V` form assumes for every measured configuration: the
  /// paper's Figure 1b length. The benchmarks' questions vary and their lengths were not
  /// published, so this is an assumption of that form, stated wherever it is used.
  public static let textTokensInData = PaperSetup.questionTextTokens

  /// A label short enough for a tick or a key entry.
  public var shortName: String {
    switch self {
    case .multiplicative: "paper (T = V)"
    case .multiplicativeTextPlusVisual: "paper (T = Q+V)"
    case .additive: "additive"
    case .interaction: "interaction"
    }
  }

  /// The law in words, with the parameter names of ``parameterNames``.
  public var formula: String {
    switch self {
    case .multiplicative: "Y = a·N^-α·V^-β + D"
    case .multiplicativeTextPlusVisual: "Y = a·N^-α·(\(Int(Self.textTokensInData))+V)^-β + D"
    case .additive: "Y = E + A·N^-α + B·V^-β"
    case .interaction: "Y = a·N^-α·V^-(β+γ·ln N) + D"
    }
  }

  /// Parameter names in the order of every parameter vector of this form.
  public var parameterNames: [String] {
    switch self {
    case .multiplicative, .multiplicativeTextPlusVisual: ["a", "alpha", "beta", "D"]
    case .additive: ["E", "A", "alpha", "B", "beta"]
    case .interaction: ["a", "alpha", "beta", "gamma", "D"]
    }
  }

  /// Number of fitted parameters, k (AIC and BIC count these).
  public var parameterCount: Int { parameterNames.count }

  /// Indices of the coefficients the form is linear in, in the order of ``basis(_:at:)``.
  var linearIndices: [Int] {
    switch self {
    case .multiplicative, .multiplicativeTextPlusVisual: [0, 3]
    case .additive: [0, 1, 3]
    case .interaction: [0, 4]
    }
  }

  /// Indices of the exponents, the parameters the starting search runs over.
  var exponentIndices: [Int] {
    (0..<parameterCount).filter { !linearIndices.contains($0) }
  }

  /// The box every comparison fits this form in: coefficients ≥ 0 (error terms cannot be
  /// negative), floors D and E within [0, 1] (error is a fraction), exponents within [0, 3]
  /// (decreasing in N and V, and far wider than any scaling exponent reported for LLMs), and
  /// the interaction γ within [−1, 1] (over the paper's 0.5–7 B, |γ·ln N| ≤ 2).
  ///
  /// One box for every form and suite, wide enough that the data, not the box, decides —
  /// unlike the authors' box (β ≤ 0.05), which was chosen for the multiplicative form on the
  /// visual-reasoning grid. A parameter ending on a bound is reported, never hidden.
  public var naturalBounds: [ClosedRange<Double>] {
    parameterNames.map { name in
      switch name {
      case "D", "E": 0...1
      case "alpha", "beta": 0...3
      case "gamma": -1...1
      default: 0...100
      }
    }
  }

  /// The point of one configuration in the coordinates the form is written in.
  struct Point {
    var logN: Double
    /// ln V, or ln(Q₀ + V) for the `T = Q + V` form.
    var logT: Double
  }

  func point(N: Double, V: Double) -> Point {
    let T = self == .multiplicativeTextPlusVisual ? Self.textTokensInData + V : V
    return Point(logN: Double.log(N), logT: Double.log(T))
  }

  /// The functions φ_j the linear coefficients multiply, at exponents from `p`.
  @inline(__always)
  func basis(_ p: [Double], at x: Point) -> [Double] {
    switch self {
    case .multiplicative, .multiplicativeTextPlusVisual:
      [Double.exp(-p[1] * x.logN - p[2] * x.logT), 1]
    case .additive:
      [1, Double.exp(-p[2] * x.logN), Double.exp(-p[4] * x.logT)]
    case .interaction:
      [Double.exp(-p[1] * x.logN - p[2] * x.logT - p[3] * x.logN * x.logT), 1]
    }
  }

  /// The predicted error with parameters `p` (``parameterNames`` order).
  func prediction(_ p: [Double], at x: Point) -> Double {
    zip(linearIndices, basis(p, at: x)).reduce(0) { $0 + p[$1.0] * $1.1 }
  }

  /// The predicted error for `N` billion parameters and `V` visual tokens.
  public func error(_ parameters: [Double], N: Double, V: Double) -> Double {
    prediction(parameters, at: point(N: N, V: V))
  }

  /// ∂Y/∂p at one point: the row of the residuals' Jacobian, in ``parameterNames`` order.
  func gradient(_ p: [Double], at x: Point) -> [Double] {
    switch self {
    case .multiplicative, .multiplicativeTextPlusVisual:
      let power = Double.exp(-p[1] * x.logN - p[2] * x.logT)
      return [power, -p[0] * power * x.logN, -p[0] * power * x.logT, 1]
    case .additive:
      let sizePower = Double.exp(-p[2] * x.logN), tokenPower = Double.exp(-p[4] * x.logT)
      return [1, sizePower, -p[1] * sizePower * x.logN, tokenPower, -p[3] * tokenPower * x.logT]
    case .interaction:
      let power = Double.exp(-p[1] * x.logN - p[2] * x.logT - p[3] * x.logN * x.logT)
      return [power, -p[0] * power * x.logN, -p[0] * power * x.logT, -p[0] * power * x.logN * x.logT, 1]
    }
  }

  /// The compute-optimal V in closed form at `Q` text tokens (compute 2·N·(Q+V)), where one
  /// exists: the two multiplicative forms. With cost ∝ N·(Q+V) and error − D ∝ N^-α·T^-β, the
  /// optimum of V ↦ (Q+V)^α·T^-β is interior only when α > β:
  ///
  /// - `T = V`: α/(Q+V) = β/V gives V* = β·Q/(α−β) (the paper's Figure 1b);
  /// - `T = Q₀ + V`: α/(Q+V) = β/(Q₀+V) gives V* = (β·Q − α·Q₀)/(α−β);
  ///
  /// clamped to `range`; with α ≤ β more tokens always win (the top of the range). `nil` for
  /// the forms without one.
  public func closedFormOptimalV(_ p: [Double], Q: Double, range: ClosedRange<Double>) -> Double? {
    let unclamped: Double
    switch self {
    case .multiplicative:
      unclamped = p[1] > p[2] ? p[2] * Q / (p[1] - p[2]) : .infinity
    case .multiplicativeTextPlusVisual:
      unclamped = p[1] > p[2] ? (p[2] * Q - p[1] * Self.textTokensInData) / (p[1] - p[2]) : .infinity
    case .additive, .interaction:
      return nil
    }
    return min(max(unclamped, range.lowerBound), range.upperBound)
  }

  /// Whether the form is the paper's law (T = V or T = Q + V): fitted by every method of
  /// ``ScalingLawFit/FitMethod`` in a registered box, where the other forms have only the
  /// generic least squares in their own box.
  public var isPaperLaw: Bool {
    switch self {
    case .multiplicative, .multiplicativeTextPlusVisual: true
    case .additive, .interaction: false
    }
  }

  /// The form written in the paper's law's type, for the forms that are that law.
  public func law(_ p: [Double]) -> ScalingLaw? {
    switch self {
    case .multiplicative, .multiplicativeTextPlusVisual: ScalingLaw(a: p[0], alpha: p[1], beta: p[2], D: p[3])
    case .additive, .interaction: nil
    }
  }
}
