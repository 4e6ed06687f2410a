import Foundation
import VectorKernels

/// Multi-head scaled dot-product attention, `softmax(q·kᵀ/√d_head) · v` per head.
///
/// Heads are column blocks of the `[tokens, width]` projections, multiplied in place through
/// BLAS leading dimensions (no reshapes or copies). FLOPs counted: `2·Tq·Tk·d_head` for the
/// scores and the same again for the weighted sum, per head — i.e. `4·Tq·Tk·width` in all. With a
/// causal mask the full `Tq × Tk` score block is still computed (then masked), so the count is
/// what the engine executes, not the causal half.
public enum Attention {
  /// - Parameters:
  ///   - queries: `[Tq, width]`.
  ///   - keys, values: at least `keyCount` rows of `[·, width]` (a KV cache may hold spare rows).
  ///   - causal: query `i` sits at position `keyCount − Tq + i` and sees keys `0...` that position.
  /// - Returns: `[Tq, width]`, the heads' outputs side by side.
  public static func multiHead(
    queries: Matrix, keys: Matrix, values: Matrix, keyCount: Int, heads: Int, causal: Bool, flops: inout Int
  ) -> Matrix {
    let width = queries.columns
    precondition(width % heads == 0 && keys.columns == width && values.columns == width, "attention widths")
    precondition(keyCount <= keys.rows && keyCount <= values.rows && (!causal || queries.rows <= keyCount), "attention key count")
    let queryCount = queries.rows
    var output = Matrix(zeros: queryCount, width)
    var scores = [Float](repeating: 0, count: queryCount * keyCount)
    queries.values.withUnsafeBufferPointer { q in
      keys.values.withUnsafeBufferPointer { k in
        values.values.withUnsafeBufferPointer { v in
          output.values.withUnsafeMutableBufferPointer { o in
            scores.withUnsafeMutableBufferPointer { s in
              multiHead(queries: q.baseAddress!, queryStride: width, keys: k.baseAddress!, keyStride: width,
                        values: v.baseAddress!, valueStride: width, queryCount: queryCount, keyCount: keyCount,
                        width: width, heads: heads, causal: causal, scores: s.baseAddress!,
                        output: o.baseAddress!, outputStride: width, flops: &flops)
            }
          }
        }
      }
    }
    return output
  }

  /// The same on raw row-major storage with row strides, so a batch kernel can read queries,
  /// keys and values side by side in one fused `[T, 3·width]` buffer and attend one sequence of
  /// a batch at a time. `scores` needs room for `queryCount · keyCount` values.
  public static func multiHead(
    queries q: UnsafePointer<Float>, queryStride: Int, keys k: UnsafePointer<Float>, keyStride: Int,
    values v: UnsafePointer<Float>, valueStride: Int, queryCount: Int, keyCount: Int, width: Int, heads: Int,
    causal: Bool, scores: UnsafeMutablePointer<Float>, output o: UnsafeMutablePointer<Float>, outputStride: Int,
    flops: inout Int
  ) {
    let headWidth = width / heads
    let scale = 1 / Float(headWidth).squareRoot()
    let s = UnsafeMutableBufferPointer(start: scores, count: queryCount * keyCount)
    for head in 0..<heads {
      let column = head * headWidth
      BLAS.gemm(transposeB: true, m: queryCount, n: keyCount, k: headWidth, alpha: scale,
                a: q + column, lda: queryStride, b: k + column, ldb: keyStride,
                c: scores, ldc: keyCount, flops: &flops)
      softmaxRows(s, rows: queryCount, columns: keyCount, causal: causal)
      BLAS.gemm(transposeB: false, m: queryCount, n: headWidth, k: keyCount, alpha: 1,
                a: scores, lda: keyCount, b: v + column, ldb: valueStride,
                c: o + column, ldc: outputStride, flops: &flops)
    }
  }

  /// Row-wise softmax in place; with `causal`, row `i` keeps columns `0...(columns − rows + i)`
  /// and the rest become exact zeros.
  static func softmaxRows(_ s: UnsafeMutableBufferPointer<Float>, rows: Int, columns: Int, causal: Bool) {
    nonisolated(unsafe) let s = s
    forEachChunk(rows, minimumChunk: max(1, 32_768 / max(columns, 1))) { range in
      for r in range {
        let visible = causal ? columns - rows + r + 1 : columns
        let row = UnsafeMutableBufferPointer(rebasing: s[(r * columns)..<((r + 1) * columns)])
        softmax(UnsafeMutableBufferPointer(rebasing: row[0..<visible]))
        for c in visible..<columns { row[c] = 0 }
      }
    }
  }

  /// Numerically stable softmax of one vector, in place (`exp(x − max) / Σ`, in `VectorKernels`).
  @inline(__always)
  public static func softmax(_ x: UnsafeMutableBufferPointer<Float>) {
    guard let base = x.baseAddress else { return }
    vk_softmax(base, x.count)
  }
}
