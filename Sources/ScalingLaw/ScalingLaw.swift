import RealModule

/// The paper's scaling law for VLM error, `Y(N, T) = a · N^-α · T^-β + D`.
///
/// The paper writes `A/N^α · B/T^β + D`; `A` and `B` only ever appear as the product `a = A·B`,
/// so they are not separately identifiable and we fit the single constant `a`. `N` is the LLM's
/// parameter count in billions and `T` the token count the law is written in (see
/// ``TokenConvention``). `α` is the "LLM quality" exponent, `β` the "visual token" exponent and
/// `D` the irreducible error.
public struct ScalingLaw: Hashable, Sendable, Codable {
  /// The product `A·B` of the paper's two scale constants.
  public var a: Double
  /// LLM-size exponent α.
  public var alpha: Double
  /// Token exponent β.
  public var beta: Double
  /// Irreducible error D.
  public var D: Double

  public init(a: Double, alpha: Double, beta: Double, D: Double) {
    self.a = a
    self.alpha = alpha
    self.beta = beta
    self.D = D
  }

  /// Predicted error for `N` billion LLM parameters and `T` tokens.
  @inlinable
  public func error(N: Double, T: Double) -> Double {
    a * Double.pow(N, -alpha) * Double.pow(T, -beta) + D
  }

  /// Predicted error for one configuration, with `T` taken from `convention`.
  public func error(N: Double, V: Double, Q: Double = 0, convention: TokenConvention = .visual) -> Double {
    error(N: N, T: convention.tokens(V: V, Q: Q))
  }

  /// The reduced part of the law, `N^-α · T^-β`, which multiplies `a`.
  @inlinable
  public static func basis(N: Double, T: Double, alpha: Double, beta: Double) -> Double {
    Double.pow(N, -alpha) * Double.pow(T, -beta)
  }
}

/// Which token count `T` the law is written in.
///
/// The authors' fitting code uses the visual tokens only (`T = V`) and lets the text tokens `Q`
/// enter only through the compute axis `2·N·(Q+V)`; summaries of the paper write `T = Q + V`.
/// Every fit and figure in this project states which one it uses; the default is the authors'.
public enum TokenConvention: Hashable, Sendable, Codable, CustomStringConvertible {
  /// `T = V`, as in the authors' code and figures.
  case visual
  /// `T = Q + V` with a fixed number of text tokens `Q` in every observation.
  case textPlusVisual(Q: Double)

  public func tokens(V: Double, Q: Double) -> Double {
    switch self {
    case .visual: V
    case .textPlusVisual(let fixedQ): fixedQ + V
    }
  }

  public var description: String {
    switch self {
    case .visual: "T = V"
    case .textPlusVisual(let Q): "T = Q + V (Q = \(Q))"
    }
  }
}

/// One measured configuration: an LLM of `N` billion parameters seeing `V` visual tokens, with
/// average downstream error `Y` (1 − average accuracy).
public struct Observation: Hashable, Sendable, Codable {
  public var N: Double
  public var V: Double
  public var Y: Double

  public init(N: Double, V: Double, Y: Double) {
    self.N = N
    self.V = V
    self.Y = Y
  }

  /// An observation from an average accuracy in [0, 1]; the law is written for error.
  public init(N: Double, V: Double, accuracy: Double) {
    self.init(N: N, V: V, Y: 1 - accuracy)
  }
}
