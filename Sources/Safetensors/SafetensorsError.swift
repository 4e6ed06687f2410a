/// Why a safetensors file was rejected, or why a tensor could not be written or read.
///
/// A checkpoint that is truncated, hand-edited or produced by a buggy writer must fail loudly with
/// the tensor and byte range at fault, never load as garbage weights.
public enum SafetensorsError: Error, Equatable, CustomStringConvertible {
  /// Fewer than the 8 bytes that hold the header length.
  case truncatedHeaderLength(fileSize: Int)
  /// The declared header length does not fit in the file (or exceeds the format's limit).
  case headerLengthOutOfRange(declared: UInt64, fileSize: Int)
  /// The header is not the JSON object the format prescribes.
  case malformedHeader(reason: String)
  /// A dtype this implementation does not read (only F32, F16, BF16, U8 and I32 are supported).
  case unsupportedDType(tensor: String, dtype: String)
  /// A shape entry is negative or the element count overflows.
  case invalidShape(tensor: String, shape: [Int])
  /// `data_offsets` is not `[begin, end]` with `0 ≤ begin ≤ end ≤` the data size.
  case offsetsOutOfRange(tensor: String, offsets: [Int], dataSize: Int)
  /// The byte range does not hold exactly `elements × bytes per element`.
  case sizeMismatch(tensor: String, shape: [Int], dtype: SafetensorsDType, bytes: Int)
  /// Tensors overlap, or leave bytes of the data section unclaimed.
  case nonContiguousData(tensor: String, expectedBegin: Int, begin: Int)
  /// The data section is longer than the tensors it holds.
  case trailingBytes(dataSize: Int, used: Int)
  /// A read asked for a tensor the file does not contain.
  case missingTensor(name: String)
  /// A write was given the reserved name, an empty name or the same name twice.
  case invalidTensorName(name: String)
  /// A write was given a value count that does not match the shape.
  case valueCountMismatch(tensor: String, shape: [Int], count: Int)
  /// A tensor was written or read as a Swift type its dtype does not hold exactly (e.g. a U8
  /// tensor read as `Float`, or `Float` values given for an I32 tensor).
  case dtypeMismatch(tensor: String, dtype: SafetensorsDType, swiftType: String)

  public var description: String {
    switch self {
    case .truncatedHeaderLength(let size):
      return "not a safetensors file: \(size) bytes, fewer than the 8-byte header length"
    case .headerLengthOutOfRange(let declared, let size):
      return "safetensors header length \(declared) does not fit in a file of \(size) bytes (truncated or corrupt)"
    case .malformedHeader(let reason):
      return "safetensors header is not valid: \(reason)"
    case .unsupportedDType(let tensor, let dtype):
      return "tensor \(tensor) has dtype \(dtype); only F32, F16, BF16, U8 and I32 are supported"
    case .invalidShape(let tensor, let shape):
      return "tensor \(tensor) has an invalid shape \(shape)"
    case .offsetsOutOfRange(let tensor, let offsets, let size):
      return "tensor \(tensor) has data_offsets \(offsets) outside the \(size)-byte data section (truncated file?)"
    case .sizeMismatch(let tensor, let shape, let dtype, let bytes):
      return "tensor \(tensor) of shape \(shape) and dtype \(dtype.rawValue) needs "
        + "\(shape.reduce(1, *) * dtype.byteCount) bytes but its data_offsets span \(bytes)"
    case .nonContiguousData(let tensor, let expected, let begin):
      return "tensor \(tensor) starts at byte \(begin) of the data section, expected \(expected): "
        + "tensors overlap or leave a hole"
    case .trailingBytes(let size, let used):
      return "the data section has \(size) bytes but its tensors use only \(used)"
    case .missingTensor(let name):
      return "no tensor named \(name) in the safetensors file"
    case .invalidTensorName(let name):
      return "invalid or duplicate tensor name \"\(name)\""
    case .valueCountMismatch(let tensor, let shape, let count):
      return "tensor \(tensor) has shape \(shape) but \(count) values"
    case .dtypeMismatch(let tensor, let dtype, let swiftType):
      let accessor = switch dtype {
      case .f32, .f16, .bf16: "floats(_:)"
      case .u8: "uint8s(_:)"
      case .i32: "int32s(_:)"
      }
      return "tensor \(tensor) has dtype \(dtype.rawValue), which does not hold \(swiftType) values exactly; "
        + "use \(accessor) and the matching SafetensorsEntry initialiser"
    }
  }
}
