import Foundation
import Testing

@testable import ReproDriver
import ExperimentRegistry

/// One executable registered twice (the miniature replication's figures run the paper figures'
/// code on another suite): two targets, each with its own folder, lock entry and staleness.
@Suite struct VariantTargetTests {
  static func experiments(variantQ: String = "0,4") -> [Experiment] {
    [
      Experiment(id: "a", executable: "exp-a", title: "A", inputs: [.results(suite: .visualReasoning)], parameters: ["Q": "0,50"]),
      Experiment(
        id: "mini-a", executable: "exp-a", target: "mini-exp-a", title: "A again", inputs: [.results(suite: .ocr)],
        settings: TextSettings(["Q": variantQ])),
    ]
  }

  @Test func eachRegistrationIsItsOwnTarget() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let runner = FakeRunner()
    let first = try makeDriver(sandbox, Self.experiments(), runner: runner).run(RunOptions())
    #expect(first.succeeded)
    #expect(first.results.map(\.experiment.target) == ["exp-a", "mini-exp-a"])
    #expect(runner.runs == ["exp-a", "exp-a"], "the same code ran twice")
    #expect(Set(try sandbox.lockFile().targets.keys) == ["exp-a", "mini-exp-a"])
    #expect(sandbox.outputs(of: "mini-exp-a")["out.txt"] != sandbox.outputs(of: "exp-a")["out.txt"], "each wrote its own folder")

    let changed = try makeDriver(sandbox, Self.experiments(variantQ: "0,8")).run(RunOptions())
    #expect(changed.built == ["mini-exp-a"], "only the variant reran")
    #expect(changed.outcome(of: "exp-a") == .upToDate)
    #expect(changed.reasons("mini-exp-a").contains { if case .parametersChanged = $0 { true } else { false } })
  }

  @Test func twoRegistrationsWithOneTargetAreRefused() {
    let clash = [Self.experiments()[0], Experiment(id: "b", executable: "exp-b", target: "exp-a", title: "B", inputs: [], settings: TextSettings([:]))]
    #expect(throws: DriverError.duplicateTarget(name: "exp-a")) { try TargetGraph(clash) }
  }

  @Test func theRunnerPassesTheTargetOnlyToAVariant() {
    let (paper, variant) = (Experiment.figure1, Experiment.miniFigure1)
    #expect(paper.target == paper.executable)
    #expect(variant.executable == paper.executable && variant.target == "mini-figure1")
    #expect(variant.outputFolder == "mini-figure1")
    #expect(variant.names == ["mini-1", "mini-figure1"])
    let (root, staging, data) = (URL(fileURLWithPath: "/p"), URL(fileURLWithPath: "/p/s"), URL(fileURLWithPath: "/p/d"))
    #expect(!ExecutableRunner.arguments(paper, root: root, staging: staging, data: data).contains("--target"))
    #expect(ExecutableRunner.arguments(variant, root: root, staging: staging, data: data).suffix(2) == ["--target", "mini-figure1"])
  }
}
