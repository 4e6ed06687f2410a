import AtomicFiles
import Foundation

/// One tensor to write: `Float` values stored in the file as `dtype`.
public struct SafetensorsEntry: Sendable {
  public var name: String
  public var dtype: SafetensorsDType
  public var shape: [Int]
  public var values: [Float]

  public init(name: String, dtype: SafetensorsDType, shape: [Int], values: [Float]) {
    self.name = name
    self.dtype = dtype
    self.shape = shape
    self.values = values
  }
}

/// Writes safetensors files byte-for-byte deterministically.
///
/// Tensors are laid out in name order and the header's keys are sorted, so the same entries give
/// the same bytes whatever order they were passed in; the header is padded with spaces to a
/// multiple of 8 bytes (as the reference writer does) so the data section stays aligned.
public enum SafetensorsWriter {
  /// The complete file contents for `entries` and `metadata`.
  public static func encode(_ entries: [SafetensorsEntry], metadata: [String: String] = [:]) throws -> Data {
    let ordered = entries.sorted { $0.name < $1.name }
    var tensors: [String: SafetensorsHeader.Entry] = [:]
    var payload: [UInt8] = []
    for entry in ordered {
      guard !entry.name.isEmpty, entry.name != SafetensorsHeader.metadataKey, tensors[entry.name] == nil else {
        throw SafetensorsError.invalidTensorName(name: entry.name)
      }
      guard entry.shape.allSatisfy({ $0 >= 0 }) else {
        throw SafetensorsError.invalidShape(tensor: entry.name, shape: entry.shape)
      }
      guard entry.shape.reduce(1, *) == entry.values.count else {
        throw SafetensorsError.valueCountMismatch(tensor: entry.name, shape: entry.shape, count: entry.values.count)
      }
      let begin = payload.count
      entry.dtype.append(entry.values, to: &payload)
      tensors[entry.name] = .init(dtype: entry.dtype.rawValue, shape: entry.shape, dataOffsets: [begin, payload.count])
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var header = try encoder.encode(SafetensorsHeader(tensors: tensors, metadata: metadata))
    header.append(contentsOf: [UInt8](repeating: 0x20, count: (8 - header.count % 8) % 8))
    var file = Data(capacity: 8 + header.count + payload.count)
    withUnsafeBytes(of: UInt64(header.count).littleEndian) { file.append(contentsOf: $0) }
    file.append(header)
    file.append(contentsOf: payload)
    return file
  }

  /// Encodes and writes atomically (a temporary file in the same directory, then a rename), so a
  /// reader never sees a half-written checkpoint.
  public static func write(_ entries: [SafetensorsEntry], metadata: [String: String] = [:], to url: URL) throws {
    try AtomicFile.write(encode(entries, metadata: metadata), to: url)
  }
}
