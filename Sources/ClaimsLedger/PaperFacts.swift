import Notebook

/// What the paper (and its authors' code) states, as numbers: the reference every claim is
/// checked against. Sources: paper-artifacts/PAPER.md §2–§5.
public enum PaperFacts {
  /// The published visual-reasoning exponents (Figure 1's legend, typed in by hand).
  public static let alpha = 0.077
  public static let beta = 0.015
  /// The LLM sizes (billions) the paper fits the law on (registered once, with the figures).
  public static let fitSizes: [Double] = Experiment.paperFitSizes
  /// The held-out size of Figure 2, whose measurements were not published.
  public static let extrapolatedSize = 14.0
  /// The visual tokens of uncompressed CLIP ViT-L/14-336 (the "no compression" setting).
  public static let uncompressedTokens = 576.0
  /// The V the authors' plotting code draws the Q = 50 frontier at.
  public static let codeFrontierVAtQ50 = 14.0
  /// The LLM sizes the authors draw the compute-optimal frontier over.
  public static let frontierN: ClosedRange<Double> = 0.3...20
  /// The text-token counts of Figure 1's two panels.
  public static let figure1Q: [Double] = [0, 50]
}
