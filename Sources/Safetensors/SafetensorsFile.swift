import Foundation

/// A validated safetensors file: an 8-byte little-endian header length, a JSON header, then one
/// data section that the tensors tile exactly, in order, without gaps or overlaps.
///
/// Every check the format allows is done when the file is opened, so a corrupt checkpoint fails
/// with a `SafetensorsError` naming the tensor at fault instead of producing wrong weights later.
/// Reading a floating-point tensor converts it to `Float` whatever its stored precision; integer
/// tensors are read in their own type.
public struct SafetensorsFile: Sendable {
  /// Where one tensor lives in the data section.
  public struct TensorInfo: Sendable, Equatable {
    public var dtype: SafetensorsDType
    public var shape: [Int]
    /// Byte range inside the data section (not the file).
    public var byteRange: Range<Int>

    /// Number of elements, the product of `shape` (1 for a scalar).
    public var elementCount: Int { shape.reduce(1, *) }
  }

  /// The format's own cap on the header, which protects against absurd allocations.
  static let maximumHeaderLength: UInt64 = 100_000_000

  /// The `__metadata__` map (empty when absent).
  public let metadata: [String: String]
  /// Every tensor, by name.
  public let tensors: [String: TensorInfo]
  private let data: Data
  private let dataStart: Int

  /// Tensor names in sorted order.
  public var names: [String] { tensors.keys.sorted() }

  /// Parses and validates `data`, the whole contents of a safetensors file.
  public init(data: Data) throws {
    let data = data.startIndex == 0 ? data : Data(data)  // offsets below assume index 0
    guard data.count >= 8 else { throw SafetensorsError.truncatedHeaderLength(fileSize: data.count) }
    let declared = data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
    guard declared <= Self.maximumHeaderLength, declared <= UInt64(data.count - 8) else {
      throw SafetensorsError.headerLengthOutOfRange(declared: declared, fileSize: data.count)
    }
    let headerLength = Int(declared)
    let header: SafetensorsHeader
    do {
      header = try JSONDecoder().decode(SafetensorsHeader.self, from: data.subdata(in: 8..<(8 + headerLength)))
    } catch {
      throw SafetensorsError.malformedHeader(reason: Self.reason(error))
    }
    let dataSize = data.count - 8 - headerLength
    var tensors: [String: TensorInfo] = [:]
    for (name, entry) in header.tensors {
      tensors[name] = try Self.validate(name: name, entry: entry, dataSize: dataSize)
    }
    try Self.checkTiling(tensors, dataSize: dataSize)
    self.metadata = header.metadata
    self.tensors = tensors
    self.data = data
    self.dataStart = 8 + headerLength
  }

  /// Reads and validates the file at `url` (memory-mapped: large checkpoints are not copied).
  public init(contentsOf url: URL) throws {
    try self.init(data: Data(contentsOf: url, options: .alwaysMapped))
  }

  /// The tensor's information, or `missingTensor`.
  public func info(_ name: String) throws -> TensorInfo {
    guard let info = tensors[name] else { throw SafetensorsError.missingTensor(name: name) }
    return info
  }

  /// The values of a floating-point tensor (F32, F16, BF16) in row-major order, widened to
  /// `Float`; an integer tensor is refused with `dtypeMismatch` (read it with its own type).
  public func floats(_ name: String) throws -> [Float] {
    let info = try info(name)
    guard info.dtype.isFloatingPoint else {
      throw SafetensorsError.dtypeMismatch(tensor: name, dtype: info.dtype, swiftType: "Float")
    }
    return withBytes(of: info) { info.dtype.decode($0, count: info.elementCount) }
  }

  /// The elements of a U8 tensor in row-major order.
  public func uint8s(_ name: String) throws -> [UInt8] {
    let info = try info(name)
    guard info.dtype == .u8 else { throw SafetensorsError.dtypeMismatch(tensor: name, dtype: info.dtype, swiftType: "UInt8") }
    return withBytes(of: info) { [UInt8]($0) }
  }

  /// The elements of an I32 tensor in row-major order.
  public func int32s(_ name: String) throws -> [Int32] {
    let info = try info(name)
    guard info.dtype == .i32 else { throw SafetensorsError.dtypeMismatch(tensor: name, dtype: info.dtype, swiftType: "Int32") }
    return withBytes(of: info) { raw in
      (0..<info.elementCount).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self)) }
    }
  }

  /// Calls `body` with the tensor's bytes in the data section.
  private func withBytes<T>(of info: TensorInfo, _ body: (UnsafeRawBufferPointer) -> T) -> T {
    data.withUnsafeBytes { raw in
      let start = dataStart + info.byteRange.lowerBound
      return body(UnsafeRawBufferPointer(rebasing: raw[start..<(start + info.byteRange.count)]))
    }
  }

  private static func validate(name: String, entry: SafetensorsHeader.Entry, dataSize: Int) throws -> TensorInfo {
    guard let dtype = SafetensorsDType(rawValue: entry.dtype) else {
      throw SafetensorsError.unsupportedDType(tensor: name, dtype: entry.dtype)
    }
    var elements = 1
    for dimension in entry.shape {
      let (product, overflow) = elements.multipliedReportingOverflow(by: dimension)
      guard dimension >= 0, !overflow else { throw SafetensorsError.invalidShape(tensor: name, shape: entry.shape) }
      elements = product
    }
    let offsets = entry.dataOffsets
    guard offsets.count == 2, offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= dataSize else {
      throw SafetensorsError.offsetsOutOfRange(tensor: name, offsets: offsets, dataSize: dataSize)
    }
    let (bytes, overflow) = elements.multipliedReportingOverflow(by: dtype.byteCount)
    guard !overflow, bytes == offsets[1] - offsets[0] else {
      throw SafetensorsError.sizeMismatch(tensor: name, shape: entry.shape, dtype: dtype, bytes: offsets[1] - offsets[0])
    }
    return TensorInfo(dtype: dtype, shape: entry.shape, byteRange: offsets[0]..<offsets[1])
  }

  /// The tensors, ordered by offset, must cover the data section exactly once.
  private static func checkTiling(_ tensors: [String: TensorInfo], dataSize: Int) throws {
    let ordered = tensors.sorted { ($0.value.byteRange.lowerBound, $0.key) < ($1.value.byteRange.lowerBound, $1.key) }
    var expected = 0
    for (name, info) in ordered {
      guard info.byteRange.lowerBound == expected else {
        throw SafetensorsError.nonContiguousData(tensor: name, expectedBegin: expected, begin: info.byteRange.lowerBound)
      }
      expected = info.byteRange.upperBound
    }
    guard expected == dataSize else { throw SafetensorsError.trailingBytes(dataSize: dataSize, used: expected) }
  }

  private static func reason(_ error: any Error) -> String {
    switch error {
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
      DecodingError.keyNotFound(_, let context), DecodingError.dataCorrupted(let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
    default:
      return String(describing: error)
    }
  }
}
