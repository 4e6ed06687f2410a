/// How every cell of a grid is optimised: the trainer's AdamW with warm-up and cosine decay
/// (Training/minivlm/train.py documents the schedule), a fixed number of training examples.
public struct TrainingRecipe: Hashable, Codable, Sendable {
  /// Training examples (questions) seen per cell, the same for every cell.
  public var examples: Int
  public var batchSize: Int
  public var learningRate: Double
  public var weightDecay: Double
  /// Heads of the compressor's region attention (vision width 64 → 16 per head).
  public var compressorHeads: Int = 4
  /// How checkpoints are stored; the engine computes in F32 either way.
  public var storageDType: String = "F16"

  public init(examples: Int, batchSize: Int, learningRate: Double, weightDecay: Double) {
    self.examples = examples
    self.batchSize = batchSize
    self.learningRate = learningRate
    self.weightDecay = weightDecay
  }
}
