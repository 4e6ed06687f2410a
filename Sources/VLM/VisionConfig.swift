/// Shape of a CLIP-style ViT vision tower (CLIP ViT-L/14-336: side 336, patch 14, width 1024,
/// 16 heads, depth 24).
///
/// LLaVA reads the *penultimate* block's output (`hidden_states[depth − 1]`) and QueCC also reads
/// `hidden_states[12, 16, 22, 23]` of CLIP's 24 blocks: the same relative depths here are
/// `depth/2, 2·depth/3, depth − 2, depth − 1`. The last block's output is never read, so this
/// engine neither stores nor runs it: the tower has `depth − 1` blocks.
public struct VisionConfig: Sendable, Equatable, Codable {
  public var imageSide: Int
  public var patchSide: Int
  public var width: Int
  public var heads: Int
  /// Blocks of the original tower, counting the unused last one.
  public var depth: Int
  public var mlpWidth: Int

  public init(imageSide: Int, patchSide: Int, width: Int, heads: Int, depth: Int, mlpWidth: Int) {
    self.imageSide = imageSide
    self.patchSide = patchSide
    self.width = width
    self.heads = heads
    self.depth = depth
    self.mlpWidth = mlpWidth
  }

  /// Patches per side of the grid (24 at full size).
  public var gridSide: Int { imageSide / patchSide }
  /// Visual tokens before compression (576 at full size).
  public var patchCount: Int { gridSide * gridSide }
  /// Patches plus the class token.
  public var sequenceLength: Int { patchCount + 1 }
  /// Blocks actually run.
  public var computedBlocks: Int { depth - 1 }
  /// `hidden_states` index of the features LLaVA projects (the penultimate block).
  public var featureLayer: Int { depth - 1 }
  /// `hidden_states` indices QueCC concatenates as keys and values.
  public var multiLevelLayers: [Int] { [depth / 2, 2 * depth / 3, depth - 2, depth - 1] }
  /// Values per patch: 3 channels × patch side².
  public var patchValues: Int { 3 * patchSide * patchSide }
}
