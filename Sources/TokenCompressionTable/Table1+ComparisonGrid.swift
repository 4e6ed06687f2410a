import ResultsStore

extension Table1 {
  /// A compressor comparison measured on a grid of models (several compressors at each LLM size
  /// and token count, one averaged accuracy each) as Table 1's entries: one column per LLM size,
  /// in percent, so the table, its bars and its best counts are the paper table's own code.
  ///
  /// A column here is an (LLM family, size) pair where the paper's is a benchmark: both are "one
  /// comparison of the compressors", which is what the best count counts.
  public static func entries(comparing measured: [MeasuredResult]) -> [Table1Entry] {
    let results = measured.filter(\.isAverageAccuracy)
    let columns = Set(results.map { Column(family: $0.family, N: $0.N) })
    let oneFamily = Set(columns.map(\.family)).count == 1
    return results.sorted { ($0.method, $0.V, $0.N) < ($1.method, $1.V, $1.N) }.map { result in
      Table1Entry(
        method: result.method, tokens: result.V, benchmark: Column(family: result.family, N: result.N).id(unique: oneFamily),
        metric: "accuracy_percent", value: percent(result.value))
    }
  }

  /// A fraction in percent, rounded to 10⁻⁶ points: an accuracy over a few thousand questions is
  /// a multiple of far more than that, and ×100 alone prints 67.60000000000001.
  static func percent(_ fraction: Double) -> Double {
    (fraction * 1e8).rounded() / 1e6
  }

  private struct Column: Hashable {
    var family: String
    var N: Double

    /// `N = 25.4k` (parameters), prefixed by the family when columns come from several.
    func id(unique: Bool) -> SuiteID {
      let parameters = N * 1e9
      let size = parameters >= 1e9 ? "\(Self.digits(N))B" : parameters >= 1e6 ? "\(Self.digits(parameters / 1e6))M" : "\(Self.digits(parameters / 1e3))k"
      return SuiteID(rawValue: (unique ? "" : "\(family) ") + "N = \(size)")
    }

    /// Three significant digits, without a trailing `.0`.
    static func digits(_ value: Double) -> String {
      let text = value >= 100 ? String(Int(value.rounded())) : String(format: value >= 10 ? "%.1f" : "%.2f", value)
      return text.contains(".") ? String(text.reversed().drop { $0 == "0" }.drop { $0 == "." }.reversed()) : text
    }
  }
}
