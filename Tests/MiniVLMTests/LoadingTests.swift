import Foundation
import MiniVLM
import Safetensors
import Testing
import VLM

@Suite("Loading miniature checkpoints")
struct LoadingTests {
  @Test(arguments: [(MiniCompressorKind.pool, 16), (.tokenpacker, 4), (.quecc, 9), (.prumerge, 7)])
  func everyCompressorLoadsAndRunsEveryStage(compressor: MiniCompressorKind, tokens: Int) throws {
    let model = try Mini.model(compressor, tokens: tokens)
    let set = Mini.evalSet(images: 1, questions: 1)
    let stages = model.stages(image: MiniVLM.image(pixels: set.pixels, side: 48), question: set.questions)
    #expect(stages.patches.rows == 144 && stages.patches.columns == 16)
    #expect(stages.multiLevel.columns == 64)
    #expect(stages.compressed.rows == tokens && stages.compressed.columns == 16)
    #expect(stages.visualTokens.rows == tokens && stages.visualTokens.columns == 16)
    #expect(stages.logits.rows == 1 && stages.logits.columns == 24)
    #expect((stages.queryEmbedding != nil) == (compressor == .quecc))
    #expect(stages.logits.values.allSatisfy { $0.isFinite })
  }

  @Test func nonEmbeddingCountLeavesOutEmbeddingAndHead() {
    let d = 16, f = 40, layers = 2
    #expect(Mini.configuration(.pool).nonEmbeddingParameterCount == layers * (4 * d * d + 3 * d + 3 * d * f + 2 * d) + d)
  }

  @Test func halfPrecisionCheckpointsLoad() throws {
    for dtype in [SafetensorsDType.f16, .bf16] {
      let cell = try SafetensorsFile(data: Mini.cellData(Mini.configuration(.tokenpacker, tokens: 4), dtype: dtype))
      _ = try MiniVLM(tower: SafetensorsFile(data: Mini.towerData()), towerPath: "t", cell: cell, cellPath: "c")
    }
  }

  func loadError(_ configuration: MiniCellConfiguration? = nil, metadata: [String: String]? = nil,
                 edit: (inout [SafetensorsEntry]) -> Void = { _ in }) throws -> MiniVLMError? {
    let configuration = configuration ?? Mini.configuration(.quecc)
    var entries = Mini.cellEntries(Mini.configuration(.quecc))
    edit(&entries)
    let data = try SafetensorsWriter.encode(entries, metadata: metadata ?? MiniVLM.metadata(configuration))
    let tower = try SafetensorsFile(data: Mini.towerData()), cell = try SafetensorsFile(data: data)
    do {
      _ = try MiniVLM(tower: tower, towerPath: "t", cell: cell, cellPath: "c")
      return nil
    } catch {
      return error
    }
  }

  @Test func badMetadataIsRefusedWithTheField() throws {
    #expect(try loadError(metadata: [:]) == .missingMetadata(path: "c", expectedFormat: "mini-vlm/1"))
    #expect(try loadError(metadata: ["mini_vlm": "{\"format\": \"mini-vlm-vision/1\"}"])
      == .wrongFormat(path: "c", found: "mini-vlm-vision/1", expected: "mini-vlm/1"))
    let missing = try loadError(metadata: ["mini_vlm": "{\"format\": \"mini-vlm/1\", \"cell\": \"x\"}"])
    #expect(missing.map { "\($0)".contains("missing key family") } == true, "\(String(describing: missing))")
    var unsupported = Mini.configuration(.quecc)
    unsupported.visualTokens = 5
    let error = try loadError(unsupported)
    guard case .invalidConfiguration(_, let field, let reason) = error else { Issue.record("\(String(describing: error))"); return }
    #expect(field == "visual_tokens" && reason.contains("1, 4, 9, 16, 36, 144"))
    var heads = Mini.configuration(.quecc)
    heads.compressorHeads = 3
    guard case .invalidConfiguration(_, "compressor_heads", _) = try loadError(heads) else { Issue.record("heads"); return }
    var tower = Mini.configuration(.quecc)
    tower.vision.depth = 5
    #expect(try loadError(tower) == .visionMismatch(tower: "t", checkpoint: "c"))
  }

  @Test func tensorsMustMatchTheConfiguration() throws {
    let extra = try loadError { $0.append(SafetensorsEntry(name: "connector.compressor.q_downsample.s2.bias", dtype: .f32, shape: [16], values: .init(repeating: 0, count: 16))) }
    #expect(extra == .unexpectedTensors(path: "c", names: ["connector.compressor.q_downsample.s2.bias"]))
    let untied = try loadError { entries in
      let head = entries.firstIndex { $0.name == "language_model.lm_head.weight" }!
      entries[head].values[0] += 1
    }
    #expect(untied == .tiedHeadDiffers(path: "c"))
    let missing = try loadError { $0.removeAll { $0.name == "connector.projector.2.bias" } }
    #expect(missing == .weights(path: "c", .missing(name: "connector.projector.2.bias")))
    // A tied head may be left out of the file.
    #expect(try loadError { $0.removeAll { $0.name == "language_model.lm_head.weight" } } == nil)
  }

  @Test func loadFromDiskChecksTheTowerDigestAndFindsTheTower() throws {
    let directory = try Mini.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let towerURL = directory.appendingPathComponent("tower.safetensors")
    try Mini.towerData().write(to: towerURL)
    let otherTower = directory.appendingPathComponent("other-tower.safetensors")
    try Mini.towerData(seed: 9).write(to: otherTower)
    let digest = try MiniVLM.sha256(of: towerURL)
    let cells = directory.appendingPathComponent("cells", isDirectory: true)
    try FileManager.default.createDirectory(at: cells, withIntermediateDirectories: true)
    let cellURL = cells.appendingPathComponent("cell.safetensors")
    try Mini.cellData(Mini.configuration(.pool, sha256: digest)).write(to: cellURL)

    let found = try MiniVLM.load(checkpoint: cellURL)
    let explicit = try MiniVLM.load(checkpoint: cellURL, tower: towerURL)
    let set = Mini.evalSet(images: 1, questions: 1)
    let image = MiniVLM.image(pixels: set.pixels, side: 48)
    #expect(found.stages(image: image, question: set.questions).logits == explicit.stages(image: image, question: set.questions).logits)
    #expect(throws: MiniVLMError.towerDigestMismatch(tower: otherTower.path, found: try MiniVLM.sha256(of: otherTower), expected: digest)) {
      try MiniVLM.load(checkpoint: cellURL, tower: otherTower)
    }
    try FileManager.default.removeItem(at: towerURL)
    #expect(throws: MiniVLMError.self) { try MiniVLM.load(checkpoint: cellURL) }
  }

  @Test func pixelsAreScaledToMinusOneToOneChannelMajor() {
    // One 1×1... the tower needs whole images, so check a 2-pixel-side image's layout directly.
    let image = MiniVLM.image(pixels: [0, 255, 51, 0, 0, 0, 0, 0, 0, 0, 0, 0], side: 2)
    #expect(image.pixels[0] == -1)  // red of pixel 0
    #expect(image.pixels[4] == 1)  // green of pixel 0
    #expect(abs(image.pixels[8] - (-0.6)) < 1e-6)  // blue of pixel 0
  }
}
