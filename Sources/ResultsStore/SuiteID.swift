import GRDB

/// The name of an evaluation suite: one of the two averaged grids or one Table 1 benchmark.
///
/// A string wrapper rather than an enum because the suites are data (the `suite` table), and an
/// ingested seed file may name any suite the database knows.
public struct SuiteID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public var rawValue: String

  public init(rawValue: String) {
    self.rawValue = rawValue
  }

  /// Average accuracy over the 9 visual-reasoning benchmarks: the grid every scaling-law fit uses.
  public static let visualReasoning = SuiteID(rawValue: "visual-reasoning")
  /// Average accuracy over the OCR / text-understanding benchmarks (Figure 3b, Figure 4).
  public static let ocr = SuiteID(rawValue: "ocr")
  /// The miniature replication's reasoning grid: models trained here, evaluated by the bundled
  /// engine (`paper-artifacts/mini/results/mini-reasoning.csv`, written by `./repro all`).
  public static let miniReasoning = SuiteID(rawValue: "mini-reasoning")
  /// The same grid with the PruMerge-style compressor: the analog of the paper's Figure 5.
  public static let miniReasoningPruMerge = SuiteID(rawValue: "mini-reasoning-prumerge")
  /// The miniature compressor comparison (four compressors, two LM sizes, V = 1, 4, 16): the
  /// analog of Table 1.
  public static let miniCompressors = SuiteID(rawValue: "mini-compressors")
  /// The miniature replication's OCR grid (pooling; generator version 3): the analog of the
  /// paper's OCR grid (Figure 3b).
  public static let miniOCR = SuiteID(rawValue: "mini-ocr")
  /// The miniature compressor comparison on the OCR family (four compressors, the two smallest
  /// LM sizes, V = 1, 4, 16): Table 1's analog on the second family.
  public static let miniOCRCompressors = SuiteID(rawValue: "mini-ocr-compressors")

  public var description: String { rawValue }

  public static func < (lhs: SuiteID, rhs: SuiteID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Stored as its text in `suiteId` columns.
extension SuiteID: DatabaseValueConvertible {}
