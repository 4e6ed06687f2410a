import Foundation

/// `manifest.json` of one family's data: generator version and parameters, seed, every shard
/// with its SHA-256, and the measured majority-answer baseline of every question type.
///
/// Its own SHA-256 is the *data digest* a training record names: it changes when any shard,
/// count, seed or parameter does.
public struct MiniManifest: Encodable, Equatable {
  public var format = "mini-tasks-manifest/1"
  public var family: TaskFamily
  public var generatorVersion: Int
  var parameters: MiniTaskParameters
  public var seed: UInt64
  public var vocabularySize: Int
  public var questionTokens: Int
  public var questionTypes: [String]
  public var patchLabelClasses: Int
  public var splits: [Split]

  /// One split (train or eval) and its shards.
  public struct Split: Encodable, Equatable {
    public var split: DataSplit
    public var images: Int
    public var questions: Int
    public var shards: [Shard]
    public var majorityBaselines: [Baseline]

    enum CodingKeys: String, CodingKey {
      case split, images, questions, shards
      case majorityBaselines = "majority_baselines"
    }
  }

  /// One shard file.
  public struct Shard: Encodable, Equatable {
    public var file: String
    public var sha256: String
    public var bytes: Int
    /// The global index (within the split) of the shard's first image: image `i` of the shard
    /// is image `firstImage + i` of the split's stream.
    public var firstImage: Int
    public var images: Int
    public var questions: Int

    enum CodingKeys: String, CodingKey {
      case file, sha256, bytes, images, questions
      case firstImage = "first_image"
    }
  }

  /// The accuracy of always giving a type's most frequent answer (ties: the lowest id):
  /// `majorityCount / questions`.
  public struct Baseline: Encodable, Equatable {
    public var type: String
    public var questions: Int
    public var majorityAnswer: String
    public var majorityCount: Int
    /// Distinct answers seen for this type.
    public var answers: Int

    public var accuracy: Double { questions == 0 ? 0 : Double(majorityCount) / Double(questions) }

    enum CodingKeys: String, CodingKey {
      case type, questions, answers
      case majorityAnswer = "majority_answer"
      case majorityCount = "majority_count"
    }
  }

  enum CodingKeys: String, CodingKey {
    case format, family, parameters, seed, splits
    case generatorVersion = "generator_version"
    case vocabularySize = "vocabulary_size"
    case questionTokens = "question_tokens"
    case questionTypes = "question_types"
    case patchLabelClasses = "patch_label_classes"
  }

  /// The manifest as written: sorted keys, indented, newline-terminated.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return try encoder.encode(self) + Data("\n".utf8)
  }
}

/// Counts answers per question type, for the majority baselines.
struct AnswerTally {
  let questionTypes: [String]
  private var counts: [[Int32: Int]]

  init(questionTypes: [String]) {
    self.questionTypes = questionTypes
    counts = Array(repeating: [:], count: questionTypes.count)
  }

  mutating func add(_ question: MiniQuestion) {
    counts[question.type][question.answer, default: 0] += 1
  }

  var baselines: [MiniManifest.Baseline] {
    zip(questionTypes, counts).map { type, answers in
      let top = answers.max { ($0.value, -$0.key) < ($1.value, -$1.key) }
      return MiniManifest.Baseline(
        type: type, questions: answers.values.reduce(0, +),
        majorityAnswer: top.map { MiniVocabulary.tokens[Int($0.key)] } ?? "-", majorityCount: top?.value ?? 0,
        answers: answers.count)
    }
  }
}

extension MiniManifest {
  /// Checks that `manifest` (the bytes of a family's `manifest.json`) was written by this
  /// generator — the current ``TaskFamily/generatorVersion`` and the family's standard parameters —
  /// so that nothing trains or evaluates on data an older generator wrote.
  ///
  /// Why: a data directory written before a generator change still has a manifest and shards, and
  /// only its digest differs; training read such a directory silently (the reasoning grid's first
  /// cells trained on version-1 scenes after version 2 had landed, 43 % instead of 62 %).
  public static func requireCurrentGenerator(_ manifest: Data, family: TaskFamily, path: String) throws(MiniTasksError) {
    let stale = { (found: String) -> MiniTasksError in
      .staleData(directory: path, family: family, found: found, expected: "version \(family.generatorVersion), "
        + "parameters \(String(decoding: Self.parametersJSON(family), as: UTF8.self))")
    }
    guard let object = try? JSONSerialization.jsonObject(with: manifest) as? [String: Any] else {
      throw stale("a manifest that is not a JSON object")
    }
    let version = object[CodingKeys.generatorVersion.stringValue] as? Int
    guard version == family.generatorVersion else { throw stale("version \(version.map(String.init) ?? "none")") }
    let expected = try? JSONSerialization.jsonObject(with: parametersJSON(family)) as? NSDictionary
    guard let found = object[CodingKeys.parameters.stringValue] as? NSDictionary, let expected, found.isEqual(expected) else {
      throw stale("other generator parameters")
    }
  }

  /// The standard generator's parameters of `family` as the manifest encodes them (sorted keys).
  static func parametersJSON(_ family: TaskFamily) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(MiniTaskGenerator.standard(family).parameters)) ?? Data()
  }

  /// The smallest manifest ``requireCurrentGenerator(_:family:path:)`` accepts for `family`: its
  /// generator version and parameters only (for tests of code that reads manifests).
  public static func currentGeneratorStamp(_ family: TaskFamily) -> Data {
    let parameters = String(decoding: parametersJSON(family), as: UTF8.self)
    return Data("{\"generator_version\": \(family.generatorVersion), \"parameters\": \(parameters)}\n".utf8)
  }
}
