import Safetensors

/// Named parameters of a checkpoint, read with shape checks, under a name prefix.
///
/// Layers load themselves from a `Weights` scoped to their own prefix, so a missing tensor or a
/// wrong shape is reported with its full name (`model.layers.3.mlp.up_proj.weight`) at load time,
/// not as an out-of-bounds read in the middle of a forward pass.
public struct Weights: Sendable {
  private let file: SafetensorsFile
  /// The prefix every name is looked up under (empty or ending in `.`).
  public let prefix: String

  public init(_ file: SafetensorsFile, prefix: String = "") {
    self.file = file
    self.prefix = prefix
  }

  /// The weights under `component.`.
  public func scoped(_ component: String) -> Weights {
    Weights(file, prefix: "\(prefix)\(component).")
  }

  /// The values of `name`, which must have exactly `shape`.
  public func tensor(_ name: String, shape: [Int]) throws(WeightsError) -> [Float] {
    let fullName = prefix + name
    guard let info = file.tensors[fullName] else { throw .missing(name: fullName) }
    guard info.shape == shape else { throw .shapeMismatch(name: fullName, expected: shape, found: info.shape) }
    do {
      return try file.floats(fullName)
    } catch {
      throw .missing(name: fullName)
    }
  }

  /// A `[rows, columns]` parameter.
  public func matrix(_ name: String, rows: Int, columns: Int) throws(WeightsError) -> Matrix {
    Matrix(rows: rows, columns: columns, values: try tensor(name, shape: [rows, columns]))
  }

  /// A `[count]` parameter.
  public func vector(_ name: String, count: Int) throws(WeightsError) -> [Float] {
    try tensor(name, shape: [count])
  }
}

/// A checkpoint that does not match the model configuration it is loaded into.
public enum WeightsError: Error, Equatable, CustomStringConvertible {
  case missing(name: String)
  case shapeMismatch(name: String, expected: [Int], found: [Int])

  public var description: String {
    switch self {
    case .missing(let name):
      return "checkpoint has no tensor \(name): it was written for a different model configuration"
    case .shapeMismatch(let name, let expected, let found):
      return "checkpoint tensor \(name) has shape \(found), the model configuration expects \(expected)"
    }
  }
}
