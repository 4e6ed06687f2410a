/// Keys and values of every layer for the tokens processed so far.
///
/// A decoder's keys and values for a token never change once computed (causal attention, rotary
/// positions), so caching them turns each decoding step from a pass over the whole sequence into
/// a pass over one token. Storage for `capacity` tokens is allocated up front.
public struct KVCache: Sendable {
  public let capacity: Int
  /// Tokens stored so far: the position of the next token.
  public internal(set) var count: Int
  var keys: [Matrix]
  var values: [Matrix]

  public init(layers: Int, width: Int, capacity: Int) {
    self.capacity = capacity
    self.count = 0
    self.keys = Array(repeating: Matrix(zeros: capacity, width), count: layers)
    self.values = Array(repeating: Matrix(zeros: capacity, width), count: layers)
  }

  /// Writes `k` and `v` for layer `layer` at rows `count ..< count + k.rows`.
  mutating func store(layer: Int, keys k: Matrix, values v: Matrix) {
    precondition(count + k.rows <= capacity, "KV cache of \(capacity) tokens overflows")
    let start = count * k.columns
    keys[layer].values.replaceSubrange(start..<(start + k.values.count), with: k.values)
    values[layer].values.replaceSubrange(start..<(start + v.values.count), with: v.values)
  }
}
