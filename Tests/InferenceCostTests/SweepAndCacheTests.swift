import Foundation
import GRDB
import InferenceEngine
import ScalingLawFit
import Testing

@testable import InferenceCost

@Suite("Sweep, cache and experiment on the tiny family")
struct SweepAndCacheTests {
  @Test func tinySweepCoversThePlanWithFormulaFLOPs() throws {
    try withTemporaryRoot { root in
      let plan = SweepPlan.tiny
      let measurements = try Sweep.run(plan, store: CheckpointStore(projectRoot: root))
      #expect(measurements.count == plan.family.models.count * plan.visualTokens.count * plan.textTokens.count)
      for m in measurements {
        let language = try plan.family.model(named: m.model).language
        let d = language.width, f = language.mlpWidth, T = m.V + m.Q
        let prefill = language.layers * (2 * T * (4 * d * d + 3 * d * f) + 4 * T * T * d) + 2 * d * language.vocabularySize
        #expect(m.costs[.prefill]?.flops == prefill)
        #expect(m.costs[.questionPass]?.flops == 0 || m.Q > 0)
        #expect(m.costs.count == InferenceComponent.allCases.count)
        #expect(m.costs.values.allSatisfy { $0.seconds >= 0 } && m.prefillSeconds > 0)
        #expect(m.paperFLOPs == 2 * Double(m.N) * Double(T))
      }
    }
  }

  @Test func questionHasExactlyQTokens() {
    for Q in [0, 5, 50, 200] { #expect(SweepPlan.question(tokens: Q).utf8.count == Q) }
    let paper = SweepPlan.bundledQueCC(visualTokens: [1, 4, 16, 36, 64, 144, 576], textTokens: [0, 50], repetitions: 3, newTokens: 4)
    #expect(paper.key != SweepPlan.tiny.key)
    #expect(paper.key.contains("V=1,4,16,36,64,144,576 Q=0,50 repetitions=3 new-tokens=4 compressor=quecc"))
  }

  @Test func cacheRoundTripsAndReplacesASweepAtomically() throws {
    let cache = try MeasurementCache()
    let machine = Machine(cpuModel: "Test CPU", cores: 2, operatingSystem: "TestOS", blas: "OpenBLAS test")
    let measurements = syntheticMeasurements { 1e-10 * $0 }
    let first = CachedSweep(
      planKey: "plan", engineFingerprint: "aaa", machine: machine, wallSeconds: 12, loadAverage: 3.5, measurements: measurements)
    try cache.save(first)
    #expect(try cache.sweep(planKey: "plan") == first)
    #expect(try cache.sweep(planKey: "other") == nil)

    var second = first
    second.engineFingerprint = "bbb"
    second.machine.cores = 4
    second.loadAverage = nil
    second.measurements.removeLast()
    try cache.save(second)
    #expect(try cache.sweep(planKey: "plan") == second)
    let counts = try cache.queue.read { db in
      try ["sweep", "machine", "measurement"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") }
    }
    #expect(counts == [1, 1, (measurements.count - 1) * 5])

    // Saved in another order, read back in the store's: what save returns is what a later read gives.
    var reversed = second
    reversed.measurements.reverse()
    let stored = try cache.save(reversed)
    #expect(stored == (try cache.sweep(planKey: "plan")) && stored.measurements == second.measurements)

    var otherPlan = second
    otherPlan.planKey = "edited plan"
    try cache.save(otherPlan)
    #expect(try cache.sweep(planKey: "plan") != nil)
    try cache.save(otherPlan, discardingOtherPlans: true)
    #expect(try cache.sweep(planKey: "plan") == nil)
    #expect(try cache.sweep(planKey: "edited plan") == otherPlan)
  }

  @Test func schemaRejectsImpossibleRows() throws {
    let cache = try MeasurementCache()
    try cache.save(CachedSweep(planKey: "p", engineFingerprint: "f", machine: .init(cpuModel: "c", cores: 1, operatingSystem: "o", blas: "b"),
                               wallSeconds: 1, loadAverage: nil, measurements: syntheticMeasurements { 1e-10 * $0 }))
    #expect(throws: DatabaseError.self) {
      try cache.queue.write { db in
        try db.execute(sql: "INSERT INTO measurement VALUES (1, 'm', 10, 4, 0, 'prefill', 5, -1.0)")
      }
    }
    #expect(throws: DatabaseError.self) {
      try cache.queue.write { db in
        try db.execute(sql: "INSERT INTO measurement VALUES (99, 'm', 10, 4, 0, 'prefill', 5, 1.0)")
      }
    }
  }

  @Test func experimentReusesTheCacheUntilTheEngineChanges() throws {
    try withTemporaryRoot { root in
      for directory in EngineFingerprint.directories {
        let url = root.appendingPathComponent(directory, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data("// \(directory)\n".utf8).write(to: url.appendingPathComponent("Source.swift"))
      }
      let experiment = InferenceCostExperiment(root: root, plan: .tiny)
      let (first, firstProvenance) = try experiment.sweep()
      #expect(firstProvenance == .measured(reason: "no cached sweep for this plan"))
      let (again, provenance) = try experiment.sweep()
      #expect(provenance == .cached)
      #expect(again == first)
      #expect(try experiment.cachedSweep() == first)
      let summary = String(decoding: try JSONEncoder().encode(experiment.summary(of: first, bootstrap: Bootstrap(resamples: 20, seed: 1))), as: UTF8.self)
      #expect(summary.contains(#""claim":"cost.linear-in-tokens""#))
      #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("paper-artifacts/inference-cost.sqlite").path))

      guard case .measured(let forced) = try experiment.sweep(force: true).1 else {
        Issue.record("--force should re-measure")
        return
      }
      #expect(forced == "--force")

      try Data("// changed\n".utf8).write(to: root.appendingPathComponent("Sources/VLM/Source.swift"))
      guard case .measured(let reason) = try experiment.sweep().1 else {
        Issue.record("an engine change should re-measure")
        return
      }
      #expect(reason.contains("engine sources changed"))
    }
  }

  @Test func readersNeedAnExistingDatabaseAndTheEngineSources() throws {
    try withTemporaryRoot { root in
      #expect(throws: FingerprintError.self) { try EngineFingerprint.compute(root: root) }
      let database = root.appendingPathComponent("paper-artifacts/inference-cost.sqlite")
      #expect(throws: MeasurementCacheError.missingDatabase(database.path)) {
        try InferenceCostExperiment(root: root, plan: .tiny).cachedSweep()
      }
    }
  }
}
