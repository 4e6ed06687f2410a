import Foundation
import RealModule
import ScalingLaw
import Testing

@testable import ScalingLawFit

/// The least-squares fit's lattice: the closed-form box optimum at every node, the screen that
/// skips nodes, and the local minima that start the iteration, each against a plain computation.
@Suite("the reduced objective's lattice")
struct ReducedObjectiveTests {
  static let visualReasoning = try! FitProblem(PaperGrids.observations(PaperGrids.visualReasoningAccuracy))
  static let ocr = try! FitProblem(PaperGrids.observations(PaperGrids.ocrAccuracy))

  /// Boxes where different constraints bind: the paper's (D on its floor for visual reasoning,
  /// a on its ceiling for OCR), a zero-width D, boxes that pin a high or D high, and an α range
  /// below the data's (the lattice's minimum on its last α row, which the stream reads last).
  static let boxes: [ParameterBounds] = [
    .paper,
    ParameterBounds(a: 0.2...0.7, alpha: 0...0.02, beta: 0...0.05, D: 0...0.3),
    ParameterBounds(a: 0.2...0.7, alpha: 0...0.2, beta: 0...0.05, D: 0.1...0.1),
    ParameterBounds(a: 0...0.3, alpha: 0.01...0.3, beta: 0.001...0.2, D: 0...1),
    ParameterBounds(a: 0.5...2, alpha: 0...0.5, beta: 0...0.5, D: 0.35...0.4),
  ]

  /// The box optimum of Σ(y − a·x − D)² by plain means: x summed from its definition, and the
  /// best of the interior solution (when inside), each edge's clamped one-variable optimum and
  /// the four corners, each SSE summed over the observations.
  static func reference(_ problem: FitProblem, _ bounds: ParameterBounds, alpha: Double, beta: Double) -> Double {
    let x = problem.Y.indices.map { Double.pow(problem.N[$0], -alpha) * Double.pow(problem.T[$0], -beta) }
    let y = problem.Y
    let n = Double(y.count)
    func sse(_ a: Double, _ D: Double) -> Double {
      zip(x, y).reduce(0) { $0 + ($1.1 - a * $1.0 - D) * ($1.1 - a * $1.0 - D) }
    }
    func clamp(_ v: Double, _ r: ClosedRange<Double>) -> Double { min(max(v, r.lowerBound), r.upperBound) }
    let (sx, sy) = (x.reduce(0, +), y.reduce(0, +))
    let sxx = x.reduce(0) { $0 + $1 * $1 }, sxy = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
    var candidates: [Double] = []
    for a in [bounds.a.lowerBound, bounds.a.upperBound] {
      candidates.append(sse(a, clamp((sy - a * sx) / n, bounds.D)))
      for D in [bounds.D.lowerBound, bounds.D.upperBound] { candidates.append(sse(a, D)) }
    }
    for D in [bounds.D.lowerBound, bounds.D.upperBound] {
      candidates.append(sse(clamp((sxy - D * sx) / sxx, bounds.a), D))
    }
    let det = n * sxx - sx * sx
    if det > 1e-12 * n * sxx {
      let a = (n * sxy - sx * sy) / det
      let D = (sy - a * sx) / n
      if bounds.a.contains(a) && bounds.D.contains(D) { candidates.append(sse(a, D)) }
    }
    return candidates.min()!
  }

  /// Every node of a lattice, unscreened, row-major.
  static func allNodes(_ lattice: ReducedObjective.Lattice, threshold: Double = .infinity) -> [Double] {
    var values: [Double] = []
    lattice.forEachRow(threshold: threshold) { _, row in values += row.sse }
    return values
  }

  @Test("the closed-form box optimum equals a plain search at every node, in every box", arguments: [false, true])
  func boxOptimumAtEveryNode(useOCR: Bool) {
    let problem = useOCR ? Self.ocr : Self.visualReasoning
    for bounds in Self.boxes {
      // 13 × 11: neither count a whole number of lanes, so padding columns are exercised.
      let lattice = ReducedObjective.Lattice(ReducedObjective(problem: problem, bounds: bounds), counts: (13, 11))
      let values = Self.allNodes(lattice)
      #expect(values.count == 13 * 11)
      for (node, value) in values.enumerated() {
        let (alpha, beta) = (lattice.alphas[node / 11], lattice.betas[node % 11])
        let expected = Self.reference(problem, bounds, alpha: alpha, beta: beta)
        #expect(
          abs(value - expected) <= 1e-9 * expected + 1e-13,
          "node (α \(alpha), β \(beta)) in \(bounds): \(value) against \(expected)")
      }
    }
  }

  @Test("the fitted a and D are inside the box and reach the SSE the lattice reports")
  func fittedCoefficients() {
    for bounds in Self.boxes {
      let lattice = ReducedObjective.Lattice(ReducedObjective(problem: Self.ocr, bounds: bounds), counts: (9, 10))
      lattice.forEachRow { i, row in
        for j in 0..<row.sse.count {
          #expect(bounds.a.contains(row.a[j]) && bounds.D.contains(row.D[j]))
          let law = ScalingLaw(a: row.a[j], alpha: lattice.alphas[i], beta: lattice.betas[j], D: row.D[j])
          #expect(abs(Self.ocr.sse(law) - row.sse[j]) <= 1e-9 * row.sse[j] + 1e-13)
        }
      }
    }
  }

  /// The screen may only skip nodes above the threshold, and must report the others exactly.
  @Test("the screen skips only nodes above its threshold", arguments: [0.01, 0.1, 0.5])
  func screenKeepsEveryNodeBelowItsThreshold(quantile: Double) {
    for problem in [Self.visualReasoning, Self.ocr] {
      let lattice = ReducedObjective.Lattice(ReducedObjective(problem: problem, bounds: .paper), counts: (40, 37))
      let exact = Self.allNodes(lattice)
      let threshold = exact.sorted()[Int(quantile * Double(exact.count))]
      let screened = Self.allNodes(lattice, threshold: threshold)
      let skipped = screened.filter { $0 == .infinity }.count
      #expect(skipped > 0, "a screen that skips nothing tests nothing")
      for (value, original) in zip(screened, exact) {
        if original <= threshold { #expect(value == original) } else { #expect(value == original || value == .infinity) }
      }
    }
  }

  /// The starts are the nodes no worse than their 8 neighbours, at or below the coarse
  /// sub-lattice's best, best first: computed here from the whole unscreened lattice.
  @Test("the starts are the lattice's local minima at or below the coarse sub-lattice's best", arguments: [false, true])
  func minimaMatchAPlainScan(useOCR: Bool) {
    let problem = useOCR ? Self.ocr : Self.visualReasoning
    for bounds in Self.boxes {
      let objective = ReducedObjective(problem: problem, bounds: bounds)
      let lattice = ReducedObjective.Lattice(objective, counts: (30, 27))
      let values = Self.allNodes(lattice)
      let threshold = lattice.coarseMinimum()
      var expected: [(node: Int, sse: Double)] = []
      for i in 0..<30 {
        for j in 0..<27 where values[i * 27 + j] <= threshold {
          let neighbours = (max(i - 1, 0)...min(i + 1, 29)).flatMap { k in (max(j - 1, 0)...min(j + 1, 26)).map { k * 27 + $0 } }
          if neighbours.allSatisfy({ values[i * 27 + j] <= values[$0] }) { expected.append((i * 27 + j, values[i * 27 + j])) }
        }
      }
      expected.sort { ($0.sse, $0.node) < ($1.sse, $1.node) }
      let found = lattice.minima(count: .max)
      #expect(found.map { [$0.alpha, $0.beta] } == expected.map { [lattice.alphas[$0.node / 27], lattice.betas[$0.node % 27]] })
      #expect(!found.isEmpty && problem.sse(found[0]) <= values.min()! * (1 + 1e-9) + 1e-13, "the best start is the lattice's minimum")
    }
  }

  /// A non-finite gradient (an objective that overflows) is not convergence.
  @Test("Levenberg–Marquardt refuses a NaN gradient instead of reading it as zero")
  func nanGradientIsNotConverged() {
    struct Broken: BoxedLeastSquares {
      let ranges: [ClosedRange<Double>] = [0...1, 0...1]
      let roundingFloor = 0.0
      func sumOfSquares(_ p: [Double]) -> Double { 1 }
      func normalEquations(_ p: [Double], jtj: inout [Double], jtr: inout [Double]) {
        (jtj[0], jtj[1], jtj[2], jtj[3]) = (1, 0, 0, 1)
        (jtr[0], jtr[1]) = (.nan, 0)
      }
    }
    let outcome = BoxedLevenbergMarquardt(maxIterations: 10).minimize(Broken(), from: [0.5, 0.5])
    #expect(!outcome.converged && outcome.criterion.contains("not finite"))
  }
}
