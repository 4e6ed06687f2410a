import Foundation
import VLM

/// A PruMerge-style compressor (docs/miniature-vlm.md §2): keep the `V` patches a learned score
/// ranks highest, and merge every other patch into the kept patch it most resembles.
///
/// 1. score `σᵢ = Linear(w → 1)(patchᵢ)`;
/// 2. keep the `V` patches of highest score (ties: lower index first);
/// 3. assign every other patch to the kept patch of highest cosine similarity (ties: lower index);
/// 4. each kept token is `Σ_{j ∈ cluster} softmax_cluster(σ)_j · patch_j` (itself included);
/// 5. output in ascending order of the kept patch's index.
///
/// Unlike the grid compressors it keeps *which* patches matter rather than a fixed tiling, so
/// any `V` in `1…P` is possible. Selection and assignment are discrete: two implementations
/// agree exactly only away from ties, which is why the rules above fix every tie.
public struct PruMerge: Sendable {
  let score: Linear

  public init(_ weights: Weights, visionWidth: Int) throws(WeightsError) {
    score = try Linear(weights.scoped("score"), inputs: visionWidth, outputs: 1, bias: true)
  }

  public static func parameters(visionWidth: Int) -> [ParameterSpec] {
    Linear.parameters(inputs: visionWidth, outputs: 1, bias: true).scoped("score")
  }

  /// Which patches are kept, where every patch goes, and with what weight.
  public struct Plan: Sendable, Equatable {
    /// Every patch's score `σ`.
    public var scores: [Float]
    /// Indices of the kept patches, ascending (output token `t` is patch `kept[t]`'s cluster).
    public var kept: [Int]
    /// For every patch, the output token (index into `kept`) whose cluster it joins.
    public var cluster: [Int]
    /// For every patch, its softmax weight within its cluster (a cluster's weights sum to 1).
    public var weight: [Float]
  }

  /// The plan for `patches: [P, w]` and `tokens` kept patches (`1…P`). FLOPs: the score `2·P·w`
  /// and the similarities `2·P·V·w`.
  public func plan(_ patches: Matrix, tokens: Int, flops: inout Int) -> Plan {
    let count = patches.rows
    precondition((1...count).contains(tokens), "PruMerge keeps 1…\(count) patches, not \(tokens)")
    let scores = score(patches, flops: &flops).values
    let ranked = (0..<count).sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
    let kept = ranked.prefix(tokens).sorted()
    let keptRows = patches.gathering(rows: kept)
    let dots = BLAS.multiply(patches, transposing: keptRows, flops: &flops)  // [P, V]
    let norms = (0..<count).map { row in patches.row(row).reduce(Float(0)) { $0 + $1 * $1 }.squareRoot() }
    var cluster = [Int](repeating: 0, count: count)
    for (token, patch) in kept.enumerated() { cluster[patch] = token }
    let isKept = Set(kept)
    for patch in 0..<count where !isKept.contains(patch) {
      var best = 0
      var bestSimilarity = -Float.infinity
      for token in 0..<tokens {
        // Cosine similarity as the contract spells it, `p_i·p_k / (‖p_i‖ ‖p_k‖)`, no ε.
        let similarity = dots[patch, token] / (norms[patch] * norms[kept[token]])
        if similarity > bestSimilarity {
          best = token
          bestSimilarity = similarity
        }
      }
      cluster[patch] = best
    }
    var top = [Float](repeating: -.infinity, count: tokens)
    for patch in 0..<count { top[cluster[patch]] = max(top[cluster[patch]], scores[patch]) }
    var weight = (0..<count).map { exp(scores[$0] - top[cluster[$0]]) }
    var total = [Float](repeating: 0, count: tokens)
    for patch in 0..<count { total[cluster[patch]] += weight[patch] }
    for patch in 0..<count { weight[patch] /= total[cluster[patch]] }
    return Plan(scores: scores, kept: kept, cluster: cluster, weight: weight)
  }

  /// `[P, w]` patch features → `[tokens, w]` merged tokens (the merge is elementwise, not counted).
  public func callAsFunction(_ features: VisionFeatures, tokens: Int, flops: inout Int) -> Matrix {
    let patches = features.patches
    let plan = plan(patches, tokens: tokens, flops: &flops)
    var out = Matrix(zeros: tokens, patches.columns)
    for patch in 0..<patches.rows {
      let token = plan.cluster[patch], weight = plan.weight[patch]
      for c in 0..<patches.columns { out[token, c] += weight * patches[patch, c] }
    }
    return out
  }
}
