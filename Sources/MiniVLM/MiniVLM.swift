import HexDigest
import Foundation
import QueCC
import Safetensors
import VLM

/// A trained miniature VLM (docs/miniature-vlm.md): the shared vision tower, one cell's
/// connector and its Qwen-style LM, loaded from a tower file plus a cell checkpoint.
///
/// The forward pass is organised for evaluation in bulk: `vision.features` encodes images in
/// batches, `connector.imageState` does the per-image connector work, and `queryEmbeddings` /
/// `answerLogits` run the LM over many equal-length sequences at once.
public struct MiniVLM: Sendable {
  public let configuration: MiniCellConfiguration
  public let vision: VisionEncoder
  public let connector: MiniConnector
  public let language: LanguageModel

  /// The metadata key holding the configuration JSON, in towers and cell checkpoints alike.
  public static let metadataKey = "mini_vlm"

  /// Builds the model from opened files; `towerPath` and `cellPath` name them in errors.
  /// Checks the tower's vision configuration against the cell's, that the cell holds exactly
  /// the tensors its configuration uses, and the tied LM head.
  public init(tower: SafetensorsFile, towerPath: String, cell: SafetensorsFile, cellPath: String) throws(MiniVLMError) {
    let configuration = try Self.cellConfiguration(cell, path: cellPath)
    let towerConfiguration = try Self.towerConfiguration(tower, path: towerPath)
    guard towerConfiguration.vision == configuration.vision else {
      throw .visionMismatch(tower: towerPath, checkpoint: cellPath)
    }
    let tied = configuration.language.tiedEmbeddings
    let head = "language_model.lm_head.weight", embedding = "language_model.model.embed_tokens.weight"
    let expected = Set(Self.cellParameters(configuration).map(\.name))
    let unexpected = cell.names.filter { !expected.contains($0) }
    guard unexpected.isEmpty else { throw .unexpectedTensors(path: cellPath, names: unexpected) }
    if tied, cell.tensors[head] != nil, cell.tensors[embedding] != nil {
      guard (try? cell.floats(head)) == (try? cell.floats(embedding)) else { throw .tiedHeadDiffers(path: cellPath) }
    }
    self.configuration = configuration
    do {
      vision = try VisionEncoder(Weights(tower).scoped("vision_tower"), config: configuration.vision.engine)
    } catch {
      throw .weights(path: towerPath, error)
    }
    do {
      connector = try MiniConnector(Weights(cell).scoped("connector"), configuration: configuration)
      language = try LanguageModel(Weights(cell).scoped("language_model"), config: configuration.language.engine, tiedHead: tied)
    } catch {
      throw .weights(path: cellPath, error)
    }
  }

  /// Loads a cell checkpoint and its vision tower. Without `tower`, the tower is looked for
  /// beside the checkpoint and in its parent directory: the `.safetensors` file whose SHA-256
  /// is the checkpoint's `vision_tower_sha256`. An explicit tower must have that digest too.
  public static func load(checkpoint: URL, tower: URL? = nil) throws(MiniVLMError) -> MiniVLM {
    let cell = try open(checkpoint)
    let configuration = try cellConfiguration(cell, path: checkpoint.path)
    let towerURL: URL
    if let tower {
      towerURL = tower
    } else {
      towerURL = try locateTower(for: checkpoint, sha256: configuration.visionTowerSHA256)
    }
    let digest = try sha256(of: towerURL)
    guard digest == configuration.visionTowerSHA256.lowercased() else {
      throw .towerDigestMismatch(tower: towerURL.path, found: digest, expected: configuration.visionTowerSHA256)
    }
    return try MiniVLM(tower: open(towerURL), towerPath: towerURL.path, cell: cell, cellPath: checkpoint.path)
  }

  // MARK: Forward pass, in bulk

  /// A `[3, side, side]` image from `u8` pixels stored `[side, side, 3]` (channels last), scaled
  /// as the trainer does: `(u8 / 255 − 0.5) / 0.5`.
  public static func image(pixels: some Collection<UInt8>, side: Int) -> Image {
    precondition(pixels.count == side * side * 3, "an RGB image of side \(side) has \(side * side * 3) bytes")
    let area = side * side
    let values = [Float](unsafeUninitializedCapacity: 3 * area) { values, count in
      var pixel = 0, channel = 0
      for byte in pixels {
        values[channel * area + pixel] = pixelValues[Int(byte)]
        channel += 1
        if channel == 3 { (channel, pixel) = (0, pixel + 1) }
      }
      count = 3 * area
    }
    return Image(side: side, pixels: values)
  }

  /// `(u8 / 255 − 0.5) / 0.5` for every byte, computed once in the trainer's order of operations.
  private static let pixelValues: [Float] = (0...255).map { (Float($0) / 255 - 0.5) / 0.5 }

  /// QueCC's query embeddings: the LM over each question alone (positions `0…Q−1`), final-normed
  /// state at its last token, `[B, d]`. `questions` holds `B` questions of `Q` tokens back to back.
  public func queryEmbeddings(_ questions: [Int], flops: inout Int) -> Matrix {
    language.lastHiddenStates(language.embed(questions), sequenceLength: configuration.questionTokens, flops: &flops)
  }

  /// The answer logits `[B, vocabulary]` at the last position of each prompt
  /// `[visual tokens (V); embed(question) (Q)]`, for `visualTokens: [B·V, d]` and `B` questions.
  public func answerLogits(visualTokens: Matrix, questions: [Int], flops: inout Int) -> Matrix {
    let V = configuration.visualTokens, Q = configuration.questionTokens, d = configuration.language.width
    let B = questions.count / Q
    precondition(visualTokens.rows == B * V && questions.count == B * Q, "V visual tokens and Q question tokens per prompt")
    let text = language.embed(questions)
    var prompts = [Float]()
    prompts.reserveCapacity(B * (V + Q) * d)
    for b in 0..<B {
      prompts += visualTokens.values[(b * V * d)..<((b + 1) * V * d)]
      prompts += text.values[(b * Q * d)..<((b + 1) * Q * d)]
    }
    let hidden = language.lastHiddenStates(Matrix(rows: B * (V + Q), columns: d, values: prompts), sequenceLength: V + Q, flops: &flops)
    return language.logits(hidden, flops: &flops)
  }

  /// Every stage's output for one image and question, as the parity fixtures record them.
  public func stages(image: Image, question: [Int]) -> MiniStageActivations {
    var flops = 0
    let features = vision.features([image], flops: &flops)[0]
    let state = connector.imageState(features, flops: &flops)
    var queryEmbedding: Matrix?
    let compressed: Matrix
    if connector.readsQuestion {
      queryEmbedding = queryEmbeddings(question, flops: &flops)
      compressed = connector.queccCompressed([state], queryEmbeddings: queryEmbedding!, flops: &flops)
    } else {
      compressed = connector.compressed(features, flops: &flops)!
    }
    let visual = connector.visualTokens([state], queryEmbeddings: queryEmbedding, flops: &flops)
    // Every position's state, through the KV-cache path (the batch path keeps the last one only).
    let prompt = Matrix.stacking([visual, language.embed(question)])
    var cache = language.makeCache(capacity: prompt.rows)
    return MiniStageActivations(
      patches: features.patches, multiLevel: features.multiLevel, queryEmbedding: queryEmbedding, compressed: compressed,
      visualTokens: visual, hiddenStates: language.hiddenStates(prompt, cache: &cache, flops: &flops),
      logits: answerLogits(visualTokens: visual, questions: question, flops: &flops))
  }

  // MARK: Files and metadata

  /// The tensors of a vision tower file (`vision_tower.*`), as the engine reads them.
  public static func towerParameters(_ vision: MiniVisionConfiguration) -> [ParameterSpec] {
    VisionEncoder.parameters(vision.engine).scoped("vision_tower")
  }

  /// The tensors of a cell checkpoint (`connector.*`, `language_model.*`), `lm_head` included.
  public static func cellParameters(_ configuration: MiniCellConfiguration) -> [ParameterSpec] {
    MiniConnector.parameters(configuration).scoped("connector")
      + LanguageModel.parameters(configuration.language.engine).scoped("language_model")
  }

  /// The `__metadata__` map of a file carrying `configuration` (a cell's or a tower's).
  public static func metadata(_ configuration: some Encodable) throws -> [String: String] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return [metadataKey: String(decoding: try encoder.encode(configuration), as: UTF8.self)]
  }

  /// The validated configuration of a cell checkpoint.
  public static func cellConfiguration(_ file: SafetensorsFile, path: String) throws(MiniVLMError) -> MiniCellConfiguration {
    let configuration: MiniCellConfiguration = try decodeMetadata(file, path: path, format: MiniCellConfiguration.format)
    if let (field, reason) = configuration.problems().first {
      throw .invalidConfiguration(path: path, field: field, reason: reason)
    }
    return configuration
  }

  /// The validated configuration of a vision tower file.
  public static func towerConfiguration(_ file: SafetensorsFile, path: String) throws(MiniVLMError) -> MiniTowerConfiguration {
    let configuration: MiniTowerConfiguration = try decodeMetadata(file, path: path, format: MiniTowerConfiguration.format)
    if let (field, reason) = configuration.vision.problems().first {
      throw .invalidConfiguration(path: path, field: field, reason: reason)
    }
    return configuration
  }

  private static func decodeMetadata<T: Decodable>(_ file: SafetensorsFile, path: String, format: String) throws(MiniVLMError) -> T {
    guard let json = file.metadata[metadataKey] else { throw .missingMetadata(path: path, expectedFormat: format) }
    do {
      let found = try JSONDecoder().decode(FormatHeader.self, from: Data(json.utf8)).format
      guard found == format else { throw MiniVLMError.wrongFormat(path: path, found: found, expected: format) }
      return try JSONDecoder().decode(T.self, from: Data(json.utf8))
    } catch let error as MiniVLMError {
      throw error
    } catch let DecodingError.keyNotFound(key, context) {
      throw .malformedMetadata(path: path, reason: "missing key \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))")
    } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
      let DecodingError.dataCorrupted(context)
    {
      let field = context.codingPath.map(\.stringValue).joined(separator: ".")
      throw .malformedMetadata(path: path, reason: (field.isEmpty ? "" : "\(field): ") + context.debugDescription)
    } catch {
      throw .malformedMetadata(path: path, reason: "\(error)")
    }
  }

  static func open(_ url: URL) throws(MiniVLMError) -> SafetensorsFile {
    do {
      return try SafetensorsFile(contentsOf: url)
    } catch {
      throw .unreadable(path: url.path, reason: "\(error)")
    }
  }

  /// The SHA-256 of a file's bytes, lowercase hex (how `vision_tower_sha256` names a tower).
  public static func sha256(of url: URL) throws(MiniVLMError) -> String {
    do {
      return try SHA256Hex.of(fileAt: url)
    } catch {
      throw .unreadable(path: url.path, reason: error.localizedDescription)
    }
  }

  /// The tower beside `checkpoint` (or in its parent directory) whose SHA-256 is `sha256`.
  public static func locateTower(for checkpoint: URL, sha256 digest: String) throws(MiniVLMError) -> URL {
    let directory = checkpoint.deletingLastPathComponent()
    let searched = [directory, directory.deletingLastPathComponent()]
    for folder in searched {
      let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
      for file in files.sorted(by: { $0.path < $1.path }) where file.pathExtension == "safetensors" {
        guard let opened = try? SafetensorsFile(contentsOf: file),
          opened.metadata[metadataKey]?.contains(MiniTowerConfiguration.format) == true
        else { continue }
        if (try? sha256(of: file)) == digest.lowercased() { return file }
      }
    }
    throw .towerNotFound(checkpoint: checkpoint.path, sha256: digest, searched: searched.map(\.path))
  }
}

/// The one key every `mini_vlm` metadata object shares, read first to name a wrong file clearly.
private struct FormatHeader: Decodable {
  var format: String
}

/// The output of every stage for one example, named as docs/miniature-vlm.md §2 numbers them.
public struct MiniStageActivations: Sendable {
  /// `hidden_states[depth − 1][1:]`, `[P, w]`.
  public var patches: Matrix
  /// The four feature levels side by side, `[P, 4w]`.
  public var multiLevel: Matrix
  /// QueCC only: the LM's final-normed state at the question's last token, `[1, d]`.
  public var queryEmbedding: Matrix?
  /// The compressor's output, `[V, w]`.
  public var compressed: Matrix
  /// The projector's output, `[V, d]`.
  public var visualTokens: Matrix
  /// The LM's final-normed output at every position of `[visual; question]`, `[V + Q, d]`.
  public var hiddenStates: Matrix
  /// The answer logits, `[1, vocabulary]`.
  public var logits: Matrix
}
