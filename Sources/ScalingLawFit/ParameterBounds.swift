/// A box for the four parameters `(a, α, β, D)`.
///
/// Bounds are part of the method, not a nuisance: without them the least-squares problem on the
/// paper's data is degenerate (`a` → huge, `D` → very negative, exponents → 0).
///
/// Written as text (command line, registry, lock file) as `paper` or
/// `a=LO:HI,alpha=LO:HI,beta=LO:HI,D=LO:HI`.
public struct ParameterBounds: Hashable, Sendable, Codable, LosslessStringConvertible {
  public var a: ClosedRange<Double>
  public var alpha: ClosedRange<Double>
  public var beta: ClosedRange<Double>
  public var D: ClosedRange<Double>

  public init(a: ClosedRange<Double>, alpha: ClosedRange<Double>, beta: ClosedRange<Double>, D: ClosedRange<Double>) {
    self.a = a
    self.alpha = alpha
    self.beta = beta
    self.D = D
  }

  /// The authors' box: a ∈ [0.2, 0.7], α ∈ [0, 0.2], β ∈ [0, 0.05], D ∈ [0, 0.3].
  public static let paper = ParameterBounds(a: 0.2...0.7, alpha: 0...0.2, beta: 0...0.05, D: 0...0.3)

  /// Ranges in the order `a, α, β, D`.
  public var ranges: [ClosedRange<Double>] { [a, alpha, beta, D] }

  public var description: String {
    if self == .paper { return "paper" }
    return zip(Self.names, ranges).map { "\($0)=\($1.lowerBound):\($1.upperBound)" }.joined(separator: ",")
  }

  /// Parses `paper` or `a=LO:HI,alpha=LO:HI,beta=LO:HI,D=LO:HI` (all four, any order).
  public init?(_ description: String) {
    if description == "paper" {
      self = .paper
      return
    }
    var parsed: [String: ClosedRange<Double>] = [:]
    for item in description.split(separator: ",") {
      let parts = item.split(separator: "=", maxSplits: 1)
      guard parts.count == 2 else { return nil }
      let ends = parts[1].split(separator: ":").compactMap { Double($0) }
      guard ends.count == 2, ends[0] <= ends[1] else { return nil }
      parsed[String(parts[0])] = ends[0]...ends[1]
    }
    guard Set(parsed.keys) == Set(Self.names), let a = parsed["a"], let alpha = parsed["alpha"],
      let beta = parsed["beta"], let D = parsed["D"]
    else { return nil }
    self.init(a: a, alpha: alpha, beta: beta, D: D)
  }

  static let names = ["a", "alpha", "beta", "D"]

  /// Whether a fitted `x` sits on an end of `range`, within a relative 1e-9 of its width: the
  /// one test every fit uses to say that a bound, not the data, decided a parameter.
  public static func isOnBound(_ x: Double, _ range: ClosedRange<Double>) -> Bool {
    let tolerance = 1e-9 * max(1, range.upperBound - range.lowerBound)
    return abs(x - range.lowerBound) <= tolerance || abs(x - range.upperBound) <= tolerance
  }

  func validated() throws(FitError) -> ParameterBounds {
    for (name, range) in zip(Self.names, ranges) {
      guard range.lowerBound.isFinite, range.upperBound.isFinite else {
        throw .invalidBounds("\(name) bound is not finite")
      }
    }
    guard a.lowerBound >= 0, D.lowerBound >= 0 else { throw .invalidBounds("a and D must be ≥ 0") }
    return self
  }
}

/// The authors' brute-force grid: `linspace` over each parameter's bounds.
///
/// Values are computed exactly as numpy's `linspace` does (`start + i·step`, last value = stop),
/// so a grid point printed here is the same number the authors' Python would visit.
public struct ParameterGrid: Hashable, Sendable, Codable {
  public var bounds: ParameterBounds
  /// Number of values per parameter, in the order `a, α, β, D`.
  public var counts: [Int]

  public init(bounds: ParameterBounds, counts: [Int]) {
    precondition(counts.count == 4 && counts.allSatisfy { $0 >= 1 }, "a grid needs four positive counts")
    self.bounds = bounds
    self.counts = counts
  }

  /// The authors' 50 × 100 × 100 × 10 = 5,000,000-point grid over ``ParameterBounds/paper``.
  public static let paper = ParameterGrid(bounds: .paper, counts: [50, 100, 100, 10])

  public var size: Int { counts.reduce(1, *) }

  public var a: [Double] { Self.linspace(bounds.a, counts[0]) }
  public var alpha: [Double] { Self.linspace(bounds.alpha, counts[1]) }
  public var beta: [Double] { Self.linspace(bounds.beta, counts[2]) }
  public var D: [Double] { Self.linspace(bounds.D, counts[3]) }

  /// numpy-compatible `linspace(lo, hi, n)`.
  public static func linspace(_ range: ClosedRange<Double>, _ n: Int) -> [Double] {
    guard n > 1 else { return [range.lowerBound] }
    let step = (range.upperBound - range.lowerBound) / Double(n - 1)
    var values = (0..<n).map { range.lowerBound + Double($0) * step }
    values[n - 1] = range.upperBound
    return values
  }
}
