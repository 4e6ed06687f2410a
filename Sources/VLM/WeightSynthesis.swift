import ParallelMap
import Safetensors
import SeededRandom

/// Deterministic synthetic weights: untrained, but the real shapes and a sane scale.
///
/// Each tensor gets its own `SplitMix64` stream derived from the seed and a hash of its *name*, so
/// a tensor's values do not depend on which other tensors the checkpoint holds or on the order they
/// are generated in (the vision tower is bit-identical in every model of a family), and generation
/// can run on all cores with byte-identical output.
public enum WeightSynthesis {
  /// The values of one parameter.
  public static func values(for spec: ParameterSpec, seed: UInt64) -> [Float] {
    switch spec.initialization {
    case .constant(let value):
      return [Float](repeating: value, count: spec.elementCount)
    case .uniform(let bound):
      var generator = SplitMix64(seed: seed).derived(index: nameHash(spec.name))
      return (0..<spec.elementCount).map { _ in Float((2 * generator.nextUnitDouble() - 1) * Double(bound)) }
    }
  }

  /// Safetensors entries for every spec, generated in parallel, stored as `dtype`.
  public static func entries(_ specs: [ParameterSpec], seed: UInt64, dtype: SafetensorsDType) -> [SafetensorsEntry] {
    parallelMap(specs.count) { index in
      SafetensorsEntry(name: specs[index].name, dtype: dtype, shape: specs[index].shape,
                       values: values(for: specs[index], seed: seed))
    }
  }

  /// 64-bit FNV-1a of the UTF-8 name: stable across runs and platforms (unlike `hashValue`).
  static func nameHash(_ name: String) -> UInt64 {
    name.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
  }
}
