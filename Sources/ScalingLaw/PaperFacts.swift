/// What the paper (and its authors' code) states, as numbers: the reference every claim is
/// checked against. Sources: paper-artifacts/PAPER.md §2–§5. Settings the figures use (fit
/// sizes, Q, the frontier's N range) are not facts here: they are the figures' registrations.
public enum PaperFacts {
  /// The published visual-reasoning exponents (Figure 1's legend, typed in by hand).
  public static let alpha = 0.077
  public static let beta = 0.015
  /// The V the authors' plotting code draws the Q = 50 frontier at.
  public static let codeFrontierVAtQ50 = 14.0
}
