import Foundation
import InferenceEngine

@testable import InferenceCost

/// A scratch project root, removed afterwards.
func withTemporaryRoot<T>(_ body: (URL) throws -> T) throws -> T {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent("inference-cost-\(UUID())", isDirectory: true)
  try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: root) }
  return try body(root)
}

/// Measurements that follow `seconds(x)` exactly, for two models over a small V × Q grid.
func syntheticMeasurements(seconds: (Double) -> Double) -> [SweepMeasurement] {
  var measurements: [SweepMeasurement] = []
  for (model, N) in [("small", 1_000_000), ("large", 8_000_000)] {
    for Q in [0, 50] {
      for V in [1, 16, 144, 576] {
        let paper = 2 * Double(N) * Double(Q + V)
        let prefill = seconds(paper)
        measurements.append(SweepMeasurement(model: model, N: N, V: V, Q: Q, costs: [
          .visionEncoder: ComponentCost(flops: 1_000_000_000, seconds: 0.1),
          .questionPass: ComponentCost(flops: 2 * N * Q, seconds: Q == 0 ? 0 : seconds(2 * Double(N * Q))),
          .compressor: ComponentCost(flops: 10_000_000, seconds: 0.01),
          .prefill: ComponentCost(flops: Int(paper * 1.1), seconds: prefill),
          .decode: ComponentCost(flops: 3 * 2 * N, seconds: 3 * 0.002 * Double(N) / 1e6),
        ]))
      }
    }
  }
  return measurements
}
