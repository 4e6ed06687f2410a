import ExperimentRegistry
import Foundation
import MiniTasks
import MiniVLM
import Testing

@testable import MiniReplication

@Suite struct GridTests {
  @Test func cellNamesAreUniqueAndReadable() {
    for grid in MiniGrid.all {
      #expect(Set(grid.cells.map(\.name)).count == grid.cells.count, "grid \(grid.name) repeats a cell")
    }
    let cell = MiniGrid.smoke.cells[1]
    #expect(cell.name == "reasoning-tokenpacker-d32l2-v16-s0")
  }

  /// The same count as the trainer's `LanguageConfig.non_embedding_parameters` (worked by hand:
  /// per layer 3·(32² + 32) + 32² + 3·32·88 + 2·32 = 12,704; two layers plus the final norm).
  @Test func nonEmbeddingParametersMatchTheTrainer() {
    #expect(MiniGrid.sizes[0].nonEmbeddingParameters == 25_440)
    let sizes = MiniGrid.sizes.map(\.nonEmbeddingParameters)
    #expect(sizes == sizes.sorted(), "sizes must be listed smallest first")
    #expect(Double(sizes.last!) / Double(sizes.first!) >= 10, "the sizes must span at least 10× in N")
  }

  /// The registry (below this module) writes the miniature sizes and question length down for
  /// the mini figures; they must be the trainer's.
  @Test func theMiniFiguresRegisterTheGridsSizesAndQuestionLength() {
    #expect(Experiment.miniSizesBillion == MiniGrid.sizes.map { Double($0.nonEmbeddingParameters) / 1e9 })
    #expect(Experiment.miniQuestionTokens == Double(MiniTasks.questionTokens))
    let side = VisionTowerTraining.shape.imageSide / VisionTowerTraining.shape.patchSide
    let patches = side * side
    #expect(Experiment.miniVisualTokenRange == 1...Double(patches), "the frontier's V range ends at the uncompressed patch grid")
    #expect(Experiment.miniReasoningFit.suite == MiniSuite.reasoning.id)
  }

  /// Figure 5 fits one law per compressor's grid, and Mini Table 1 reads the comparison grid in
  /// blocks of its token counts: the suites and counts the trainer's grids make.
  @Test func figure5AndMiniTable1ReadTheGridsTheReplicationTrains() {
    #expect(Experiment.figure5Settings.fits.map(\.suite) == [MiniSuite.reasoning.id, MiniSuite.reasoningPruMerge.id])
    #expect(Experiment.figure5Settings.fits.allSatisfy { $0.sizesBillion == Experiment.miniSizesBillion })
    #expect(Experiment.miniTable1Settings.comparisonSuite == MiniSuite.compressors.id)
    #expect(Experiment.miniTable1Settings.budgets == MiniGrid.comparisonTokenCounts.reversed())
    #expect(Experiment.miniTable1Settings.method == MiniSuite.methodID(.quecc))
  }

  /// The two scaling grids differ in their compressor only, and the comparison has every
  /// compressor at every (size, V), sharing the scaling grids' cells rather than retraining them.
  @Test func thePruMergeGridAndTheComparisonAreTheScalingGridsOtherCompressors() {
    let tokenPacker = MiniGrid.reasoningScaling.cells
    let pruMerge = MiniGrid.reasoningPruMerge.cells
    #expect(Set(pruMerge.map { var cell = $0; cell.compressor = .tokenpacker; return cell }) == Set(tokenPacker))
    let comparison = MiniGrid.reasoningCompressors.cells
    #expect(comparison.count == 2 * MiniCompressorKind.allCases.count * MiniGrid.comparisonTokenCounts.count)
    for cell in comparison where cell.compressor == .tokenpacker || cell.compressor == .prumerge {
      #expect((tokenPacker + pruMerge).contains(cell), "\(cell.name) is a scaling grid's cell")
    }
    #expect(MiniGrid.reasoningCompressors.recipe == MiniGrid.reasoningScaling.recipe)
  }

  /// A cell's checkpoint is one file whichever grid trains it, so every grid that lists a cell
  /// must train it with the same recipe (the OCR recipe differs from the reasoning one).
  @Test func aCellSharedByTwoGridsHasOneRecipe() {
    var recipes: [String: (grid: String, recipe: TrainingRecipe)] = [:]
    for grid in MiniGrid.all {
      for cell in grid.cells {
        if let seen = recipes[cell.name] {
          #expect(seen.recipe == grid.recipe, "\(cell.name) is in \(seen.grid) and \(grid.name) with other recipes")
        }
        recipes[cell.name] = (grid.name, grid.recipe)
      }
    }
  }

  /// The OCR grid is the reasoning grid's (N, V) lattice on the other family.
  @Test func theOCRGridSpansTheReasoningGridsSizesAndTokenCounts() {
    let ocr = MiniGrid.ocrScaling.cells
    #expect(ocr.allSatisfy { $0.family == .ocr && $0.seed == 0 })
    #expect(Set(ocr.map(\.language)) == Set(MiniGrid.reasoningScaling.cells.map(\.language)))
    #expect(Set(ocr.map(\.visualTokens)) == Set(MiniGrid.reasoningScaling.cells.map(\.visualTokens)))
    #expect(ocr.count == MiniGrid.reasoningScaling.cells.count)
  }

  @Test func everyGridTokenCountIsOneTheTwelveByTwelveGridCanMake() {
    let supported: Set = [1, 4, 9, 16, 36, 144]
    for grid in MiniGrid.all {
      for cell in grid.cells { #expect(supported.contains(cell.visualTokens), "\(cell.name)") }
    }
  }
}

@Suite struct TrainingConfigTests {
  @Test func configIsDeterministicAndUsesTheTrainersKeys() throws {
    let cell = MiniGrid.smoke.cells[0]
    let paths = CellTrainingConfig.DataPaths(trainShards: ["a.safetensors"], evalShard: "e.safetensors", visionTower: "t.safetensors")
    let first = try CellTrainingConfig(cell: cell, recipe: MiniGrid.smoke.recipe, data: paths).encoded()
    let second = try CellTrainingConfig(cell: cell, recipe: MiniGrid.smoke.recipe, data: paths).encoded()
    #expect(first == second)
    let json = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
    #expect(Set(json.keys) == ["cell", "family", "compressor", "visual_tokens", "compressor_heads", "language", "training",
                               "storage_dtype", "data"])
    let language = try #require(json["language"] as? [String: Any])
    #expect(Set(language.keys) == ["width", "layers", "heads", "mlp_width", "rope_theta", "rms_epsilon", "tied_embeddings"])
    let training = try #require(json["training"] as? [String: Any])
    #expect(Set(training.keys) == ["examples", "batch_size", "learning_rate", "weight_decay", "seed"])
  }

  @Test func relativePathsClimbOutOfTheWorkFolder() {
    let base = URL(fileURLWithPath: "/p/.mini-work/cell", isDirectory: true)
    #expect(URL(fileURLWithPath: "/p/.mini-data/reasoning/x.safetensors").path(relativeTo: base) == "../../.mini-data/reasoning/x.safetensors")
    #expect(URL(fileURLWithPath: "/p/.mini-work/cell/config.json").path(relativeTo: base) == "config.json")
  }
}

@Suite struct StalenessTests {
  /// A scratch project with a tower, a manifest and a training-code folder, so fingerprints can be
  /// computed without data generation or torch.
  func scratch() throws -> MiniLayout {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("mini-replication-\(UUID().uuidString)")
    let layout = MiniLayout(root: root)
    let files = FileManager.default
    for folder in [layout.artifactsDirectory, layout.familyData(.reasoning), layout.trainingDirectory.appendingPathComponent("minivlm")] {
      try files.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    try Data("tower".utf8).write(to: layout.visionTower)
    try MiniManifest.currentGeneratorStamp(.reasoning).write(to: layout.familyData(.reasoning).appendingPathComponent(MiniDataset.manifestName))
    for split in ["train-000", "eval-000"] {
      try Data().write(to: layout.familyData(.reasoning).appendingPathComponent("reasoning-\(split).safetensors"))
    }
    try Data("print(1)".utf8).write(to: layout.trainingDirectory.appendingPathComponent("minivlm/train.py"))
    return layout
  }

  @Test func anUntrainedCellIsStaleAndItsFingerprintFollowsEveryInput() throws {
    let layout = try scratch()
    defer { try? FileManager.default.removeItem(at: layout.root) }
    let training = CellTraining(layout: layout, grid: MiniGrid.smoke)
    let cell = MiniGrid.smoke.cells[0]
    #expect(try training.staleness(cell) == "never trained")
    let before = try training.inputsFingerprint(cell)
    #expect(try training.inputsFingerprint(cell) == before)
    try Data("print(2)".utf8).write(to: layout.trainingDirectory.appendingPathComponent("minivlm/train.py"))
    let afterCode = try training.inputsFingerprint(cell)
    #expect(afterCode != before, "editing the training code must make the cell stale")
    try Data("tower 2".utf8).write(to: layout.visionTower)
    #expect(try training.inputsFingerprint(cell) != afterCode, "a new vision tower must make the cell stale")
  }

  @Test func aRecordWithTheCurrentFingerprintAndCheckpointIsUpToDate() throws {
    let layout = try scratch()
    defer { try? FileManager.default.removeItem(at: layout.root) }
    let training = CellTraining(layout: layout, grid: MiniGrid.smoke)
    let cell = MiniGrid.smoke.cells[0]
    try FileManager.default.createDirectory(at: layout.cellsDirectory, withIntermediateDirectories: true)
    let checkpoint = Data("weights".utf8)
    try checkpoint.write(to: layout.checkpoint(cell))
    try TrainingRecord.write(
      ["inputs_sha256": try training.inputsFingerprint(cell), "checkpoint": ["sha256": CellTraining.sha256(checkpoint)]],
      to: layout.record(cell))
    #expect(try training.staleness(cell) == nil)
    #expect(training.state(cell) == "up to date", "`mini cells` said 'inputs missing' here: try? flattened nil staleness")
    try Data("edited".utf8).write(to: layout.checkpoint(cell))
    #expect(try training.staleness(cell) == "checkpoint missing or changed since its record")
    #expect(training.state(cell) == "checkpoint missing or changed since its record")
    try FileManager.default.removeItem(at: layout.visionTower)
    #expect(training.state(cell).hasPrefix("inputs missing: no vision tower"))
  }

  /// The reasoning grid's first cells trained on a `.mini-data/` that generator version 1 had
  /// written after version 2 had landed: the fingerprint changed, but training went ahead.
  @Test func dataOfAnOlderGeneratorIsRefusedWithTheCommandThatRegeneratesIt() throws {
    let layout = try scratch()
    defer { try? FileManager.default.removeItem(at: layout.root) }
    let training = CellTraining(layout: layout, grid: MiniGrid.smoke)
    let cell = MiniGrid.smoke.cells[0]
    let manifest = layout.familyData(.reasoning).appendingPathComponent(MiniDataset.manifestName)
    let current = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: manifest)) as? [String: Any])
    var older = current
    older["generator_version"] = TaskFamily.reasoning.generatorVersion - 1
    try JSONSerialization.data(withJSONObject: older).write(to: manifest)
    let error = try #require(throws: MiniTasksError.self) { try training.inputsFingerprint(cell) }
    #expect("\(error)".contains("./repro mini data --family reasoning"))
    #expect(training.state(cell).contains("older generator"))
    var otherParameters = current
    var parameters = try #require(current["parameters"] as? [String: Any])
    parameters["noise"] = 7
    otherParameters["parameters"] = parameters
    try JSONSerialization.data(withJSONObject: otherParameters).write(to: manifest)
    #expect(throws: MiniTasksError.self) { try training.inputsFingerprint(cell) }
    try JSONSerialization.data(withJSONObject: current).write(to: manifest)
    _ = try training.inputsFingerprint(cell)
  }

  @Test func missingInputsNameTheCommandThatMakesThem() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("mini-empty-\(UUID().uuidString)")
    let training = CellTraining(layout: MiniLayout(root: root), grid: MiniGrid.smoke)
    #expect(throws: MiniReplicationError.missingVisionTower(path: MiniLayout(root: root).visionTower.path)) {
      try training.inputsFingerprint(MiniGrid.smoke.cells[0])
    }
  }
}
