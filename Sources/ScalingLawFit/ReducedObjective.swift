import RealModule
import ScalingLaw

/// SSE minimised over `a` and `D` (inside their bounds) for a fixed α, β: variable projection.
///
/// For fixed exponents the SSE is a quadratic in (a, D) whose coefficients are five sums over
/// the observations: n, Σx, Σx², Σy, Σxy (and Σy²), with x = N^-α·T^-β. Over the α × β lattice
/// those sums factor through the few distinct sizes and token counts (a grid has 4–5 N and 7 T
/// for 28 points): Σx = Σ_(u,v) count_uv·N_u^-α·T_v^-β, so a lattice node costs a handful of
/// products instead of a pass over every observation with two `pow` each, and the box optimum
/// of the quadratic has a closed form (``boxOptimum(x:xx:xy:_:_:)``) without branches, so a whole
/// lattice row is computed in vector registers.
struct ReducedObjective: Sendable {
  let problem: FitProblem
  let bounds: ParameterBounds

  /// The sums the reduced problem needs, for one (α, β): Σx, Σx², Σxy.
  struct Sums {
    var x = 0.0, xx = 0.0, xy = 0.0
  }

  /// n, Σy and Σy²: the parts of the quadratic that do not depend on the exponents.
  struct Constants {
    var n = 0.0, y = 0.0, yy = 0.0
    /// 1/n, so the lattice loop multiplies instead of dividing.
    var nInverse = 0.0

    init(_ problem: FitProblem) {
      n = Double(problem.count)
      nInverse = 1 / n
      for y in problem.Y {
        self.y += y
        yy += y * y
      }
    }
  }

  var constants: Constants { Constants(problem) }

  /// Σ (a·x + D − y)² expanded from the sums — shared with the paper grid's screen
  /// (``PaperGridSearch``); it can round below zero when the fit is exact.
  @inline(__always)
  static func quadratic(_ a: Double, _ D: Double, _ s: Sums, _ c: Constants) -> Double {
    a * a * s.xx + 2 * a * D * s.x + c.n * D * D - 2 * a * s.xy - 2 * D * c.y + c.yy
  }

  /// SSE of a·x + D against y, from the sums (the quadratic, not below zero).
  static func sse(_ a: Double, _ D: Double, _ s: Sums, _ c: Constants) -> Double {
    max(0, quadratic(a, D, s, c))
  }

  /// Nodes evaluated at once by the lattice loop: four doubles are one AVX register or two SSE
  /// registers, and the loop's selects stay branch-free.
  typealias Lanes = SIMD4<Double>

  /// The (a, D) inside their bounds that minimise the SSE for regular sums (four nodes at a
  /// time), and that SSE.
  ///
  /// Why a closed form: with x̄ = Σx/n, ȳ = Σy/n the SSE is
  /// `SSE_u + S·(a − a_u)² + n·(D − (ȳ − a·x̄))²`, where (a_u, D_u) is the unconstrained optimum
  /// and S = Σx² − n·x̄² > 0. For each a the best D is ȳ − a·x̄ clamped to D's bounds, which
  /// leaves a convex function of a alone. Its unconstrained minimiser is a_u when D_u is inside
  /// D's bounds, and otherwise (Σxy − D_b·Σx)/Σx², with D_b the bound D_u crosses (x > 0, so the
  /// crossing side is the side a_u lies on). A convex function of one variable is minimised over
  /// an interval by clamping its minimiser, so a* = clamp(that, a's bounds) and
  /// D* = clamp(ȳ − a*·x̄, D's bounds): the exact box optimum without a case analysis over the
  /// box's edges, in selects only, with one division (both candidates for a share the
  /// reciprocal of det·Σx²). Irregular lanes (``isRegular(x:xx:_:)`` false) come out as NaN or
  /// nonsense and must be replaced by ``edgeOptimum(_:_:_:)``.
  @inline(__always)
  static func boxOptimum(x: Lanes, xx: Lanes, xy: Lanes, _ c: Constants, _ box: Box) -> (a: Lanes, D: Lanes, sse: Lanes) {
    let det = xx * c.n - x * x
    let inverse = 1 / (det * xx)
    let aFree = (c.n * xy - x * c.y) * xx * inverse
    let dFree = (c.y - aFree * x) * c.nInverse
    let dBound = clamp(dFree, box.dLow, box.dHigh)
    let aEdge = (xy - dBound * x) * det * inverse
    let aTarget = aFree.replacing(with: aEdge, where: dBound .!= dFree)
    let a = clamp(aTarget, box.aLow, box.aHigh)
    let D = clamp((c.y - a * x) * c.nInverse, box.dLow, box.dHigh)
    // The quadratic of ``quadratic(_:_:_:_:)``, in the same order of operations.
    let curvature: Lanes = a * a * xx + 2 * a * D * x + c.n * D * D
    let q: Lanes = curvature - 2 * a * xy - 2 * D * c.y + c.yy
    return (a, D, q.replacing(with: 0, where: q .< 0))
  }

  /// `v` clamped to `low…high` per lane, by selects (the standard library's `clamped` calls
  /// generic `pointwiseMin`/`pointwiseMax` that are not inlined in this loop).
  @inline(__always)
  static func clamp(_ v: Lanes, _ low: Double, _ high: Double) -> Lanes {
    let raised = v.replacing(with: low, where: v .< low)
    return raised.replacing(with: high, where: raised .> high)
  }

  /// Whether the sums pin down `a` and `D` separately, per lane: x must vary across the
  /// observations (it does not at α = β = 0, where x = 1 and only a + D is determined).
  @inline(__always)
  static func isRegular(x: Lanes, xx: Lanes, _ c: Constants) -> SIMDMask<Lanes.MaskStorage> {
    xx * c.n - x * x .> 1e-14 * xx * c.n
  }

  /// The bounds of `a` and `D` as four plain numbers, for the vectorised lattice loop.
  struct Box {
    var aLow, aHigh, dLow, dHigh: Double

    init(_ bounds: ParameterBounds) {
      (aLow, aHigh, dLow, dHigh) = (bounds.a.lowerBound, bounds.a.upperBound, bounds.D.lowerBound, bounds.D.upperBound)
    }
  }

  /// The box optimum for sums that do not pin down a and D separately (``isRegular(x:xx:_:)`` is
  /// false): every a whose best D is feasible fits equally well, so the best of the box's four
  /// edges, in a fixed order (a low, a high, D low, D high; a later edge wins only when strictly
  /// better), so the choice among equals is deterministic.
  static func edgeOptimum(_ s: Sums, _ c: Constants, _ bounds: ParameterBounds) -> (a: Double, D: Double) {
    @inline(__always) func clamp(_ v: Double, _ r: ClosedRange<Double>) -> Double { min(max(v, r.lowerBound), r.upperBound) }
    var best = (a: bounds.a.lowerBound, D: clamp((c.y - bounds.a.lowerBound * s.x) / c.n, bounds.D))
    var bestSSE = sse(best.a, best.D, s, c)
    let aHigh = (a: bounds.a.upperBound, D: clamp((c.y - bounds.a.upperBound * s.x) / c.n, bounds.D))
    let aHighSSE = sse(aHigh.a, aHigh.D, s, c)
    if aHighSSE < bestSSE { (best, bestSSE) = (aHigh, aHighSSE) }
    if s.xx > 0 {
      let dLow = (a: clamp((s.xy - bounds.D.lowerBound * s.x) / s.xx, bounds.a), D: bounds.D.lowerBound)
      let dLowSSE = sse(dLow.a, dLow.D, s, c)
      if dLowSSE < bestSSE { (best, bestSSE) = (dLow, dLowSSE) }
      let dHigh = (a: clamp((s.xy - bounds.D.upperBound * s.x) / s.xx, bounds.a), D: bounds.D.upperBound)
      let dHighSSE = sse(dHigh.a, dHigh.D, s, c)
      if dHighSSE < bestSSE { (best, bestSSE) = (dHigh, dHighSSE) }
    }
    return best
  }

  /// The reduced objective on an α × β lattice spanning the bounds (numpy's `linspace`, as the
  /// paper grid uses, so a node here is a node of the grid with the same counts).
  ///
  /// Σx, Σx², Σxy at node (i, j) is Σ_(u,v) c_uv·P_u(i)·R_v(j) (with P = N^-α, R = T^-β, c the
  /// counts or the Y sums of each (N, T) pair). Folding the longer of the two factors into
  /// per-column tables once leaves, per node, a sum over the shorter one (4 sizes for the
  /// paper's grids): a dozen products per node, vectorised along the row.
  struct Lattice {
    let alphas: [Double]
    let betas: [Double]
    let constants: Constants
    let bounds: ParameterBounds
    /// Row length of the tables: β's nodes padded to whole ``Lanes`` (a padding column repeats
    /// the last β, so it stays finite).
    let stride: Int
    /// The number of terms per node: the shorter of the distinct sizes and token counts.
    let rank: Int
    /// Per-column tables, `rank` rows of `stride`: sums(i, j) = Σ_r coefficient_r(i)·table_r(j).
    let table: (x: [Double], xx: [Double], xy: [Double])
    /// Per-row coefficients, `alphas.count` rows of `rank`.
    let coefficient: (x: [Double], xx: [Double], xy: [Double])

    init(_ objective: ReducedObjective, counts: (alpha: Int, beta: Int)) {
      let problem = objective.problem
      (alphas, betas) = (ParameterGrid.linspace(objective.bounds.alpha, counts.alpha), ParameterGrid.linspace(objective.bounds.beta, counts.beta))
      (constants, bounds) = (objective.constants, objective.bounds)
      let (na, nb) = (alphas.count, betas.count)
      // The distinct sizes and token counts, and per pair the number of observations and the
      // sum of their Y.
      let sizes = Array(Set(problem.N)).sorted(), tokens = Array(Set(problem.T)).sorted()
      let (nu, nv) = (sizes.count, tokens.count)
      var pairCount = [Double](repeating: 0, count: nu * nv), pairY = pairCount
      for k in problem.Y.indices {
        let cell = sizes.firstIndex(of: problem.N[k])! * nv + tokens.firstIndex(of: problem.T[k])!
        pairCount[cell] += 1
        pairY[cell] += problem.Y[k]
      }
      stride = (nb + Lanes.scalarCount - 1) / Lanes.scalarCount * Lanes.scalarCount
      let logSizes = sizes.map { Double.log($0) }, logTokens = tokens.map { Double.log($0) }
      // The longer factor is folded: tokens for the paper's 4 × 7 grids, leaving 4 terms.
      let foldTokens = nu <= nv
      let terms = foldTokens ? nu : nv
      rank = terms
      // Per column (β) and per row (α): Σ over the folded factor of (count·p, count·p², ΣY·p)
      // for its powers p, or the powers themselves (p, p², p) for the factor not folded. Padding
      // columns repeat the last β.
      var tables = (x: [Double](repeating: 0, count: terms * stride), xx: [Double](repeating: 0, count: terms * stride),
                    xy: [Double](repeating: 0, count: terms * stride))
      var coefficients = (x: [Double](repeating: 0, count: terms * na), xx: [Double](repeating: 0, count: terms * na),
                          xy: [Double](repeating: 0, count: terms * na))
      var powers = [Double](repeating: 0, count: max(nu, nv))
      for j in 0..<stride {
        let beta = betas[min(j, nb - 1)]
        for v in 0..<nv { powers[v] = Double.exp(-beta * logTokens[v]) }
        for r in 0..<terms {
          var (x, xx, xy) = (powers[r], powers[r] * powers[r], powers[r])
          if foldTokens {
            (x, xx, xy) = (0, 0, 0)
            for v in 0..<nv {
              let (p, cell) = (powers[v], r * nv + v)
              (x, xx, xy) = (x + pairCount[cell] * p, xx + pairCount[cell] * p * p, xy + pairY[cell] * p)
            }
          }
          (tables.x[r * stride + j], tables.xx[r * stride + j], tables.xy[r * stride + j]) = (x, xx, xy)
        }
      }
      for i in 0..<na {
        let alpha = alphas[i]
        for u in 0..<nu { powers[u] = Double.exp(-alpha * logSizes[u]) }
        for r in 0..<terms {
          var (x, xx, xy) = (powers[r], powers[r] * powers[r], powers[r])
          if !foldTokens {
            (x, xx, xy) = (0, 0, 0)
            for u in 0..<nu {
              let (p, cell) = (powers[u], u * nv + r)
              (x, xx, xy) = (x + pairCount[cell] * p, xx + pairCount[cell] * p * p, xy + pairY[cell] * p)
            }
          }
          (coefficients.x[i * terms + r], coefficients.xx[i * terms + r], coefficients.xy[i * terms + r]) = (x, xx, xy)
        }
      }
      (table, coefficient) = (tables, coefficients)
    }

    /// The sums at node (i, j).
    func sums(_ i: Int, _ j: Int) -> Sums {
      var s = Sums()
      for r in 0..<rank {
        s.x += coefficient.x[i * rank + r] * table.x[r * stride + j]
        s.xx += coefficient.xx[i * rank + r] * table.xx[r * stride + j]
        s.xy += coefficient.xy[i * rank + r] * table.xy[r * stride + j]
      }
      return s
    }

    /// The box optimum at node (i, j), one node at a time (for the few nodes a search samples).
    func optimum(_ i: Int, _ j: Int) -> (a: Double, D: Double, sse: Double) {
      let s = sums(i, j)
      let lanes = (x: Lanes(repeating: s.x), xx: Lanes(repeating: s.xx), xy: Lanes(repeating: s.xy))
      guard ReducedObjective.isRegular(x: lanes.x, xx: lanes.xx, constants)[0] else {
        let edge = edgeOptimum(s, constants, bounds)
        return (edge.a, edge.D, sse(edge.a, edge.D, s, constants))
      }
      let best = boxOptimum(x: lanes.x, xx: lanes.xx, xy: lanes.xy, constants, Box(bounds))
      return (best.a[0], best.D[0], best.sse[0])
    }

    /// How far above `threshold` the unconstrained optimum of a node may be computed and still
    /// be evaluated: rounding of the sums is far below 1e-10 of Σy², so no node whose box optimum
    /// is at or below `threshold` is ever screened out.
    var screeningMargin: Double { 1e-10 * constants.yy }

    /// One α row of the lattice: the box-optimal SSE and (a, D) at each β node, in buffers that
    /// stay valid for the next two rows and never after `forEachRow` returns (three rotate, so a
    /// caller can compare a row with its neighbours and a fit never holds the 10⁴ nodes).
    struct Row {
      var sse: UnsafeBufferPointer<Double>
      var a: UnsafeBufferPointer<Double>
      var D: UnsafeBufferPointer<Double>
      /// Whether any node passed the screen (otherwise every SSE is `+∞`).
      var evaluated: Bool
    }

    /// The lattice one α row at a time: `body(i, row)` gets row i.
    ///
    /// Nodes whose SSE cannot be at or below `threshold` report `+∞` (and an unspecified a, D)
    /// instead: the unconstrained optimum over (a, D), Σ(y − ȳ)² − S_xy²/S_xx with S the centred
    /// sums, is a lower bound of the box optimum, and testing it costs a few products and no
    /// division, against twice the operations for the box optimum. A lane group with no node
    /// that passes that screen skips the box optimum altogether.
    func forEachRow(
      threshold: Double = .infinity,
      _ body: (_ alpha: Int, _ row: Row) -> Void
    ) {
      let (na, nb) = (alphas.count, betas.count)
      let (constants, box, rank, stride) = (constants, Box(bounds), rank, stride)
      let yMean = constants.y * constants.nInverse
      let spread = constants.yy - constants.y * yMean
      // (Σ(y − ȳ)² − t)·S_xx ≤ S_xy² ⇔ the unconstrained SSE ≤ t, for S_xx > 0.
      let excess = threshold.isFinite ? spread - threshold - screeningMargin : -Double.infinity
      var rowSSE = [Double](repeating: 0, count: 3 * stride), rowA = rowSSE, rowD = rowSSE
      table.x.withUnsafeBytes { tableX in
        table.xx.withUnsafeBytes { tableXX in
          table.xy.withUnsafeBytes { tableXY in
            coefficient.x.withUnsafeBufferPointer { coefficientX in
              coefficient.xx.withUnsafeBufferPointer { coefficientXX in
                coefficient.xy.withUnsafeBufferPointer { coefficientXY in
                  rowSSE.withUnsafeMutableBufferPointer { rowSSE in
                    rowA.withUnsafeMutableBufferPointer { rowA in
                      rowD.withUnsafeMutableBufferPointer { rowD in
                        let (laneBytes, rowBytes) = (MemoryLayout<Lanes>.stride, stride * MemoryLayout<Double>.stride)
                        for i in 0..<na {
                          let first = i % 3 * stride
                          let sse = UnsafeMutableRawPointer(rowSSE.baseAddress! + first), fittedA = UnsafeMutableRawPointer(rowA.baseAddress! + first)
                          let fittedD = UnsafeMutableRawPointer(rowD.baseAddress! + first)
                          var evaluated = false
                          for lane in 0..<(stride / Lanes.scalarCount) {
                            // Wrapping index arithmetic (it cannot overflow here): the checked
                            // kind doubles this loop's instructions.
                            var (x, xx, xy) = (Lanes(), Lanes(), Lanes())
                            for r in 0..<rank {
                              let (offset, term) = (r &* rowBytes &+ lane &* laneBytes, i &* rank &+ r)
                              x += coefficientX[term] * tableX.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
                              xx += coefficientXX[term] * tableXX.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
                              xy += coefficientXY[term] * tableXY.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
                            }
                            let offset = lane &* laneBytes
                            // The screen, per lane: positive when the unconstrained SSE is above
                            // the threshold; irregular lanes are always evaluated.
                            let centredXY = xy - x * yMean
                            let regular = ReducedObjective.isRegular(x: x, xx: xx, constants)
                            let gap = (excess * (xx - x * x * constants.nInverse) - centredXY * centredXY).replacing(with: -1, where: .!regular)
                            if gap[0] > 0 && gap[1] > 0 && gap[2] > 0 && gap[3] > 0 {
                              sse.storeBytes(of: Lanes(repeating: .infinity), toByteOffset: offset, as: Lanes.self)
                              continue
                            }
                            let screened = gap .> 0
                            evaluated = true
                            let best = boxOptimum(x: x, xx: xx, xy: xy, constants, box)
                            sse.storeBytes(of: best.sse.replacing(with: .infinity, where: screened), toByteOffset: offset, as: Lanes.self)
                            fittedA.storeBytes(of: best.a, toByteOffset: offset, as: Lanes.self)
                            fittedD.storeBytes(of: best.D, toByteOffset: offset, as: Lanes.self)
                            // The rare nodes where x hardly varies (α = β = 0): the edges' search.
                            if all(regular) { continue }
                            for k in 0..<Lanes.scalarCount where !regular[k] {
                              let sums = Sums(x: x[k], xx: xx[k], xy: xy[k])
                              let edge = edgeOptimum(sums, constants, bounds)
                              let node = offset + k * MemoryLayout<Double>.stride
                              sse.storeBytes(of: ReducedObjective.sse(edge.a, edge.D, sums, constants), toByteOffset: node, as: Double.self)
                              fittedA.storeBytes(of: edge.a, toByteOffset: node, as: Double.self)
                              fittedD.storeBytes(of: edge.D, toByteOffset: node, as: Double.self)
                            }
                          }
                          let row = Row(
                            sse: UnsafeBufferPointer(rebasing: rowSSE[first..<first + nb]), a: UnsafeBufferPointer(rebasing: rowA[first..<first + nb]),
                            D: UnsafeBufferPointer(rebasing: rowD[first..<first + nb]), evaluated: evaluated)
                          body(i, row)
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }

    /// The best box-optimal SSE over a coarse sub-lattice of about `side` × `side` nodes (every
    /// row and column when the lattice is smaller): an SSE some node reaches, so every node at
    /// or below the lattice's minimum is at or below it.
    func coarseMinimum(side: Int = 10) -> Double {
      func sample(_ count: Int) -> [Int] {
        count <= side ? Array(0..<count) : (0..<side).map { $0 * (count - 1) / (side - 1) }
      }
      var best = Double.infinity
      for i in sample(alphas.count) {
        for j in sample(betas.count) { best = min(best, optimum(i, j).sse) }
      }
      return best
    }

    /// The nodes no worse than any of their 8 neighbours, best first (ties by position), at most
    /// `count`, as laws: the starts of the least-squares iteration.
    ///
    /// Only nodes at or below the best of a coarse sub-lattice (``coarseMinimum(side:)``) are
    /// evaluated, so only minima at or below it are found: among them the lattice's minimum, and
    /// any other basin that reaches as low. A node screened out is above every node it could be
    /// compared with, so it never decides whether a neighbour is a minimum.
    func minima(count: Int) -> [ScalingLaw] {
      let (na, nb) = (alphas.count, betas.count)
      let threshold = coarseMinimum()
      var minima: [(node: Int, sse: Double, law: ScalingLaw)] = []
      // The last three rows, as the lattice streams past (row i in slot i % 3); a row with no
      // node evaluated is all +∞ and is skipped.
      var recent = (Row?.none, Row?.none, Row?.none)
      func slot(_ i: Int) -> Row? {
        guard i >= 0 && i < na else { return nil }
        switch i % 3 {
        case 0: return recent.0
        case 1: return recent.1
        default: return recent.2
        }
      }
      func collect(row i: Int) {
        guard let row = slot(i) else { return }
        let (above, below) = (slot(i - 1), slot(i + 1))
        for j in 0..<nb where row.sse[j] <= threshold {
          let value = row.sse[j]
          var isMinimum = true
          for column in max(j - 1, 0)...min(j + 1, nb - 1) {
            if value > row.sse[column] || value > above?.sse[column] ?? .infinity || value > below?.sse[column] ?? .infinity {
              isMinimum = false
            }
          }
          if isMinimum {
            minima.append((i * nb + j, value, ScalingLaw(a: row.a[j], alpha: alphas[i], beta: betas[j], D: row.D[j])))
          }
        }
      }
      forEachRow(threshold: threshold) { i, row in
        let kept = row.evaluated ? row : nil
        switch i % 3 {
        case 0: recent.0 = kept
        case 1: recent.1 = kept
        default: recent.2 = kept
        }
        if i >= 1 { collect(row: i - 1) }
        if i == na - 1 { collect(row: i) }
      }
      // Stable order: by SSE, then lattice position, so ties never reorder.
      return minima.sorted { ($0.sse, $0.node) < ($1.sse, $1.node) }.prefix(count).map(\.law)
    }
  }

  /// The lattice nodes that are local minima of the reduced objective, best first, at most
  /// `count`, as laws (``Lattice/minima(count:)``).
  func bestLatticeMinima(_ counts: (alpha: Int, beta: Int), count: Int) -> [ScalingLaw] {
    Lattice(self, counts: counts).minima(count: count)
  }
}
