/// The JSON header of a safetensors file: tensor name → (dtype, shape, byte range), plus an
/// optional `__metadata__` string map.
///
/// Decoding checks types only; `SafetensorsFile` checks the byte ranges against the data section.
struct SafetensorsHeader: Codable {
  /// One tensor's entry; `dtype` stays a string so an unknown dtype is reported by name.
  struct Entry: Codable {
    var dtype: String
    var shape: [Int]
    var dataOffsets: [Int]

    enum CodingKeys: String, CodingKey {
      case dtype, shape
      case dataOffsets = "data_offsets"
    }
  }

  static let metadataKey = "__metadata__"

  var tensors: [String: Entry]
  var metadata: [String: String]

  init(tensors: [String: Entry], metadata: [String: String]) {
    self.tensors = tensors
    self.metadata = metadata
  }

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    var tensors: [String: Entry] = [:]
    var metadata: [String: String] = [:]
    for key in container.allKeys {
      if key.stringValue == Self.metadataKey {
        metadata = try container.decode([String: String].self, forKey: key)
      } else {
        tensors[key.stringValue] = try container.decode(Entry.self, forKey: key)
      }
    }
    self.init(tensors: tensors, metadata: metadata)
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    if !metadata.isEmpty { try container.encode(metadata, forKey: Key(stringValue: Self.metadataKey)) }
    for (name, entry) in tensors { try container.encode(entry, forKey: Key(stringValue: name)) }
  }
}
