/// The fixed vocabulary the seed files refer to: suites with their metrics and ranges, compression
/// methods, LLM families. The seed CSVs hold numbers; this holds what the numbers are.
enum ReferenceData {
  /// LLM family of the scaling-law grids (paper-artifacts/PAPER.md §7).
  static let gridFamily = "Qwen-1.5"
  /// Compressor used for every scaling-law grid point.
  static let gridMethod = "TokenPacker"
  /// Table 1's backbone: LLaVA-1.5 with Vicuna-1.5-7B.
  static let table1Family = "Vicuna-1.5"
  static let table1ParamsBillion = 7.0
  /// Table 1's row label for the uncompressed baseline, stored as method `none`.
  static let table1BaselineLabel = "LLaVA-1.5"
  static let uncompressedMethod = "none"
  /// Metric of the averaged grids: accuracy as a fraction in [0, 1].
  static let averageAccuracy = "avg_accuracy"

  static let suites: [SuiteRecord] = [
    SuiteRecord(
      id: .visualReasoning, kind: .average, metric: averageAccuracy, maxValue: 1,
      description: "Average accuracy over 9 visual-reasoning benchmarks (MME, GQA, AI2D, MMBench, MMMU, "
        + "ScienceQA, MathVista, POPE, ChartQA): the grid the scaling law is fitted on."),
    SuiteRecord(
      id: .ocr, kind: .average, metric: averageAccuracy, maxValue: 1,
      description: "Average accuracy over the OCR / text-understanding benchmark family (benchmark list not "
        + "published)."),
    benchmark("GQA", "GQA: compositional question answering on real images, accuracy %."),
    benchmark("MMB", "MMBench: multiple-choice perception and reasoning, accuracy %."),
    SuiteRecord(
      id: SuiteID(rawValue: "MME"), kind: .benchmark, metric: "score", maxValue: BenchmarkScale.mmePerceptionMaxScore,
      description: "MME-Perception: yes/no questions over 10 perception subtasks, a score out of 2000 (as LLaVA-1.5 reports it)."),
    benchmark("POPE", "POPE: object-hallucination probing, accuracy %."),
    benchmark("SQA", "ScienceQA (image subset), accuracy %."),
    benchmark("TextVQA", "TextVQA: questions about text in images, accuracy %."),
    benchmark("VizWiz", "VizWiz: questions from blind users' photos, accuracy %."),
    benchmark("VQAv2", "VQAv2: open-ended visual question answering, accuracy %."),
  ]

  static let compressionMethods: [CompressionMethodRecord] = [
    CompressionMethodRecord(
      id: uncompressedMethod,
      description: "No compression: the LLaVA-1.5 baseline sees all 576 CLIP ViT-L/14-336 tokens."),
    CompressionMethodRecord(
      id: "TokenPacker",
      description: "TokenPacker: queries from bilinear downsampling of the visual features (no text), a single "
        + "Linear; the compressor of the scaling-law grids."),
    CompressionMethodRecord(
      id: "QueCC",
      description: "QueCC (this paper): query-based convolutional cross-attention, text-conditioned, each region "
        + "query attends to its own window."),
    CompressionMethodRecord(
      id: "PruMerge",
      description: "LLaVA-PruMerge: adaptive pruning and merging; the token count varies per image (~32)."),
    CompressionMethodRecord(
      id: "Matryoshka Multimodal",
      description: "Matryoshka Multimodal Models: nested coarse-to-fine visual token sets."),
    CompressionMethodRecord(
      id: "Matryoshka Query",
      description: "Matryoshka Query Transformer: a query transformer trained with a variable number of queries."),
  ] + miniatureCompressionMethods

  /// The miniature replication's compressors (docs/miniature-vlm.md §2), ids `mini-<kind>`: small
  /// analogues of the paper's, trained with our miniature VLMs, never to be read as the paper's.
  static let miniatureCompressionMethods: [CompressionMethodRecord] = [
    CompressionMethodRecord(id: "mini-pool", description: "Miniature replication: average pooling of the 12×12 patch grid to V regions."),
    CompressionMethodRecord(
      id: "mini-tokenpacker",
      description: "Miniature replication: TokenPacker-style region cross-attention from downsampled queries."),
    CompressionMethodRecord(
      id: "mini-prumerge",
      description: "Miniature replication: PruMerge-style, keep the most attended patches and merge the rest into them."),
    CompressionMethodRecord(
      id: "mini-quecc",
      description: "Miniature replication: QueCC, the question's embedding added before a depth-wise convolutional "
        + "downsampling, then region cross-attention."),
  ]

  private static func benchmark(_ id: String, _ description: String) -> SuiteRecord {
    SuiteRecord(
      id: SuiteID(rawValue: id), kind: .benchmark, metric: "accuracy_percent", maxValue: 100,
      description: description)
  }
}

/// Scales of benchmark scores that are not percentages, defined once for the database's ranges
/// and every reader that rescales them.
public enum BenchmarkScale {
  /// MME as Table 1 reports it is the MME-Perception score: 10 subtasks of up to 200 points,
  /// maximum 2000 — LLaVA-1.5's 1510.7 is its MME-P score (papers that list both put it under
  /// MME-P, beside a separate total out of 2800 that adds the 4 cognition subtasks).
  public static let mmePerceptionMaxScore = 2000.0
}
