import Safetensors
import SeededRandom
import VLM

/// Width 16 (8 heads of 2), the full 24 × 24 grid, a 24-wide "LLM": small enough for debug builds,
/// real enough that every stride of the paper is exercised.
enum Tiny {
  static let visionWidth = 16
  static let textWidth = 24
  static let gridSide = 24
  static let patches = gridSide * gridSide

  static func weights(_ specs: [ParameterSpec], seed: UInt64 = 2) throws -> Weights {
    Weights(try SafetensorsFile(data: try SafetensorsWriter.encode(WeightSynthesis.entries(specs, seed: seed, dtype: .f32))))
  }

  static func matrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var generator = SplitMix64(seed: seed)
    return Matrix(rows: rows, columns: columns, values: (0..<(rows * columns)).map { _ in Float(2 * generator.nextUnitDouble() - 1) })
  }

  static func features(seed: UInt64) -> VisionFeatures {
    VisionFeatures(patches: matrix(rows: patches, columns: visionWidth, seed: seed),
                   multiLevel: matrix(rows: patches, columns: 4 * visionWidth, seed: seed + 1000), gridSide: gridSide)
  }

  static func vector(_ count: Int, seed: UInt64) -> [Float] {
    matrix(rows: 1, columns: count, seed: seed).values
  }
}

func maxAbsoluteDifference(_ a: [Float], _ b: [Float]) -> Float {
  precondition(a.count == b.count)
  return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
