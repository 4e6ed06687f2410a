import Foundation
import MiniVLM
import QueCC
import Safetensors
import Testing
import VLM

/// The trainer's parity fixtures (Training/minivlm/fixtures.py): a tiny tower and one cell per
/// compressor, with PyTorch's F32 output of every stage for three examples. The engine must
/// reproduce every stage within 1e-4 (absolute plus relative) and every argmax exactly.
enum ParityFixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let tower = directory.appendingPathComponent("tower.safetensors")
  static let compressors: [MiniCompressorKind] = [.pool, .tokenpacker, .quecc, .prumerge]
  static let tolerance: Float = 1e-4

  static func checkpoint(_ compressor: MiniCompressorKind) -> URL {
    directory.appendingPathComponent("\(compressor.rawValue).safetensors")
  }

  static func golden(_ name: String) throws -> SafetensorsFile {
    try SafetensorsFile(contentsOf: directory.appendingPathComponent("\(name).golden.safetensors"))
  }

  /// One stage's worst disagreement over all examples.
  struct StageError: CustomStringConvertible {
    var stage: String
    var maxAbsolute: Float = 0
    var maxRelative: Float = 0
    /// Every element within `tolerance · (1 + |golden|)`.
    var passes = true

    mutating func compare(_ swift: some Collection<Float>, _ golden: some Collection<Float>) {
      precondition(swift.count == golden.count, "\(stage): \(swift.count) values against \(golden.count)")
      for (a, b) in zip(swift, golden) {
        let error = abs(a - b)
        maxAbsolute = max(maxAbsolute, error)
        maxRelative = max(maxRelative, error / max(abs(b), 1e-6))
        if !(error <= ParityFixtures.tolerance * (1 + abs(b))) { passes = false }
      }
    }

    var description: String {
      "\(stage): max abs \(String(format: "%.2e", maxAbsolute)), max rel \(String(format: "%.2e", maxRelative))"
        + (passes ? "" : " FAILS")
    }
  }

  /// Runs `model` on the fixture's examples and compares every stage with the golden file.
  static func compare(_ model: MiniVLM, golden goldenFile: SafetensorsFile, towerGolden: SafetensorsFile) throws -> (stages: [StageError], discrete: [String]) {
    let V = model.configuration.visualTokens, Q = model.configuration.questionTokens
    let w = model.configuration.vision.width, d = model.configuration.language.width
    let vocabulary = model.configuration.language.vocabularySize
    let pixels = try towerGolden.uint8s("images"), questions = try goldenFile.int32s("questions").map(Int.init)
    let bytes = 48 * 48 * 3, examples = questions.count / Q
    let names = ["patches", "multi", "query_embedding", "compressor_output", "projector_output", "hidden_states", "logits"]
      + (model.configuration.compressor == .prumerge ? ["prumerge_scores"] : [])
    var errors = Dictionary(uniqueKeysWithValues: names.map { ($0, StageError(stage: $0)) })
    var discrete: [String] = []
    let goldenPatches = try towerGolden.floats("patches"), goldenMulti = try towerGolden.floats("multi")
    let predictions = try goldenFile.int32s("prediction")
    for example in 0..<examples {
      let image = MiniVLM.image(pixels: pixels[(example * bytes)..<((example + 1) * bytes)], side: 48)
      let stages = model.stages(image: image, question: Array(questions[(example * Q)..<((example + 1) * Q)]))
      func golden(_ name: String, _ size: Int) throws -> ArraySlice<Float> {
        try ParityFixtures.slice(name == "patches" ? goldenPatches : name == "multi" ? goldenMulti : goldenFile.floats(name), example, size)
      }
      errors["patches"]!.compare(stages.patches.values, try golden("patches", 144 * w))
      errors["multi"]!.compare(stages.multiLevel.values, try golden("multi", 144 * 4 * w))
      if let embedding = stages.queryEmbedding { errors["query_embedding"]!.compare(embedding.values, try golden("query_embedding", d)) }
      errors["compressor_output"]!.compare(stages.compressed.values, try golden("compressor_output", V * w))
      errors["projector_output"]!.compare(stages.visualTokens.values, try golden("projector_output", V * d))
      errors["hidden_states"]!.compare(stages.hiddenStates.values, try golden("hidden_states", (V + Q) * d))
      errors["logits"]!.compare(stages.logits.values, try golden("logits", vocabulary))
      let argmax = LanguageModel.argmax(stages.logits.values)
      if argmax != Int(predictions[example]) { discrete.append("example \(example): argmax \(argmax), PyTorch \(predictions[example])") }
      if case .pruMerge(let merge, let tokens) = model.connector.compressor {
        var flops = 0
        let plan = merge.plan(stages.patches, tokens: tokens, flops: &flops)
        errors["prumerge_scores"]!.compare(plan.scores, try golden("prumerge_scores", 144))
        let kept = try ParityFixtures.slice(goldenFile.int32s("prumerge_kept"), example, tokens).map(Int.init)
        let assignment = try ParityFixtures.slice(goldenFile.int32s("prumerge_assignment"), example, 144).map(Int.init)
        if plan.kept != kept { discrete.append("example \(example): kept \(plan.kept), PyTorch \(kept)") }
        if plan.cluster != assignment { discrete.append("example \(example): cluster assignment differs") }
      }
    }
    return (names.compactMap { name in errors[name].flatMap { $0.maxAbsolute > 0 || $0.passes == false ? $0 : nil } }, discrete)
  }

  static func slice<T>(_ values: [T], _ example: Int, _ size: Int) -> ArraySlice<T> {
    values[(example * size)..<((example + 1) * size)]
  }

  /// The checkpoint with one element of one tensor moved by `delta`, stored in its own dtype.
  static func perturbed(_ url: URL, tensor: String, delta: Float) throws -> SafetensorsFile {
    let file = try SafetensorsFile(contentsOf: url)
    let entries = try file.names.map { name in
      var values = try file.floats(name)
      if name == tensor { values[0] += delta }
      return SafetensorsEntry(name: name, dtype: file.tensors[name]!.dtype, shape: file.tensors[name]!.shape, values: values)
    }
    return try SafetensorsFile(data: SafetensorsWriter.encode(entries, metadata: file.metadata))
  }
}

@Suite("Parity with the PyTorch trainer (committed fixtures)")
struct ParityTests {
  @Test(arguments: ParityFixtures.compressors)
  func everyStageMatchesPyTorch(compressor: MiniCompressorKind) throws {
    let model = try MiniVLM.load(checkpoint: ParityFixtures.checkpoint(compressor), tower: ParityFixtures.tower)
    let (stages, discrete) = try ParityFixtures.compare(
      model, golden: ParityFixtures.golden(compressor.rawValue), towerGolden: ParityFixtures.golden("tower"))
    print("parity \(compressor.rawValue): " + stages.map(\.description).joined(separator: "; "))
    for stage in stages { #expect(stage.passes, "\(compressor.rawValue) \(stage)") }
    #expect(discrete.isEmpty, "\(compressor.rawValue): \(discrete)")
    #expect(stages.count >= 6)
  }

  /// The comparison can fail: one weight moved in the LM, the connector or the tower is caught.
  @Test(arguments: [
    ("quecc", "language_model.model.layers.1.mlp.down_proj.weight", false),
    ("tokenpacker", "connector.compressor.clip_attn.in_proj_weight", false),
    ("pool", "vision_tower.encoder.layers.3.mlp.fc2.weight", true),
  ])
  func aPerturbedWeightFailsParity(compressor: String, tensor: String, inTower: Bool) throws {
    let kind = MiniCompressorKind(rawValue: compressor)!
    let cellURL = ParityFixtures.checkpoint(kind)
    let tower = inTower ? try ParityFixtures.perturbed(ParityFixtures.tower, tensor: tensor, delta: 0.05)
      : try SafetensorsFile(contentsOf: ParityFixtures.tower)
    let cell = inTower ? try SafetensorsFile(contentsOf: cellURL) : try ParityFixtures.perturbed(cellURL, tensor: tensor, delta: 0.05)
    let model = try MiniVLM(tower: tower, towerPath: "tower", cell: cell, cellPath: compressor)
    let (stages, _) = try ParityFixtures.compare(
      model, golden: ParityFixtures.golden(compressor), towerGolden: ParityFixtures.golden("tower"))
    #expect(stages.contains { !$0.passes }, "moving \(tensor) by 0.05 went unnoticed")
  }

  @Test func theFixturesNameTheirTowerByDigest() throws {
    for compressor in ParityFixtures.compressors {
      let configuration = try MiniVLM.cellConfiguration(
        SafetensorsFile(contentsOf: ParityFixtures.checkpoint(compressor)), path: compressor.rawValue)
      #expect(configuration.visionTowerSHA256 == (try MiniVLM.sha256(of: ParityFixtures.tower)))
    }
  }
}
