import ArgumentParser
import Foundation
import MiniTasks
import ResultsStore

/// `repro mini data`: write each family's training shards, held-out shards and manifest.
struct MiniDataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data",
    abstract: "Generate the miniature task shards (safetensors) and manifest of each family.",
    discussion: """
      Writes DIR/<family>/<family>-{train,eval}-NNN.safetensors and DIR/<family>/manifest.json, \
      replacing DIR/<family>/ atomically. The same seed always gives the same bytes; the \
      manifest's SHA-256 (printed) is the data digest a training record names.
      """)

  @Option(help: "Which family: reasoning, ocr or all.")
  var family: FamilySelection = .all

  @Option(help: "Training questions per family (10…10,000,000); 10 per image.")
  var trainQuestions = MiniDatasetPlan.standardTrainQuestions

  @Option(help: "Held-out questions per family (10…1,000,000); 10 per image.")
  var evalQuestions = MiniDatasetPlan.standardEvalQuestions

  @Option(help: "Data directory (default: .mini-data/ in the project).")
  var output: String?

  @Option(help: "Seed of every generator stream (0…4294967295); train and eval streams never overlap.")
  var seed: UInt64 = MiniDatasetPlan.standardSeed

  func validate() throws {
    _ = try plans()
  }

  func plans() throws -> [MiniDatasetPlan] {
    do {
      return try family.families.map { family throws(MiniTasksError) in
        try MiniDatasetPlan(
          generator: .standard(family), seed: seed, trainQuestions: trainQuestions, evalQuestions: evalQuestions)
      }
    } catch {
      throw ValidationError("\(error)")
    }
  }

  func run() throws {
    let root = try output.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? MiniDataDirectory.locate()
    for plan in try plans() {
      let start = Date()
      let (manifest, digest) = try MiniDataset.write(plan, into: root) { print("  \($0)") }
      let seconds = Date().timeIntervalSince(start)
      let bytes = manifest.splits.flatMap(\.shards).reduce(0) { $0 + $1.bytes }
      print("""
        \(plan.family.rawValue): \(root.appendingPathComponent(plan.family.rawValue).path) \
        (\(String(format: "%.1f", Double(bytes) / 1_000_000)) MB in \(String(format: "%.1f", seconds)) s), \
        data digest \(digest)
        """)
      for split in manifest.splits {
        let baselines = split.majorityBaselines.map { "\($0.type) \(String(format: "%.0f", 100 * $0.accuracy))%" }
        print("  \(split.split.rawValue): majority-answer baseline \(baselines.joined(separator: ", "))")
      }
    }
  }
}

/// `--family`: one family or both.
enum FamilySelection: String, ExpressibleByArgument, CaseIterable {
  case reasoning, ocr, all

  var families: [TaskFamily] {
    switch self {
    case .reasoning: [.reasoning]
    case .ocr: [.ocr]
    case .all: TaskFamily.allCases
    }
  }
}

/// Where the miniature data lives by default: `.mini-data/` at the project root.
enum MiniDataDirectory {
  static func locate() throws -> URL {
    try ProjectLayout.locate().root.appendingPathComponent(".mini-data", isDirectory: true)
  }
}
