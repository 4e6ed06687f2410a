import SeededRandom

/// The random stream of one image, derived from (family, split, seed, image index).
///
/// Every image (its scene, its questions and its noise) is drawn from its own generator, so an
/// image never depends on how many images came before it, shards can be generated in any order,
/// and train and eval never share a stream: the split is part of the derivation, not an offset
/// of the index, so no eval image can equal a train image of another index or seed by
/// construction of the indices.
public enum ImageStream {
  /// The generator for image `index` of `split` of `family` under `seed`.
  public static func generator(family: TaskFamily, split: DataSplit, seed: UInt64, index: Int) -> SplitMix64 {
    precondition(index >= 0, "image indices are non-negative")
    return SplitMix64(seed: seed)
      .derived(index: family.streamKey)
      .derived(index: split.streamKey)
      .derived(index: UInt64(index))
  }
}

extension SplitMix64 {
  /// A uniform element of `range` (which must not be empty).
  mutating func nextInt(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + nextIndex(below: range.count)
  }

  /// A uniform element of `elements` (which must not be empty).
  mutating func pick<C: RandomAccessCollection>(_ elements: C) -> C.Element where C.Index == Int {
    elements[elements.startIndex + nextIndex(below: elements.count)]
  }

  /// `elements` in a uniformly random order (Fisher–Yates on this generator, stable across
  /// standard-library versions, unlike `shuffled(using:)`).
  mutating func shuffle<T>(_ elements: [T]) -> [T] {
    var result = elements
    for i in stride(from: result.count - 1, to: 0, by: -1) {
      result.swapAt(i, nextIndex(below: i + 1))
    }
    return result
  }
}
