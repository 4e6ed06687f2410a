import VLM

/// The simplest compressor: the mean of each `s × s` region of the patch features. No parameters,
/// and averaging is not counted as FLOPs.
public enum AveragePooling {
  public static func compress(_ features: VisionFeatures, grid: CompressionGrid) -> Matrix {
    let x = features.patches
    var out = Matrix(zeros: grid.tokenCount, x.columns)
    let scale = 1 / Float(grid.regionSize)
    for region in 0..<grid.tokenCount {
      for patch in grid.patchIndices(region: region) {
        for c in 0..<x.columns { out[region, c] += x[patch, c] * scale }
      }
    }
    return out
  }
}
