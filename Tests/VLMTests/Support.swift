import Safetensors
import SeededRandom
import VLM

/// Tiny shapes that keep debug-build tests to milliseconds while exercising every code path.
enum Tiny {
  static let vision = VisionConfig(imageSide: 16, patchSide: 2, width: 16, heads: 2, depth: 4, mlpWidth: 32)
  static let language = LanguageModelConfig(vocabularySize: 256, width: 32, layers: 2, heads: 4, mlpWidth: 48)

  /// Synthetic weights for `specs`, through a real safetensors encode/decode.
  static func weights(_ specs: [ParameterSpec], seed: UInt64 = 1) throws -> Weights {
    let data = try SafetensorsWriter.encode(WeightSynthesis.entries(specs, seed: seed, dtype: .f32))
    return Weights(try SafetensorsFile(data: data))
  }

  static func matrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var generator = SplitMix64(seed: seed)
    return Matrix(rows: rows, columns: columns, values: (0..<(rows * columns)).map { _ in Float(2 * generator.nextUnitDouble() - 1) })
  }
}

func maxAbsoluteDifference(_ a: [Float], _ b: [Float]) -> Float {
  precondition(a.count == b.count)
  return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
