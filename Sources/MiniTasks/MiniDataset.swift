import AtomicFiles
import HexDigest
import Foundation

/// What `repro mini data` writes for one family: how many questions per split, the seed, and
/// how the questions are cut into shards.
public struct MiniDatasetPlan: Sendable {
  public var generator: MiniTaskGenerator
  public var seed: UInt64
  public var trainQuestions: Int
  public var evalQuestions: Int
  /// Images per shard (the last shard of a split may have fewer).
  public var imagesPerShard: Int

  /// Training questions: 10…10,000,000.
  public static let trainQuestionRange = 10...10_000_000
  /// Held-out questions: 10…1,000,000.
  public static let evalQuestionRange = 10...1_000_000
  /// Seeds: 0…2³² − 1.
  public static let seedRange: ClosedRange<UInt64> = 0...UInt64(UInt32.max)
  /// Images per shard: 1…100,000.
  public static let imagesPerShardRange = 1...100_000

  /// The standard data every committed cell was trained and evaluated on (`repro mini data`'s
  /// defaults): 100,000 training and 4,000 held-out questions from seed 1.
  public static let standardTrainQuestions = 100_000
  public static let standardEvalQuestions = 4_000
  public static let standardSeed: UInt64 = 1

  /// The standard data by default; shards of 2,000 images (20,000 questions, about 14 MB).
  public init(
    generator: MiniTaskGenerator, seed: UInt64 = standardSeed, trainQuestions: Int = standardTrainQuestions,
    evalQuestions: Int = standardEvalQuestions, imagesPerShard: Int = 2_000
  ) throws(MiniTasksError) {
    try MiniTasksError.check("train questions", trainQuestions, within: Self.trainQuestionRange)
    try MiniTasksError.check("eval questions", evalQuestions, within: Self.evalQuestionRange)
    try MiniTasksError.check("images per shard", imagesPerShard, within: Self.imagesPerShardRange)
    guard Self.seedRange.contains(seed) else {
      throw .outOfRange(name: "seed", value: "\(seed)", range: "\(Self.seedRange)")
    }
    self.generator = generator
    self.seed = seed
    self.trainQuestions = trainQuestions
    self.evalQuestions = evalQuestions
    self.imagesPerShard = imagesPerShard
  }

  public var family: TaskFamily { generator.family }

  func questions(_ split: DataSplit) -> Int {
    switch split {
    case .train: trainQuestions
    case .eval: evalQuestions
    }
  }

  /// The file name of shard `index` of `split`.
  public func shardName(_ split: DataSplit, _ index: Int) -> String {
    "\(family.rawValue)-\(split.rawValue)-\(String(format: "%03d", index)).safetensors"
  }

  /// The shards of `split`: each one's image range (global image indices) and question count.
  func shards(_ split: DataSplit) -> [(images: Range<Int>, questions: Int)] {
    let total = questions(split)
    let perImage = generator.questionsPerImage
    let imageCount = (total + perImage - 1) / perImage
    return stride(from: 0, to: imageCount, by: imagesPerShard).map { first in
      let images = first..<min(imageCount, first + imagesPerShard)
      return (images, min(total, images.upperBound * perImage) - first * perImage)
    }
  }

  /// The examples of one shard, image by image; the last image of a split may have fewer questions.
  func examples(_ split: DataSplit, images: Range<Int>) -> [MiniExample] {
    let total = questions(split)
    let perImage = generator.questionsPerImage
    return images.map { index in
      generator.example(
        index: index, split: split, seed: seed, questionCount: min(perImage, total - index * perImage))
    }
  }
}

/// Writes one family's shards and manifest, and reads the manifest back.
public enum MiniDataset {
  /// The manifest's file name, beside the shards.
  public static let manifestName = "manifest.json"

  /// Generates every shard of `plan` and writes them with `manifest.json` into
  /// `root/<family>/`, replacing that directory atomically (a reader sees the old data or the
  /// new, never a mix). Returns the manifest and its SHA-256, the *data digest*.
  @discardableResult
  public static func write(
    _ plan: MiniDatasetPlan, into root: URL, progress: (String) -> Void = { _ in }
  ) throws -> (manifest: MiniManifest, digest: String) {
    let files = FileManager.default
    try files.createDirectory(at: root, withIntermediateDirectories: true)
    let destination = root.appendingPathComponent(plan.family.rawValue, isDirectory: true)
    let staged = AtomicFile.temporarySibling(of: destination)
    try files.createDirectory(at: staged, withIntermediateDirectories: false)
    do {
      let manifest = try writeShards(plan, into: staged, progress: progress)
      let json = try manifest.encoded()
      try AtomicFile.write(json, to: staged.appendingPathComponent(manifestName))
      try AtomicFile.replaceDirectory(destination, with: staged)
      return (manifest, sha256(json))
    } catch {
      try? files.removeItem(at: staged)
      throw error
    }
  }

  private static func writeShards(
    _ plan: MiniDatasetPlan, into directory: URL, progress: (String) -> Void
  ) throws -> MiniManifest {
    var splits: [MiniManifest.Split] = []
    for split in DataSplit.allCases {
      var shards: [MiniManifest.Shard] = []
      var tally = AnswerTally(questionTypes: plan.generator.questionTypes)
      for (index, range) in plan.shards(split).enumerated() {
        let examples = plan.examples(split, images: range.images)
        let metadata = ShardMetadata(
          family: plan.family, generatorVersion: plan.family.generatorVersion, split: split, seed: plan.seed,
          shard: index, vocabulary: MiniVocabulary.tokens, questionTypes: plan.generator.questionTypes,
          questionTokens: MiniTasks.questionTokens, patchLabelClasses: plan.generator.patchLabelClasses)
        let data = try MiniShard(metadata: metadata, examples: examples).encoded()
        let name = plan.shardName(split, index)
        try AtomicFile.write(data, to: directory.appendingPathComponent(name))
        for question in examples.flatMap(\.questions) { tally.add(question) }
        shards.append(.init(
          file: name, sha256: sha256(data), bytes: data.count, firstImage: range.images.lowerBound,
          images: range.images.count, questions: range.questions))
        progress("\(name): \(range.images.count) images, \(range.questions) questions")
      }
      splits.append(.init(
        split: split, images: shards.reduce(0) { $0 + $1.images }, questions: plan.questions(split), shards: shards,
        majorityBaselines: tally.baselines))
    }
    return MiniManifest(
      family: plan.family, generatorVersion: plan.family.generatorVersion, parameters: plan.generator.parameters,
      seed: plan.seed, vocabularySize: MiniVocabulary.count, questionTokens: MiniTasks.questionTokens,
      questionTypes: plan.generator.questionTypes, patchLabelClasses: plan.generator.patchLabelClasses, splits: splits)
  }

  /// Lowercase hex SHA-256 of `data`.
  static func sha256(_ data: Data) -> String {
    SHA256Hex.of(data)
  }
}
