import Foundation
import Safetensors
import Testing

@testable import MiniTasks

/// A fresh temporary directory, removed by the caller.
private func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("mini-tasks-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// A small valid shard of `family`.
private func smallShard(_ family: TaskFamily, images: Int = 3) -> MiniShard {
  let generator = MiniTaskGenerator.standard(family)
  let metadata = ShardMetadata(
    family: family, generatorVersion: family.generatorVersion, split: .eval, seed: 5, shard: 0,
    vocabulary: MiniVocabulary.tokens, questionTypes: family.questionTypes, questionTokens: MiniTasks.questionTokens,
    patchLabelClasses: generator.patchLabelClasses)
  let examples = (0..<images).map { generator.example(index: $0, split: .eval, seed: 5, questionCount: 4) }
  return MiniShard(metadata: metadata, examples: examples)
}

/// The reason the reader gives for rejecting `data` (nil if it accepts it).
private func rejection(_ data: Data) -> String? {
  do {
    _ = try MiniShard(data: data, file: "bad.safetensors")
    return nil
  } catch {
    guard case .invalidShard(let file, let reason) = error, file == "bad.safetensors" else { return "\(error)" }
    return reason
  }
}

/// A shard file built from `shard`'s tensors after `edit` changes them.
private func tampered(_ shard: MiniShard, metadata: [String: String]? = nil, _ edit: (inout [SafetensorsEntry]) -> Void = { _ in }) throws -> Data {
  let file = try SafetensorsFile(data: try shard.encoded())
  var entries: [SafetensorsEntry] = try file.names.map { name in
    let info = try file.info(name)
    return info.dtype == .u8
      ? .init(name: name, shape: info.shape, uint8s: try file.uint8s(name))
      : .init(name: name, shape: info.shape, int32s: try file.int32s(name))
  }
  edit(&entries)
  return try SafetensorsWriter.encode(entries, metadata: metadata ?? file.metadata)
}

private func replace(_ name: String, in entries: inout [SafetensorsEntry], with entry: SafetensorsEntry) {
  entries[entries.firstIndex { $0.name == name }!] = entry
}

@Suite("Shards")
struct ShardTests {
  @Test func shardsRoundTripThroughTheReader() throws {
    for family in TaskFamily.allCases {
      let shard = smallShard(family)
      let read = try MiniShard(data: try shard.encoded(), file: "x")
      #expect(read == shard)
      #expect(read.imageCount == 3 && read.questionCount == 12)
      #expect(read.question(5) == MiniTaskGenerator.standard(family).example(index: 1, split: .eval, seed: 5, questionCount: 4).questions[1])
      #expect(read.image(2).count == 48 * 48 * 3)
      #expect(read.imageIndex == [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
    }
  }

  @Test func theFileFollowsTheDocumentedLayout() throws {
    let file = try SafetensorsFile(data: try smallShard(.ocr).encoded())
    #expect(file.names == ["answers", "image_index", "images", "patch_labels", "question_types", "questions"])
    #expect(try file.info("images").dtype == .u8)
    #expect(try file.info("images").shape == [3, 48, 48, 3])
    #expect(try file.info("patch_labels").shape == [3, 144])
    #expect(try file.info("questions").shape == [12, 4])
    #expect(try file.info("questions").dtype == .i32)
    let json = try #require(file.metadata["mini_tasks"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(Set(object.keys) == [
      "format", "family", "generator_version", "split", "seed", "shard", "vocabulary", "question_types",
      "question_tokens", "patch_label_classes",
    ])
    #expect(object["format"] as? String == "mini-tasks/1")
    #expect(object["family"] as? String == "ocr")
    #expect(object["split"] as? String == "eval")
    #expect(object["question_tokens"] as? Int == 4)
    #expect(object["patch_label_classes"] as? Int == 65)
    #expect(object["question_types"] as? [String] == ["glyph_of_highlight", "highlight_of_glyph"])
    #expect((object["vocabulary"] as? [String])?.first == "<pad>")
  }

  @Test func theReaderRejectsMalformedShardsWithTheReason() throws {
    let shard = smallShard(.reasoning)
    #expect(rejection(try shard.encoded()) == nil)
    #expect(rejection(Data([1, 2, 3]))?.contains("not a safetensors file") == true)
    #expect(rejection(try tampered(shard, metadata: [:]))?.contains("no key mini_tasks") == true)

    let json = try #require(try SafetensorsFile(data: try shard.encoded()).metadata["mini_tasks"])
    let future = json.replacingOccurrences(of: "mini-tasks/1", with: "mini-tasks/2")
    #expect(rejection(try tampered(shard, metadata: ["mini_tasks": future]))?.contains("\"mini-tasks/2\"") == true)
    let noTokens = json.replacingOccurrences(of: "\"question_tokens\":4,", with: "")
    #expect(rejection(try tampered(shard, metadata: ["mini_tasks": noTokens]))?.contains("question_tokens is missing") == true)

    var padded = shard
    padded.questions[6] = 0
    #expect(rejection(try padded.encoded())?.contains("questions[6] = 0") == true)
    var unknown = shard
    unknown.answers[3] = Int32(MiniVocabulary.count)
    #expect(rejection(try unknown.encoded())?.contains("answers[3] = 61") == true)
    var badType = shard
    badType.questionTypes[0] = 7
    #expect(rejection(try badType.encoded())?.contains("question_types[0] = 7") == true)
    var badImage = shard
    badImage.imageIndex[11] = 3
    #expect(rejection(try badImage.encoded())?.contains("image_index[11] = 3") == true)
    var badLabel = shard
    badLabel.patchLabels[10] = 19
    #expect(rejection(try badLabel.encoded())?.contains("patch_labels[10] = 19") == true)

    let floatImages = try tampered(shard) { entries in
      replace("images", in: &entries, with: .init(name: "images", dtype: .f32, shape: [3, 48, 48, 3], values: Array(repeating: 0, count: 3 * 6912)))
    }
    #expect(rejection(floatImages)?.contains("images has dtype F32, expected U8") == true)
    let flatImages = try tampered(shard) { entries in
      replace("images", in: &entries, with: .init(name: "images", shape: [3, 6912], uint8s: shard.images))
    }
    #expect(rejection(flatImages)?.contains("images has shape [3, 6912]") == true)
    let shortAnswers = try tampered(shard) { entries in
      replace("answers", in: &entries, with: .init(name: "answers", shape: [11], int32s: Array(shard.answers.prefix(11))))
    }
    #expect(rejection(shortAnswers)?.contains("questions has shape [12, 4], expected [n_questions, 4] = [11, 4]") == true)
    let missing = try tampered(shard) { entries in entries.removeAll { $0.name == "image_index" } }
    #expect(rejection(missing)?.contains("tensor image_index is missing") == true)
    let extra = try tampered(shard) { entries in entries.append(.init(name: "extra", shape: [1], uint8s: [0])) }
    #expect(rejection(extra)?.contains("unexpected tensors [\"extra\"]") == true)

    let message = MiniTasksError.invalidShard(file: "f", reason: "r").description
    #expect(message.contains("repro mini data"))
  }
}

@Suite("Data directory")
struct DatasetTests {
  static func plan(_ family: TaskFamily, seed: UInt64 = 1) throws -> MiniDatasetPlan {
    try MiniDatasetPlan(generator: .standard(family), seed: seed, trainQuestions: 95, evalQuestions: 25, imagesPerShard: 4)
  }

  @Test func theSameSeedGivesTheSameBytes() throws {
    let first = try temporaryDirectory()
    let second = try temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    let a = try MiniDataset.write(try Self.plan(.ocr), into: first)
    let b = try MiniDataset.write(try Self.plan(.ocr), into: second)
    #expect(a.digest == b.digest)
    let names = try FileManager.default.contentsOfDirectory(atPath: first.appendingPathComponent("ocr").path).sorted()
    #expect(names.count == 5)  // 3 train shards (10 images), 1 eval shard, the manifest
    for name in names {
      #expect(FileManager.default.contents(atPath: first.appendingPathComponent("ocr/\(name)").path)
        == FileManager.default.contents(atPath: second.appendingPathComponent("ocr/\(name)").path), "\(name)")
    }
    let other = try MiniDataset.write(try Self.plan(.ocr, seed: 2), into: second)
    #expect(other.digest != a.digest)
  }

  @Test func theManifestNamesEveryShardWithItsDigestAndCounts() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let (manifest, digest) = try MiniDataset.write(try Self.plan(.reasoning), into: root)
    let directory = root.appendingPathComponent("reasoning")
    let manifestData = try Data(contentsOf: directory.appendingPathComponent("manifest.json"))
    #expect(MiniDataset.sha256(manifestData) == digest)
    #expect(manifest.splits.map(\.questions) == [95, 25])
    #expect(manifest.splits.map(\.images) == [10, 3])
    #expect(manifest.splits[0].shards.map(\.questions) == [40, 40, 15])
    #expect(manifest.splits[0].shards.map(\.firstImage) == [0, 4, 8])
    #expect(manifest.vocabularySize == 61)
    var questions = 0
    for split in manifest.splits {
      for (index, entry) in split.shards.enumerated() {
        let url = directory.appendingPathComponent(entry.file)
        #expect(MiniDataset.sha256(try Data(contentsOf: url)) == entry.sha256)
        let shard = try MiniShard(contentsOf: url)
        #expect(shard.metadata.shard == index && shard.metadata.split == split.split && shard.metadata.seed == 1)
        #expect(shard.questionCount == entry.questions && shard.imageCount == entry.images)
        // Image i of a shard is image firstImage + i of the split's stream.
        let example = MiniTaskGenerator.standard(.reasoning).example(
          index: entry.firstImage + 1, split: split.split, seed: 1, questionCount: 10)
        #expect(Array(shard.image(1)) == example.image)
        questions += shard.questionCount
      }
      #expect(split.majorityBaselines.map(\.questions).reduce(0, +) == split.questions)
    }
    #expect(questions == 120)
    let json = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
    #expect(json["generator_version"] as? Int == 2)
    #expect((json["parameters"] as? [String: Any])?["object_count"] as? [Int] == [2, 4])
  }

  @Test func rewritingReplacesTheFamilyDirectoryAndLeavesNoStaging() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    try MiniDataset.write(try MiniDatasetPlan(generator: .standard(.ocr), trainQuestions: 200, evalQuestions: 10, imagesPerShard: 5), into: root)
    try MiniDataset.write(try Self.plan(.ocr), into: root)
    try MiniDataset.write(try Self.plan(.reasoning), into: root)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["ocr", "reasoning"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("ocr").path).count == 5)
  }
}

@Suite("Generator version")
struct GeneratorVersionTests {
  /// The data digest of a small dataset of each family, pinned: if a generator's output changes,
  /// this fails. When the change is intended, bump that family's `generatorVersion` (data
  /// recorded with the old version no longer matches its code) and update its digest here. The
  /// reasoning digest must not move when only the OCR family changes: every reasoning cell's
  /// inputs fingerprint names the reasoning manifest.
  @Test func theOutputOfTheCurrentVersionsIsPinned() throws {
    let pinned: [TaskFamily: String] = [
      .reasoning: "14987cb5e6b7dbc32ed66008da2a63d80edac03e032d64f9fe8867c4fbb69d82",
      .ocr: "2ddf34cc2c583eaf22e64015e081d313624976304bf3b201afa547dca86c54d5",
    ]
    #expect(TaskFamily.reasoning.generatorVersion == 2 && TaskFamily.ocr.generatorVersion == 3)
    for family in TaskFamily.allCases {
      let root = FileManager.default.temporaryDirectory.appendingPathComponent("mini-tasks-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: root) }
      let plan = try MiniDatasetPlan(generator: .standard(family), seed: 1, trainQuestions: 30, evalQuestions: 20)
      let digest = try MiniDataset.write(plan, into: root).digest
      #expect(digest == pinned[family], "\(family): the generator's output changed (digest \(digest))")
    }
  }
}
