/// The element types this reader and writer understand, spelled as in the safetensors header.
///
/// The engine computes in `Float`; F16 and BF16 exist so checkpoints can be stored at half the size
/// and so files written by other tools load. The conversions are done bit by bit (not with the
/// standard library's `Float16`, which is unavailable on Intel Macs) with round-to-nearest-even, the
/// rounding PyTorch uses, so a value survives `Float → half → Float` exactly when it is representable.
///
/// U8 and I32 hold data rather than weights (pixels, labels, token ids of the miniature tasks).
/// They are never converted to or from `Float` implicitly: an integer tensor is written from and
/// read as its own Swift type (`[UInt8]`, `[Int32]`), so a token id can never come back rounded.
public enum SafetensorsDType: String, Sendable, CaseIterable, Codable {
  case f32 = "F32"
  case f16 = "F16"
  case bf16 = "BF16"
  case u8 = "U8"
  case i32 = "I32"

  /// Bytes per element.
  public var byteCount: Int {
    switch self {
    case .f32, .i32: 4
    case .f16, .bf16: 2
    case .u8: 1
    }
  }

  /// Whether the elements are floating-point numbers, read and written as `Float`.
  public var isFloatingPoint: Bool {
    switch self {
    case .f32, .f16, .bf16: true
    case .u8, .i32: false
    }
  }

  /// Appends `values` in this (floating-point) dtype, little-endian, to `bytes`.
  func append(_ values: [Float], to bytes: inout [UInt8]) {
    precondition(isFloatingPoint, "the writer checks the dtype before converting floats")
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(0, count: values.count * byteCount))
    bytes.withUnsafeMutableBytes { raw in
      let out = UnsafeMutableRawBufferPointer(rebasing: raw[start...])
      for (i, value) in values.enumerated() {
        switch self {
        case .f32: out.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: 4 * i, as: UInt32.self)
        case .f16: out.storeBytes(of: HalfPrecision.f16Bits(value).littleEndian, toByteOffset: 2 * i, as: UInt16.self)
        case .bf16: out.storeBytes(of: HalfPrecision.bf16Bits(value).littleEndian, toByteOffset: 2 * i, as: UInt16.self)
        case .u8, .i32: break
        }
      }
    }
  }

  /// Decodes `count` little-endian elements of this (floating-point) dtype starting at `raw`.
  func decode(_ raw: UnsafeRawBufferPointer, count: Int) -> [Float] {
    precondition(isFloatingPoint, "the reader checks the dtype before converting to floats")
    return [Float](unsafeUninitializedCapacity: count) { out, initialized in
      switch self {
      case .f32:
        for i in 0..<count { out[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))) }
      case .f16:
        for i in 0..<count { out[i] = HalfPrecision.float(f16: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))) }
      case .bf16:
        for i in 0..<count { out[i] = HalfPrecision.float(bf16: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))) }
      case .u8, .i32: break
      }
      initialized = count
    }
  }
}

/// IEEE binary16 and bfloat16 conversions on bit patterns.
public enum HalfPrecision {
  /// bfloat16 is the top half of a binary32, so widening is a shift.
  @inlinable
  public static func float(bf16 bits: UInt16) -> Float {
    Float(bitPattern: UInt32(bits) << 16)
  }

  /// Rounds to the nearest bfloat16 (ties to even); NaN stays a quiet NaN.
  @inlinable
  public static func bf16Bits(_ value: Float) -> UInt16 {
    let bits = value.bitPattern
    if value.isNaN { return UInt16(truncatingIfNeeded: bits >> 16) | 0x0040 }
    let roundingBias: UInt32 = 0x7FFF + ((bits >> 16) & 1)
    return UInt16(truncatingIfNeeded: (bits &+ roundingBias) >> 16)
  }

  /// Widens an IEEE binary16, including subnormals, infinities and NaN.
  public static func float(f16 bits: UInt16) -> Float {
    let sign = UInt32(bits & 0x8000) << 16
    let exponent = Int((bits >> 10) & 0x1F)
    let mantissa = UInt32(bits & 0x03FF)
    switch exponent {
    case 0:
      // Zero or subnormal: value = mantissa · 2^-24, exact in binary32.
      let magnitude = Float(mantissa) * 0x1p-24
      return Float(bitPattern: sign | magnitude.bitPattern)
    case 0x1F:
      return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
    default:
      return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | (mantissa << 13))
    }
  }

  /// Rounds to the nearest IEEE binary16 (ties to even); overflow gives infinity, NaN stays NaN.
  public static func f16Bits(_ value: Float) -> UInt16 {
    let bits = value.bitPattern
    let sign = UInt16(truncatingIfNeeded: (bits >> 16) & 0x8000)
    let magnitude = value.magnitude
    if value.isNaN { return sign | 0x7E00 }
    if magnitude >= 65520 { return sign | 0x7C00 }  // rounds past the largest finite half (65504)
    if magnitude < 0x1p-14 {
      // Subnormal half: the quantum is 2^-24; Float's own rounding of `magnitude · 2^24` is
      // ties-to-even, which is exactly the rounding we want.
      return sign | UInt16((magnitude * 0x1p24).rounded(.toNearestOrEven))
    }
    let exponent = Int((bits >> 23) & 0xFF) - 127 + 15
    let mantissa = bits & 0x007F_FFFF
    var half = UInt32(exponent) << 10 | (mantissa >> 13)
    let remainder = mantissa & 0x1FFF
    if remainder > 0x1000 || (remainder == 0x1000 && (half & 1) == 1) { half += 1 }  // may carry into the exponent: correct
    return sign | UInt16(half)
  }
}
