import Testing

@testable import ReproDriver
import ExperimentRegistry

@Suite struct TargetGraphTests {
  @Test func ordersUpstreamFirstKeepingRegistryOrder() throws {
    let experiments = sampleExperiments()
    let graph = try TargetGraph([experiments[3], experiments[2], experiments[1], experiments[0]])
    #expect(graph.experiments.map(\.executable) == ["exp-b", "exp-a", "exp-c", "exp-d"])
    #expect(graph.closure(of: [try graph.experiment(named: "c")]).map(\.executable) == ["exp-a", "exp-c"])
    #expect(try graph.experiment(named: "EXP-D").id == "d")
  }

  @Test func rejectsCyclesUnknownDependenciesAndDuplicates() {
    let a = Experiment(id: "a", executable: "exp-a", title: "", inputs: [], parameters: [:], dependsOn: ["c"])
    let b = Experiment(id: "b", executable: "exp-b", title: "", inputs: [], parameters: [:], dependsOn: ["a"])
    let c = Experiment(id: "c", executable: "exp-c", title: "", inputs: [], parameters: [:], dependsOn: ["b"])
    #expect(throws: DriverError.cycle(["exp-a", "exp-c", "exp-b", "exp-a"])) { try TargetGraph([a, b, c]) }
    #expect(throws: DriverError.unknownDependency(target: "exp-b", dependency: "a")) { try TargetGraph([b]) }
    #expect(throws: DriverError.duplicateTarget(name: "b")) { try TargetGraph([b, b]) }
    #expect(throws: DriverError.unknownTarget(name: "z", known: ["a", "b", "c", "d"])) {
      try TargetGraph(sampleExperiments()).experiment(named: "z")
    }
  }

  @Test func theRegistryIsAValidGraph() throws {
    let graph = try TargetGraph(Experiment.all)
    #expect(graph.experiments.count == Experiment.all.count)
    #expect(graph.experiments.contains { $0.executable == "figure1" })
  }

  @Test func drawsATextTree() throws {
    #expect(try TargetGraph(sampleExperiments()).tree() == """
      exp-d (d)
      ├── exp-c (c)
      │   ├── exp-a (a)
      │   │   └── data results:visual-reasoning
      │   └── data table1
      └── exp-b (b)
          └── data results:ocr

      """)
  }

  @Test func writesGraphvizDOT() throws {
    #expect(try TargetGraph(Array(sampleExperiments().prefix(3))).dot() == """
      digraph repro {
        rankdir=LR;
        node [fontname="DejaVu Sans"];
        "data:results:visual-reasoning" [shape=cylinder, label="results:visual-reasoning"];
        "data:results:ocr" [shape=cylinder, label="results:ocr"];
        "data:table1" [shape=cylinder, label="table1"];
        "exp-a" [shape=box, label="exp-a\\n(a)"];
        "exp-b" [shape=box, label="exp-b\\n(b)"];
        "exp-c" [shape=box, label="exp-c\\n(c)"];
        "data:results:visual-reasoning" -> "exp-a";
        "data:results:ocr" -> "exp-b";
        "data:table1" -> "exp-c";
        "exp-a" -> "exp-c";
      }

      """)
  }
}
