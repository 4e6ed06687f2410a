import Foundation
import Testing
@testable import VLM

@Suite("Matrix products and attention")
struct BLASAndAttentionTests {
  @Test func gemmMatchesNaiveProductAndCountsFLOPs() {
    let a = Tiny.matrix(rows: 7, columns: 5, seed: 1)
    let b = Tiny.matrix(rows: 3, columns: 5, seed: 2)
    var flops = 0
    let c = BLAS.multiply(a, transposing: b, flops: &flops)
    #expect(flops == 2 * 7 * 3 * 5)
    var naive = [Float]()
    for i in 0..<7 { for j in 0..<3 { naive.append((0..<5).reduce(Float(0)) { $0 + a[i, $1] * b[j, $1] }) } }
    #expect(maxAbsoluteDifference(c.values, naive) < 1e-5)
  }

  /// Attention written the textbook way, in Double, one query and one head at a time.
  static func naiveAttention(_ q: Matrix, _ k: Matrix, _ v: Matrix, keyCount: Int, heads: Int, causal: Bool) -> [Float] {
    let width = q.columns
    let headWidth = width / heads
    var out = [Float](repeating: 0, count: q.rows * width)
    for i in 0..<q.rows {
      let visible = causal ? keyCount - q.rows + i + 1 : keyCount
      for h in 0..<heads {
        let columns = (h * headWidth)..<((h + 1) * headWidth)
        let scores = (0..<visible).map { j in
          columns.reduce(0.0) { $0 + Double(q[i, $1]) * Double(k[j, $1]) } / Double(headWidth).squareRoot()
        }
        let top = scores.max()!
        let weights = scores.map { exp($0 - top) }
        let total = weights.reduce(0, +)
        for c in columns {
          out[i * width + c] = Float((0..<visible).reduce(0.0) { $0 + weights[$1] / total * Double(v[$1, c]) })
        }
      }
    }
    return out
  }

  @Test(arguments: [false, true])
  func multiHeadAttentionEqualsNaiveReference(causal: Bool) {
    let q = Tiny.matrix(rows: 4, columns: 12, seed: 3)
    // Keys and values have spare rows (as in a KV cache); only the first 6 count.
    let k = Tiny.matrix(rows: 9, columns: 12, seed: 4)
    let v = Tiny.matrix(rows: 9, columns: 12, seed: 5)
    var flops = 0
    let fast = Attention.multiHead(queries: q, keys: k, values: v, keyCount: 6, heads: 3, causal: causal, flops: &flops)
    #expect(maxAbsoluteDifference(fast.values, Self.naiveAttention(q, k, v, keyCount: 6, heads: 3, causal: causal)) < 1e-5)
    #expect(flops == 4 * 4 * 6 * 12)
  }

  @Test func rotaryPositionsMakeScoresDependOnDistanceOnly() {
    let rotary = RotaryEmbedding(headWidth: 8, theta: 10_000)
    let base = Tiny.matrix(rows: 2, columns: 8, seed: 6)
    func score(queryAt p: Int, keyAt r: Int) -> Float {
      var q = base.rows(0..<1)
      var k = base.rows(1..<2)
      rotary.apply(&q, startPosition: p)
      rotary.apply(&k, startPosition: r)
      return zip(q.values, k.values).reduce(0) { $0 + $1.0 * $1.1 }
    }
    #expect(abs(score(queryAt: 5, keyAt: 2) - score(queryAt: 13, keyAt: 10)) < 1e-4)
    #expect(abs(score(queryAt: 5, keyAt: 2) - score(queryAt: 5, keyAt: 4)) > 1e-3)
  }

  @Test func normsMatchTheirDefinitions() throws {
    let x = Matrix(rows: 1, columns: 4, values: [1, 2, 3, 6])
    let layerNorm = try LayerNorm(Tiny.weights(LayerNorm.parameters(width: 4)), width: 4, epsilon: 0)
    let standardized = layerNorm(x).values
    #expect(abs(standardized.reduce(0, +)) < 1e-5)
    #expect(abs(standardized.map { $0 * $0 }.reduce(0, +) / 4 - 1) < 1e-5)
    let rmsNorm = try RMSNorm(Tiny.weights(RMSNorm.parameters(width: 4)), width: 4, epsilon: 0)
    let rms = (50 / Float(4)).squareRoot()
    #expect(maxAbsoluteDifference(rmsNorm(x).values, x.values.map { $0 / rms }) < 1e-6)
  }

  @Test func activationsMatchTheirDefinitions() {
    var x = Matrix(rows: 1, columns: 3, values: [-1, 0, 2])
    Activation.gelu.apply(&x)
    #expect(maxAbsoluteDifference(x.values, [-0.158_655_25, 0, 1.954_499_7]) < 1e-6)
    var y = Matrix(rows: 1, columns: 1, values: [2])
    Activation.silu.apply(&y)
    #expect(abs(y.values[0] - 2 / (1 + exp(-2))) < 1e-6)
  }
}

@Suite("Vectorised exp")
struct VectorMathTests {
  @Test func matchesFoundationExpToAFewULP() {
    var worst: Float = 0
    for i in 0..<701 {
      let x = -87 + Float(i) * 0.25  // −87 … 88
      var lanes = [Float](repeating: x, count: 19)  // one full 16-wide block and a zero-padded partial one
      let sum = lanes.withUnsafeMutableBufferPointer { VectorMath.exponentiate($0, subtracting: 0) }
      let exact = Foundation.exp(Double(x))
      worst = max(worst, Float(abs(Double(lanes[0]) - exact) / exact))
      #expect(lanes.allSatisfy { $0 == lanes[0] }, "full and partial blocks agree to the bit")
      if 19 * exact < Double(Float.greatestFiniteMagnitude) {
        #expect(abs(Double(sum) - 19 * exact) / (19 * exact) < 1e-5)
      }
    }
    #expect(worst < 4e-7)
  }

  @Test func sigmoidGateIsSiLU() {
    var values: [Float] = [-20, -1, 0, 0.5, 3, 10, 40, -3, 2]
    let expected = values.map { $0 / (1 + Foundation.exp(-$0)) }
    values.withUnsafeMutableBufferPointer { VectorMath.sigmoidGate($0, slope: 1) }
    for (a, b) in zip(values, expected) { #expect(abs(a - b) <= 1e-6 * max(1, abs(b))) }
  }
}

@Suite("Degenerate products")
struct DegenerateProductTests {
  @Test func emptyDimensionsGiveZerosWithoutCallingBLAS() {
    var flops = 0
    #expect(BLAS.multiply(Matrix(zeros: 0, 4), transposing: Matrix(zeros: 3, 4), flops: &flops) == Matrix(zeros: 0, 3))
    #expect(BLAS.multiply(Matrix(zeros: 2, 0), transposing: Matrix(zeros: 3, 0), flops: &flops) == Matrix(zeros: 2, 3))
    #expect(flops == 0)
  }
}

@Suite("Single-row products")
struct SingleRowProductTests {
  /// Decoding multiplies one row; the matrix–vector path must agree with the general product.
  @Test(arguments: [false, true])
  func oneRowMatchesNaiveProduct(transposeB: Bool) {
    let a = Tiny.matrix(rows: 1, columns: 6, seed: 20)
    let b = Tiny.matrix(rows: transposeB ? 5 : 6, columns: transposeB ? 6 : 5, seed: 21)
    var c = [Float](repeating: .nan, count: 5)
    var flops = 0
    a.values.withUnsafeBufferPointer { pa in
      b.values.withUnsafeBufferPointer { pb in
        c.withUnsafeMutableBufferPointer { pc in
          BLAS.gemm(transposeB: transposeB, m: 1, n: 5, k: 6, alpha: 2, a: pa.baseAddress!, lda: 6,
                    b: pb.baseAddress!, ldb: b.columns, c: pc.baseAddress!, ldc: 5, flops: &flops)
        }
      }
    }
    let naive = (0..<5).map { j in 2 * (0..<6).reduce(Float(0)) { $0 + a[0, $1] * (transposeB ? b[j, $1] : b[$1, j]) } }
    #expect(maxAbsoluteDifference(c, naive) < 1e-5)
    #expect(flops == 2 * 5 * 6)
  }
}
