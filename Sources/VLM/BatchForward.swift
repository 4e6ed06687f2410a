import Foundation

/// Linear layers on raw row-major buffers with row strides: the one primitive of the batch
/// forward passes, which move a whole batch through each layer as one `[rows, width]` block
/// (one GEMM per projection, no temporary matrix per operation).
enum BatchKernels {
  /// `output[r] ← input[r] · Wᵀ + b`, or `output[r] += input[r] · Wᵀ + b` with `accumulate`
  /// (a residual connection added in place). Counts `2·rows·inputs·outputs` FLOPs.
  static func linear(
    _ layer: Linear, rows: Int, input: UnsafePointer<Float>, inputStride: Int,
    output: UnsafeMutablePointer<Float>, outputStride: Int, accumulate: Bool, flops: inout Int
  ) {
    layer.weight.values.withUnsafeBufferPointer { w in
      BLAS.gemm(transposeB: true, m: rows, n: layer.outputs, k: layer.inputs, alpha: 1, a: input, lda: inputStride,
                b: w.baseAddress!, ldb: layer.inputs, beta: accumulate ? 1 : 0, c: output, ldc: outputStride, flops: &flops)
    }
    guard let bias = layer.bias else { return }
    bias.withUnsafeBufferPointer { b in
      for r in 0..<rows {
        let y = output + r * outputStride
        for c in 0..<b.count { y[c] += b[c] }
      }
    }
  }

  /// `rows` rows of `width` values moved from `source` to `destination` (regions may overlap).
  static func moveRow(_ source: UnsafePointer<Float>, to destination: UnsafeMutablePointer<Float>, width: Int) {
    memmove(destination, source, width * MemoryLayout<Float>.stride)
  }
}

extension LanguageModel {
  /// The final-normed hidden state at the **last position** of each sequence of a batch, `[B, width]`.
  ///
  /// `embeddings` stacks `B` sequences of equal length `T` (`[B·T, width]`, sequence `b` in rows
  /// `b·T ..< (b+1)·T`), each at positions `0..<T` with causal attention and no cache. Every
  /// projection runs as one GEMM over all `B·T` rows and attention runs per sequence, so a
  /// batch of small models costs a few large products instead of thousands of small ones. The
  /// last layer computes its attention output and MLP at the last positions only, the only rows
  /// anything reads. This is what classifying from one answer token needs (and QueCC's query
  /// embedding); it matches `hiddenStates` row for row up to rounding.
  public func lastHiddenStates(_ embeddings: Matrix, sequenceLength T: Int, flops: inout Int) -> Matrix {
    let d = config.width, f = config.mlpWidth
    precondition(T >= 1 && embeddings.rows % T == 0 && embeddings.columns == d, "a batch of \(T)-token sequences of width \(d)")
    let B = embeddings.rows / T, rows = B * T
    guard B > 0 else { return Matrix(zeros: 0, d) }
    var hidden = embeddings.values
    var normed = [Float](repeating: 0, count: rows * d)
    var qkv = [Float](repeating: 0, count: rows * 3 * d)
    var attended = [Float](repeating: 0, count: rows * d)
    var gate = [Float](repeating: 0, count: rows * f)
    var up = [Float](repeating: 0, count: rows * f)
    var scores = [Float](repeating: 0, count: T * T)
    let table = rotary.table(startPosition: 0, count: T)
    hidden.withUnsafeMutableBufferPointer { hb in
      normed.withUnsafeMutableBufferPointer { nb in
        qkv.withUnsafeMutableBufferPointer { qb in
          attended.withUnsafeMutableBufferPointer { ab in
            gate.withUnsafeMutableBufferPointer { gb in
              up.withUnsafeMutableBufferPointer { ub in
                scores.withUnsafeMutableBufferPointer { sb in
                  let h = hb.baseAddress!, n = nb.baseAddress!, qkv = qb.baseAddress!, a = ab.baseAddress!
                  let g = gb.baseAddress!, u = ub.baseAddress!
                  var active = rows
                  for (index, layer) in layers.enumerated() {
                    let isLast = index == layers.count - 1
                    layer.inputNorm.normalize(rows: rows, input: h, output: n)
                    for (part, projection) in [layer.query, layer.key, layer.value].enumerated() {
                      BatchKernels.linear(projection, rows: rows, input: n, inputStride: d, output: qkv + part * d,
                                          outputStride: 3 * d, accumulate: false, flops: &flops)
                    }
                    // Queries and keys are head-aligned column blocks side by side: one pass rotates both.
                    rotary.apply(to: qkv, rows: rows, rowStride: 3 * d, width: 2 * d, table: table) { $0 % T }
                    let queries = isLast ? 1 : T
                    for b in 0..<B {
                      let sequence = qkv + b * T * 3 * d
                      Attention.multiHead(
                        queries: sequence + (T - queries) * 3 * d, queryStride: 3 * d, keys: sequence + d, keyStride: 3 * d,
                        values: sequence + 2 * d, valueStride: 3 * d, queryCount: queries, keyCount: T, width: d,
                        heads: layer.heads, causal: true, scores: sb.baseAddress!, output: a + b * queries * d,
                        outputStride: d, flops: &flops)
                    }
                    if isLast {
                      for b in 0..<B { BatchKernels.moveRow(h + (b * T + T - 1) * d, to: h + b * d, width: d) }
                      active = B
                    }
                    BatchKernels.linear(layer.output, rows: active, input: a, inputStride: d, output: h, outputStride: d,
                                        accumulate: true, flops: &flops)
                    layer.postAttentionNorm.normalize(rows: active, input: h, output: n)
                    BatchKernels.linear(layer.gate, rows: active, input: n, inputStride: d, output: g, outputStride: f,
                                        accumulate: false, flops: &flops)
                    BatchKernels.linear(layer.up, rows: active, input: n, inputStride: d, output: u, outputStride: f,
                                        accumulate: false, flops: &flops)
                    Activation.silu.apply(to: UnsafeMutableBufferPointer(start: g, count: active * f))
                    for i in 0..<(active * f) { g[i] *= u[i] }
                    BatchKernels.linear(layer.down, rows: active, input: g, inputStride: f, output: h, outputStride: d,
                                        accumulate: true, flops: &flops)
                  }
                  if layers.isEmpty {
                    for b in 0..<B { BatchKernels.moveRow(h + (b * T + T - 1) * d, to: h + b * d, width: d) }
                  }
                  norm.normalize(rows: B, input: h, output: h)
                }
              }
            }
          }
        }
      }
    }
    hidden.removeLast(hidden.count - B * d)
    return Matrix(rows: B, columns: d, values: hidden)
  }

  /// Next-token logits for each row of `hidden` (final-normed states), `[rows, vocabulary]`.
  public func logits(_ hidden: Matrix, flops: inout Int) -> Matrix {
    head(hidden, flops: &flops)
  }
}

extension VisionEncoder {
  /// Encodes a batch of images at once: every projection is one GEMM over all images' tokens,
  /// attention runs per image. FLOPs per image as for one image.
  public func features(_ images: [Image], flops: inout Int) -> [VisionFeatures] {
    let P = config.patchCount, T = config.sequenceLength, w = config.width, m = config.mlpWidth
    let count = images.count, rows = count * T
    guard count > 0 else { return [] }
    precondition(images.allSatisfy { $0.side == config.imageSide }, "the vision tower takes \(config.imageSide)-pixel images")
    let unfolded = Matrix.stacking(images.map(unfoldPatches))
    let patchEmbeddings = BLAS.multiply(unfolded, transposing: patchEmbedding, flops: &flops)
    var hidden = [Float](repeating: 0, count: rows * w)
    for image in 0..<count {
      for token in 0..<T {
        let source = token == 0 ? classEmbedding[...] : patchEmbeddings.row(image * P + token - 1)
        let position = positionEmbedding.row(token)
        for (c, (value, shift)) in zip(source, position).enumerated() { hidden[(image * T + token) * w + c] = value + shift }
      }
    }
    let levels = config.multiLevelLayers
    var multiLevel = [[Float]](repeating: [Float](repeating: 0, count: P * levels.count * w), count: count)
    var patches = [[Float]](repeating: [], count: count)
    var normed = [Float](repeating: 0, count: rows * w)
    var qkv = [Float](repeating: 0, count: rows * 3 * w)
    var attended = [Float](repeating: 0, count: rows * w)
    var mlp = [Float](repeating: 0, count: rows * m)
    var scores = [Float](repeating: 0, count: T * T)
    hidden.withUnsafeMutableBufferPointer { hb in
      normed.withUnsafeMutableBufferPointer { nb in
        qkv.withUnsafeMutableBufferPointer { qb in
          attended.withUnsafeMutableBufferPointer { ab in
            mlp.withUnsafeMutableBufferPointer { mb in
              scores.withUnsafeMutableBufferPointer { sb in
                let h = hb.baseAddress!, n = nb.baseAddress!, qkv = qb.baseAddress!, a = ab.baseAddress!, x = mb.baseAddress!
                preNorm.normalize(rows: rows, input: h, output: h)
                for (index, block) in blocks.enumerated() {
                  block.norm1.normalize(rows: rows, input: h, output: n)
                  for (part, projection) in [block.query, block.key, block.value].enumerated() {
                    BatchKernels.linear(projection, rows: rows, input: n, inputStride: w, output: qkv + part * w,
                                        outputStride: 3 * w, accumulate: false, flops: &flops)
                  }
                  for image in 0..<count {
                    let sequence = qkv + image * T * 3 * w
                    Attention.multiHead(
                      queries: sequence, queryStride: 3 * w, keys: sequence + w, keyStride: 3 * w, values: sequence + 2 * w,
                      valueStride: 3 * w, queryCount: T, keyCount: T, width: w, heads: block.heads, causal: false,
                      scores: sb.baseAddress!, output: a + image * T * w, outputStride: w, flops: &flops)
                  }
                  BatchKernels.linear(block.output, rows: rows, input: a, inputStride: w, output: h, outputStride: w,
                                      accumulate: true, flops: &flops)
                  block.norm2.normalize(rows: rows, input: h, output: n)
                  BatchKernels.linear(block.fc1, rows: rows, input: n, inputStride: w, output: x, outputStride: m,
                                      accumulate: false, flops: &flops)
                  Activation.quickGELU.apply(to: UnsafeMutableBufferPointer(start: x, count: rows * m))
                  BatchKernels.linear(block.fc2, rows: rows, input: x, inputStride: m, output: h, outputStride: w,
                                      accumulate: true, flops: &flops)
                  // hidden_states[index + 1]: keep the patch rows (class token dropped) the compressors read.
                  let layer = index + 1
                  for image in 0..<count {
                    let tokens = UnsafeBufferPointer(start: h + (image * T + 1) * w, count: P * w)
                    if layer == config.featureLayer { patches[image] = Array(tokens) }
                    for (slot, level) in levels.enumerated() where level == layer {
                      multiLevel[image].withUnsafeMutableBufferPointer { multi in
                        for patch in 0..<P {
                          (multi.baseAddress! + (patch * levels.count + slot) * w)
                            .update(from: tokens.baseAddress! + patch * w, count: w)
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
    return (0..<count).map { image in
      VisionFeatures(patches: Matrix(rows: P, columns: w, values: patches[image]),
                     multiLevel: Matrix(rows: P, columns: levels.count * w, values: multiLevel[image]), gridSide: config.gridSide)
    }
  }
}
