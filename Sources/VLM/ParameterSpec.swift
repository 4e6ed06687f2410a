/// One named parameter tensor a model needs: its shape and how synthetic weights initialise it.
///
/// Each layer type lists its own parameters next to the code that loads them, so the list that
/// generates a checkpoint, the loader that reads it and the parameter count `N` can never
/// disagree.
public struct ParameterSpec: Sendable, Equatable {
  /// How `WeightSynthesis` fills the tensor: the PyTorch defaults for each kind of layer.
  public enum Initialization: Sendable, Equatable {
    /// Uniform in `[-bound, bound]` (PyTorch's `Linear` default uses `1/√fan_in`).
    case uniform(bound: Float)
    /// Every element equal (norm gains 1, norm biases 0).
    case constant(Float)
  }

  public var name: String
  public var shape: [Int]
  public var initialization: Initialization

  public init(name: String, shape: [Int], initialization: Initialization) {
    self.name = name
    self.shape = shape
    self.initialization = initialization
  }

  public var elementCount: Int { shape.reduce(1, *) }
}

extension Array where Element == ParameterSpec {
  /// The same parameters under `component.` — how layers nest (`model.layers.3.` + `q_proj.weight`).
  public func scoped(_ component: String) -> [ParameterSpec] {
    map { ParameterSpec(name: "\(component).\($0.name)", shape: $0.shape, initialization: $0.initialization) }
  }

  /// Total number of scalar parameters.
  public var parameterCount: Int { reduce(0) { $0 + $1.elementCount } }
}
