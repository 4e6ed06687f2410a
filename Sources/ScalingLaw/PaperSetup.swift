/// The token counts of the paper's setup, written once (paper-artifacts/PAPER.md §1, §4, §7):
/// every figure, claim and the inference-cost sweep read them from here.
public enum PaperSetup {
  /// Visual tokens of CLIP ViT-L/14 at 336 px, uncompressed.
  public static let uncompressedVisualTokens = 576.0
  /// The visual-token counts a compressor can produce: 1 up to the uncompressed 576.
  public static let visualTokenRange: ClosedRange<Double> = 1...uncompressedVisualTokens
  /// The V values of the scaling-law grids (TokenPacker compression of the 576 tokens).
  public static let gridVisualTokens: [Double] = [1, 4, 16, 36, 64, 144, 576]
  /// Figure 1's two text-token settings: Q = 0 (text cached) and a 50-token question.
  public static let figure1TextTokens: [Double] = [0, questionTextTokens]
  /// The question length of Figure 1b, Q = 50, at which summaries report the optimal V.
  public static let questionTextTokens = 50.0
  /// The grid's 36-token setting (16× compression): the mildest compression the paper still
  /// calls "few" visual tokens. Checks of "slightly more than one token" stop here.
  public static let fewVisualTokens = 36.0
  /// The token budgets of Table 1's blocks, in the paper's order.
  public static let table1Budgets = [36, 16, 4, 1]
}
