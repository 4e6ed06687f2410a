import AtomicFiles
import Foundation

/// One tensor to write: its name, stored dtype, shape and elements.
///
/// Floating-point tensors (F32, F16, BF16) are given as `Float` values and rounded to the dtype;
/// integer tensors (U8, I32) are given in their own Swift type, so nothing is rounded on the way.
public struct SafetensorsEntry: Sendable {
  /// The elements of a tensor in the Swift type that holds them exactly.
  public enum Elements: Sendable, Equatable {
    /// Values of an F32, F16 or BF16 tensor.
    case floats([Float])
    /// Elements of a U8 tensor.
    case uint8s([UInt8])
    /// Elements of an I32 tensor.
    case int32s([Int32])

    var count: Int {
      switch self {
      case .floats(let values): values.count
      case .uint8s(let values): values.count
      case .int32s(let values): values.count
      }
    }

    /// The Swift type's name, for error messages.
    var typeName: String {
      switch self {
      case .floats: "Float"
      case .uint8s: "UInt8"
      case .int32s: "Int32"
      }
    }
  }

  public var name: String
  public var dtype: SafetensorsDType
  public var shape: [Int]
  public var elements: Elements

  /// The elements as `Float`: a floating-point entry's values as given; an integer entry's
  /// elements widened (exact for U8, and for I32 up to 2²⁴ in magnitude). Setting makes the entry
  /// a floating-point one, to be stored as `dtype`.
  public var values: [Float] {
    get {
      switch elements {
      case .floats(let values): values
      case .uint8s(let values): values.map(Float.init)
      case .int32s(let values): values.map(Float.init)
      }
    }
    set { elements = .floats(newValue) }
  }

  /// A floating-point tensor: `values` stored as `dtype` (F32, F16 or BF16).
  public init(name: String, dtype: SafetensorsDType, shape: [Int], values: [Float]) {
    self.name = name
    self.dtype = dtype
    self.shape = shape
    self.elements = .floats(values)
  }

  /// A U8 tensor.
  public init(name: String, shape: [Int], uint8s: [UInt8]) {
    self.name = name
    self.dtype = .u8
    self.shape = shape
    self.elements = .uint8s(uint8s)
  }

  /// An I32 tensor.
  public init(name: String, shape: [Int], int32s: [Int32]) {
    self.name = name
    self.dtype = .i32
    self.shape = shape
    self.elements = .int32s(int32s)
  }

  /// Appends the elements as `dtype`, little-endian, to `bytes`; the Swift type must match it.
  func append(to bytes: inout [UInt8]) throws(SafetensorsError) {
    switch (elements, dtype) {
    case (.floats(let values), let dtype) where dtype.isFloatingPoint:
      dtype.append(values, to: &bytes)
    case (.uint8s(let values), .u8):
      bytes.append(contentsOf: values)
    case (.int32s(let values), .i32):
      bytes.reserveCapacity(bytes.count + 4 * values.count)
      for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    default:
      throw .dtypeMismatch(tensor: name, dtype: dtype, swiftType: elements.typeName)
    }
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
      guard entry.shape.reduce(1, *) == entry.elements.count else {
        throw SafetensorsError.valueCountMismatch(tensor: entry.name, shape: entry.shape, count: entry.elements.count)
      }
      let begin = payload.count
      try entry.append(to: &payload)
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
