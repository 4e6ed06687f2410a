import Foundation
import InferenceCost
import InferenceEngine
import MiniTasks
import MiniVLM

/// The inference cost of the trained miniature models, timed by the Swift engine: does the
/// paper's 2·N·(Q+V) describe them (the twin of `cost.linear-in-tokens`)? Each grid must have one
/// cell per (LM size, V), as the scaling grids do; grids of different task families are timed in
/// one run, so their timings share a machine state and one line can be fitted through all of them.
///
/// Every trained cell answers the same `requests` held-out questions of its family (each with its
/// own image, one batch, one thread), `repetitions` times, interleaved across the cells so a burst
/// of load lands in one repetition of several cells rather than every repetition of one; each
/// stage's time is the median, divided by the number of requests (seconds per request). The
/// sweep is the bundled engine's (``InferenceCost/SweepMeasurement``), so the same analysis,
/// figures and summary describe it.
///
/// Timings are cached in `paper-artifacts/mini/inference-cost.sqlite` like the bundled engine's,
/// keyed by the plan (grids, requests, repetitions, every checkpoint's SHA-256) and the engine's
/// sources, so a fresh clone redraws the committed measurements and a retrained cell or changed
/// engine code measures again.
public struct MiniCostSweep: Sendable {
  public let layout: MiniLayout
  public let grids: [MiniGrid]
  public let requests: Int
  public let repetitions: Int

  public init(layout: MiniLayout, grids: [MiniGrid], requests: Int, repetitions: Int) {
    self.layout = layout
    self.grids = grids
    self.requests = requests
    self.repetitions = repetitions
  }

  /// The claim the sweep decides.
  public static let claim = "mini.cost.linear-in-tokens"

  public var cacheURL: URL { layout.root.appendingPathComponent("paper-artifacts/mini/inference-cost.sqlite") }

  /// The grids' cells with a committed checkpoint, grid by grid in grid order.
  public func trainedCells() -> [MiniCell] {
    grids.flatMap(\.cells).filter { FileManager.default.fileExists(atPath: layout.checkpoint($0).path) }
  }

  /// The name a cell's timings go under: its LM size, with the task family unless it is the
  /// reasoning family's (one "model" per LM size and family; its cells differ in V).
  public static func modelName(_ cell: MiniCell) -> String {
    cell.family == .reasoning ? cell.language.name : "\(cell.language.name) \(cell.family.rawValue.uppercased())"
  }

  /// What the sweep measures, canonically: the same key means the same models and workload.
  public func planKey() throws -> String {
    let cells = trainedCells()
    let digests = try cells.map { "\($0.name):\(try MiniVLM.sha256(of: layout.checkpoint($0)))" }
    return [
      "family=mini grids=\(grids.map(\.name).joined(separator: ","))", "requests=\(requests)", "repetitions=\(repetitions)",
      "cells=" + digests.joined(separator: ","),
    ].joined(separator: " ")
  }

  /// The sweep: from the cache when its plan and engine are current (and not `force`),
  /// otherwise measured now and saved.
  public func sweep(force: Bool, progress: (String) -> Void = { _ in }) throws -> CachedSweep {
    let names = grids.map(\.name).joined(separator: ", ")
    let cells = trainedCells()
    guard cells.count >= 3 else { throw MiniReplicationError.tooFewTimedCells(grid: names, trained: cells.count) }
    // One cell per model and V, across the grids too (two grids of one family would collide).
    var configurations = Set<String>()
    for grid in grids {
      for cell in grid.cells where !configurations.insert("\(Self.modelName(cell)) V\(cell.visualTokens)").inserted {
        throw MiniReplicationError.repeatedTimedConfiguration(grid: grid.name, cell: cell.name)
      }
    }
    let key = try planKey()
    let fingerprint = try EngineFingerprint.compute(root: layout.root, directories: EngineFingerprint.miniatureDirectories)
    let cache = try MeasurementCache(url: cacheURL)
    if !force, let cached = try cache.sweep(planKey: key), cached.engineFingerprint == fingerprint { return cached }
    progress("timing \(cells.count) trained cells of \(names): \(repetitions) × \(requests) requests each")
    let start = ContinuousClock.now
    var loads = [Machine.loadAverage()].compactMap { $0 }
    var sets: [TaskFamily: MiniEvalSet] = [:]
    for family in Set(cells.map(\.family)) { sets[family] = try layout.heldOutSet(family).0.requests(requests) }
    let models = try cells.map { try MiniVLM.load(checkpoint: layout.checkpoint($0), tower: layout.visionTower) }
    for (cell, model) in zip(cells, models) { _ = try model.profile(sets[cell.family]!) }  // warm-up: page faults, allocator growth
    var runs = Array(repeating: [MiniForwardProfile](), count: models.count)
    for _ in 0..<repetitions {
      for (index, model) in models.enumerated() { runs[index].append(try model.profile(sets[cells[index].family]!)) }
      loads += [Machine.loadAverage()].compactMap { $0 }
    }
    let measurements = zip(cells, runs).map { cell, profiles in
      SweepMeasurement(
        model: Self.modelName(cell), N: cell.language.nonEmbeddingParameters, V: cell.visualTokens, Q: MiniTasks.questionTokens,
        // Only QueCC has a question pass; a zero there would read as "costs 0 %" in the findings.
        costs: [
          .visionEncoder: cost(profiles.map(\.vision)), .compressor: cost(profiles.map(\.connector)),
          .prefill: cost(profiles.map(\.prefill)),
        ].merging(cell.compressor == .quecc ? [.questionPass: cost(profiles.map(\.questionPass))] : [:]) { first, _ in first })
    }
    let sweep = CachedSweep(
      planKey: key, engineFingerprint: fingerprint, machine: .current, wallSeconds: (ContinuousClock.now - start).inSeconds,
      loadAverage: loads.isEmpty ? nil : loads.reduce(0, +) / Double(loads.count), measurements: measurements)
    return try cache.save(sweep, discardingOtherPlans: true)
  }

  /// Per request: FLOPs of one run and the median seconds, each divided by the requests.
  private func cost(_ stages: [MiniStageCost]) -> ComponentCost {
    ComponentCost(flops: stages[0].flops / requests, seconds: Sweep.median(stages.map(\.seconds)) / Double(requests))
  }
}
