/// A dense row-major matrix of `Float`: the one tensor type of the engine.
///
/// Every activation in a transformer is a `[tokens, channels]` matrix, so two dimensions are all
/// the engine needs; higher-rank weights (a convolution kernel) are stored flattened, in the same
/// row-major order PyTorch and safetensors use. Shape mismatches between layers are programming
/// errors and stop with a precondition; bad *input* is rejected before it reaches a matrix.
public struct Matrix: Sendable, Equatable {
  public let rows: Int
  public let columns: Int
  /// `rows × columns` values, row after row.
  public var values: [Float]

  public init(rows: Int, columns: Int, values: [Float]) {
    precondition(rows >= 0 && columns >= 0 && values.count == rows * columns, "matrix \(rows)×\(columns) needs \(rows * columns) values, got \(values.count)")
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  /// A matrix of zeros.
  public init(zeros rows: Int, _ columns: Int) {
    self.init(rows: rows, columns: columns, values: [Float](repeating: 0, count: rows * columns))
  }

  public subscript(row: Int, column: Int) -> Float {
    get { values[row * columns + column] }
    set { values[row * columns + column] = newValue }
  }

  /// One row's values.
  public func row(_ index: Int) -> ArraySlice<Float> {
    values[(index * columns)..<((index + 1) * columns)]
  }

  /// The sub-matrix of the given rows.
  public func rows(_ range: Range<Int>) -> Matrix {
    Matrix(rows: range.count, columns: columns, values: Array(values[(range.lowerBound * columns)..<(range.upperBound * columns)]))
  }

  /// The rows at `indices`, in that order (a gather).
  public func gathering(rows indices: [Int]) -> Matrix {
    var out = [Float]()
    out.reserveCapacity(indices.count * columns)
    for index in indices { out.append(contentsOf: row(index)) }
    return Matrix(rows: indices.count, columns: columns, values: out)
  }

  /// `parts` stacked vertically (all with the same column count).
  public static func stacking(_ parts: [Matrix]) -> Matrix {
    let columns = parts.first?.columns ?? 0
    precondition(parts.allSatisfy { $0.columns == columns }, "stacked matrices need equal column counts")
    return Matrix(rows: parts.reduce(0) { $0 + $1.rows }, columns: columns, values: parts.flatMap(\.values))
  }

  /// `parts` side by side (all with the same row count): `[T, a] ++ [T, b] → [T, a + b]`.
  public static func concatenatingColumns(_ parts: [Matrix]) -> Matrix {
    let rows = parts.first?.rows ?? 0
    precondition(parts.allSatisfy { $0.rows == rows }, "concatenated matrices need equal row counts")
    var out = [Float]()
    out.reserveCapacity(rows * parts.reduce(0) { $0 + $1.columns })
    for r in 0..<rows { for part in parts { out.append(contentsOf: part.row(r)) } }
    return Matrix(rows: rows, columns: parts.reduce(0) { $0 + $1.columns }, values: out)
  }

  /// Elementwise sum (residual connections).
  public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
    precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "sum of \(lhs.rows)×\(lhs.columns) and \(rhs.rows)×\(rhs.columns)")
    var out = lhs
    out.values.withUnsafeMutableBufferPointer { o in
      rhs.values.withUnsafeBufferPointer { r in
        for i in 0..<o.count { o[i] += r[i] }
      }
    }
    return out
  }

  /// Adds `vector` to every row (a broadcast, e.g. a bias or QueCC's query embedding).
  public func addingToEveryRow(_ vector: [Float]) -> Matrix {
    precondition(vector.count == columns, "row vector of \(vector.count) for \(columns) columns")
    var out = self
    out.values.withUnsafeMutableBufferPointer { o in
      vector.withUnsafeBufferPointer { v in
        for r in 0..<rows { for c in 0..<columns { o[r * columns + c] += v[c] } }
      }
    }
    return out
  }
}
