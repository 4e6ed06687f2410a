import Foundation
import Testing

@testable import Safetensors

/// A file assembled by hand from a header string and raw data bytes, for the rejection tests.
private func rawFile(header: String, data: [UInt8], declaredLength: UInt64? = nil) -> Data {
  let json = Array(header.utf8)
  var file = Data()
  withUnsafeBytes(of: (declaredLength ?? UInt64(json.count)).littleEndian) { file.append(contentsOf: $0) }
  file.append(contentsOf: json)
  file.append(contentsOf: data)
  return file
}

private func rejection(_ data: Data) -> SafetensorsError? {
  do {
    _ = try SafetensorsFile(data: data)
    return nil
  } catch let error as SafetensorsError {
    return error
  } catch {
    return nil
  }
}

@Suite("Safetensors round trip")
struct RoundTripTests {
  @Test func everyFloatingDTypeRoundTripsRepresentableValues() throws {
    let values: [Float] = [0, 1, -2, 0.5, 1024, -0.125, 3.75, 49152]
    let floating = SafetensorsDType.allCases.filter(\.isFloatingPoint)
    #expect(floating == [.f32, .f16, .bf16])
    let entries = floating.map {
      SafetensorsEntry(name: "w.\($0.rawValue)", dtype: $0, shape: [2, 4], values: values)
    }
    let file = try SafetensorsFile(data: try SafetensorsWriter.encode(entries, metadata: ["seed": "7"]))
    #expect(file.metadata == ["seed": "7"])
    #expect(file.names == ["w.BF16", "w.F16", "w.F32"])
    for dtype in floating {
      #expect(try file.info("w.\(dtype.rawValue)").shape == [2, 4])
      #expect(try file.floats("w.\(dtype.rawValue)") == values)
    }
  }

  @Test func f32KeepsEveryBit() throws {
    let values: [Float] = [.pi, -.ulpOfOne, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1e-30]
    let data = try SafetensorsWriter.encode([.init(name: "x", dtype: .f32, shape: [5], values: values)])
    #expect(try SafetensorsFile(data: data).floats("x").map(\.bitPattern) == values.map(\.bitPattern))
  }

  @Test func bytesDoNotDependOnEntryOrderAndHeaderIsAligned() throws {
    let a = SafetensorsEntry(name: "a", dtype: .f32, shape: [3], values: [1, 2, 3])
    let b = SafetensorsEntry(name: "b", dtype: .bf16, shape: [1, 1], values: [4])
    let first = try SafetensorsWriter.encode([a, b])
    #expect(first == (try SafetensorsWriter.encode([b, a])))
    let headerLength = first.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
    #expect(headerLength % 8 == 0)
    #expect(first.count == 8 + Int(headerLength) + 12 + 2)
  }

  @Test func scalarsAndEmptyTensorsAreAllowed() throws {
    let data = try SafetensorsWriter.encode([
      .init(name: "scalar", dtype: .f32, shape: [], values: [5]),
      .init(name: "empty", dtype: .f16, shape: [0, 3], values: []),
    ])
    let file = try SafetensorsFile(data: data)
    #expect(try file.floats("scalar") == [5])
    #expect(try file.floats("empty") == [])
  }

  @Test func integerTensorsRoundTripEveryBit() throws {
    let bytes: [UInt8] = [0, 1, 127, 128, 254, 255]
    let ints: [Int32] = [0, -1, 1, .min, .max, 16_777_217]
    let data = try SafetensorsWriter.encode([
      .init(name: "pixels", shape: [2, 3], uint8s: bytes),
      .init(name: "ids", shape: [3, 2], int32s: ints),
      .init(name: "w", dtype: .f32, shape: [1], values: [0.25]),
    ])
    let file = try SafetensorsFile(data: data)
    // Laid out in name order: ids (24 bytes), pixels (6 bytes), w (4 bytes).
    #expect(try file.info("pixels") == .init(dtype: .u8, shape: [2, 3], byteRange: 24..<30))
    #expect(try file.info("ids").dtype == .i32)
    #expect(try file.uint8s("pixels") == bytes)
    #expect(try file.int32s("ids") == ints)
    #expect(try file.floats("w") == [0.25])
  }

  @Test func integerTensorsAreLittleEndianAsInTheReferenceFormat() throws {
    // Tensors are laid out in name order: "a" (I32) then "b" (U8), right after the padded header.
    let data = try SafetensorsWriter.encode([
      .init(name: "a", shape: [1], int32s: [0x0102_0304]), .init(name: "b", shape: [2], uint8s: [9, 250]),
    ])
    #expect(Array(data.suffix(6)) == [0x04, 0x03, 0x02, 0x01, 9, 250])
    let header = String(decoding: data.dropFirst(8).prefix(data.count - 14), as: UTF8.self)
    #expect(header.contains(#""a":{"data_offsets":[0,4],"dtype":"I32","shape":[1]}"#))
    #expect(header.contains(#""b":{"data_offsets":[4,6],"dtype":"U8","shape":[2]}"#))
  }

  @Test func integerAndFloatTensorsAreNeverConvertedImplicitly() throws {
    let file = try SafetensorsFile(data: try SafetensorsWriter.encode([
      .init(name: "u", shape: [1], uint8s: [3]), .init(name: "f", dtype: .f32, shape: [1], values: [3]),
    ]))
    #expect(throws: SafetensorsError.dtypeMismatch(tensor: "u", dtype: .u8, swiftType: "Float")) { try file.floats("u") }
    #expect(throws: SafetensorsError.dtypeMismatch(tensor: "u", dtype: .u8, swiftType: "Int32")) { try file.int32s("u") }
    #expect(throws: SafetensorsError.dtypeMismatch(tensor: "f", dtype: .f32, swiftType: "UInt8")) { try file.uint8s("f") }
    #expect(throws: SafetensorsError.dtypeMismatch(tensor: "x", dtype: .i32, swiftType: "Float")) {
      try SafetensorsWriter.encode([.init(name: "x", dtype: .i32, shape: [1], values: [1])])
    }
    let message = SafetensorsError.dtypeMismatch(tensor: "u", dtype: .u8, swiftType: "Float").description
    #expect(message.contains("uint8s(_:)"))
  }

  @Test func atomicWriteThenReadFromDisk() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("safetensors-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("m.safetensors")
    try SafetensorsWriter.write([.init(name: "w", dtype: .bf16, shape: [2], values: [1.5, -3])], to: url)
    #expect(try SafetensorsFile(contentsOf: url).floats("w") == [1.5, -3])
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["m.safetensors"])
  }
}

@Suite("Half-precision conversions")
struct HalfPrecisionTests {
  @Test func f16KnownBitPatterns() {
    #expect(HalfPrecision.f16Bits(1) == 0x3C00)
    #expect(HalfPrecision.f16Bits(-2) == 0xC000)
    #expect(HalfPrecision.f16Bits(65504) == 0x7BFF)
    #expect(HalfPrecision.f16Bits(70000) == 0x7C00)
    #expect(HalfPrecision.f16Bits(0x1p-24) == 0x0001)
    #expect(HalfPrecision.f16Bits(0x1p-14) == 0x0400)
    #expect(HalfPrecision.float(f16: 0x0001) == 0x1p-24)
    #expect(HalfPrecision.float(f16: 0x7C00) == .infinity)
    #expect(HalfPrecision.float(f16: 0x7E00).isNaN)
    #expect(HalfPrecision.float(f16: 0x8000).sign == .minus)
  }

  @Test func f16RoundsTiesToEven() {
    // 1 + 2^-11 is halfway between 1 and the next half (1 + 2^-10): ties go to the even mantissa, 1.
    #expect(HalfPrecision.f16Bits(1 + 0x1p-11) == 0x3C00)
    // 1 + 3·2^-11 is halfway between 1 + 2^-10 (odd) and 1 + 2^-9 (even).
    #expect(HalfPrecision.f16Bits(1 + 3 * 0x1p-11) == 0x3C02)
    #expect(HalfPrecision.f16Bits(1 + 0x1p-11 + 0x1p-20) == 0x3C01)
  }

  @Test func bf16RoundsTiesToEvenAndKeepsNaN() {
    #expect(HalfPrecision.bf16Bits(1) == 0x3F80)
    #expect(HalfPrecision.bf16Bits(Float(bitPattern: 0x3F80_8000)) == 0x3F80)
    #expect(HalfPrecision.bf16Bits(Float(bitPattern: 0x3F81_8000)) == 0x3F82)
    #expect(HalfPrecision.float(bf16: HalfPrecision.bf16Bits(.nan)).isNaN)
    #expect(HalfPrecision.float(bf16: 0xC040) == -3)
  }
}

@Suite("Safetensors rejects corrupt files")
struct RejectionTests {
  @Test func tooShortForTheLength() {
    #expect(rejection(Data([1, 2, 3])) == .truncatedHeaderLength(fileSize: 3))
  }

  @Test func headerLongerThanTheFile() {
    let file = rawFile(header: "{}", data: [], declaredLength: 1000)
    #expect(rejection(file) == .headerLengthOutOfRange(declared: 1000, fileSize: 10))
  }

  @Test func headerNotJSON() {
    guard case .malformedHeader = rejection(rawFile(header: "not json", data: [])) else {
      Issue.record("expected malformedHeader")
      return
    }
  }

  @Test func entryWithWrongTypes() {
    let header = #"{"w":{"dtype":"F32","shape":"two","data_offsets":[0,8]}}"#
    guard case .malformedHeader(let reason) = rejection(rawFile(header: header, data: Array(repeating: 0, count: 8))) else {
      Issue.record("expected malformedHeader")
      return
    }
    #expect(reason.contains("shape"))
  }

  @Test func unsupportedDType() {
    let header = #"{"w":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}}"#
    #expect(rejection(rawFile(header: header, data: Array(repeating: 0, count: 8))) == .unsupportedDType(tensor: "w", dtype: "I64"))
  }

  @Test func negativeDimension() {
    let header = #"{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#
    #expect(rejection(rawFile(header: header, data: [0, 0, 0, 0])) == .invalidShape(tensor: "w", shape: [-1]))
  }

  @Test func offsetsPastTheEndOfATruncatedFile() {
    let header = #"{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#
    #expect(rejection(rawFile(header: header, data: Array(repeating: 0, count: 12)))
      == .offsetsOutOfRange(tensor: "w", offsets: [0, 16], dataSize: 12))
  }

  @Test func byteCountDisagreesWithShape() {
    let header = #"{"w":{"dtype":"F16","shape":[3],"data_offsets":[0,8]}}"#
    #expect(rejection(rawFile(header: header, data: Array(repeating: 0, count: 8)))
      == .sizeMismatch(tensor: "w", shape: [3], dtype: .f16, bytes: 8))
  }

  @Test func overlappingTensors() {
    let header = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#
    #expect(rejection(rawFile(header: header, data: Array(repeating: 0, count: 12)))
      == .nonContiguousData(tensor: "b", expectedBegin: 8, begin: 4))
  }

  @Test func holeBetweenTensors() {
    let header = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#
    #expect(rejection(rawFile(header: header, data: Array(repeating: 0, count: 12)))
      == .nonContiguousData(tensor: "b", expectedBegin: 4, begin: 8))
  }

  @Test func unclaimedTrailingBytes() {
    let header = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#
    #expect(rejection(rawFile(header: header, data: Array(repeating: 0, count: 6))) == .trailingBytes(dataSize: 6, used: 4))
  }

  @Test func missingTensorOnRead() throws {
    let file = try SafetensorsFile(data: try SafetensorsWriter.encode([.init(name: "a", dtype: .f32, shape: [1], values: [1])]))
    #expect(throws: SafetensorsError.missingTensor(name: "b")) { try file.floats("b") }
  }

  @Test func writerRejectsBadEntries() {
    #expect(throws: SafetensorsError.valueCountMismatch(tensor: "a", shape: [2, 2], count: 3)) {
      try SafetensorsWriter.encode([.init(name: "a", dtype: .f32, shape: [2, 2], values: [1, 2, 3])])
    }
    #expect(throws: SafetensorsError.invalidTensorName(name: "a")) {
      try SafetensorsWriter.encode([
        .init(name: "a", dtype: .f32, shape: [1], values: [1]), .init(name: "a", dtype: .f16, shape: [1], values: [2]),
      ])
    }
    #expect(throws: SafetensorsError.invalidTensorName(name: "__metadata__")) {
      try SafetensorsWriter.encode([.init(name: "__metadata__", dtype: .f32, shape: [1], values: [1])])
    }
  }

  @Test func errorsExplainThemselves() {
    let error = SafetensorsError.offsetsOutOfRange(tensor: "llm.w", offsets: [0, 16], dataSize: 12)
    #expect(error.description.contains("llm.w"))
    #expect(error.description.contains("truncated"))
  }
}
