import Foundation
import InferenceEngine
import PaperFigures
import Testing

@testable import InferenceCost

@Suite("Figures and benchmark")
struct FiguresAndBenchmarkTests {
  let machine = Machine(cpuModel: "Test CPU", cores: 2, operatingSystem: "TestOS", blas: "OpenBLAS test")

  @Test func figureScriptsCarryEveryMeasurementAndAreDeterministic() throws {
    let analysis = try CostAnalysis(syntheticMeasurements { 1e-10 * $0 + 0.002 }, decodeSteps: 3)
    let sweep = CachedSweep(planKey: "plan", engineFingerprint: "f", machine: machine, wallSeconds: 1, loadAverage: 2.5, measurements: analysis.measurements)
    let scripts = try InferenceCostFigures.scripts(analysis, sweep: sweep)
    #expect(scripts.map(\.name) == ["inference-cost-time-vs-flops", "inference-cost-component-shares"])
    let scatter = scripts[0].text
    #expect(scatter.contains("$measured << EOD"))
    #expect(scatter.contains("# model small, N = 1000000"))
    #expect(scatter.contains("# model large, N = 8000000"))
    // 16 measurements, one data row each.
    let block = scatter.components(separatedBy: "$measured << EOD\n")[1].components(separatedBy: "\nEOD")[0]
    #expect(block.split(separator: "\n").filter { !$0.hasPrefix("#") }.count == 16)
    #expect(scatter.contains("R² = 1.0000"))
    let shares = scripts[1].text
    #expect(shares.contains("set multiplot layout 1,2"))
    #expect(shares.contains("V vision_encoder question_pass compressor prefill decode"))
    #expect(scatter.contains("mean 1-minute load average 2.5"))
    #expect(try InferenceCostFigures.scripts(analysis, sweep: sweep).map(\.text) == scripts.map(\.text))
  }

  @Test func rampRunsFromTheSmallestToTheLargestColour() {
    #expect(InferenceCostFigures.ramp(0, of: 5) == PaperStyle.palette.first!.color)
    #expect(InferenceCostFigures.ramp(4, of: 5) == PaperStyle.palette.last!.color)
  }

  @Test func gemmShapesAreTheModelsProducts() {
    let shapes = InferenceBenchmark.gemmShapes(family: .tiny, tokens: 10)
    #expect(shapes.count == 3 * ModelFamily.tiny.models.count + 3)
    let b = ModelFamily.tiny.models[1].language
    #expect(shapes.contains(GEMMShape(label: "b gate/up", m: 10, n: b.mlpWidth, k: b.width)))
    #expect(shapes.last == GEMMShape(label: "vision fc2", m: 17, n: 16, k: 32))
  }

  @Test func benchmarkMeasuresTheEngineAndNumpyOnTheSameShapes() throws {
    let shape = GEMMShape(label: "test", m: 64, n: 64, k: 64)
    #expect(InferenceBenchmark.gflops(shape, minimumSeconds: 0.005) > 0)
    do {
      let numpy = try InferenceBenchmark.numpyGFLOPs([shape, shape], minimumSeconds: 0.005)
      #expect(numpy.count == 2 && numpy.allSatisfy { $0 > 0 })
    } catch {
      #expect(error.description.hasPrefix("numpy unavailable ("))
    }
  }

  @Test func reportComputesTheGeometricMeanRatio() {
    let shape = GEMMShape(label: "s", m: 1, n: 1, k: 1)
    let report = InferenceBenchmarkReport(
      gemm: [.init(shape: shape, gflops: 10, numpyGFLOPs: 20), .init(shape: shape, gflops: 40, numpyGFLOPs: 20)],
      numpyUnavailable: nil,
      prefill: [.init(model: "1m", N: 10, tokens: 100, seconds: 0.5), .init(model: "5m", N: 20, tokens: 100, seconds: 0.5, torchSeconds: 1)],
      machine: machine)
    #expect(report.ratioToNumpy == 1)
    #expect(report.text.contains("PyTorch / engine = 2.00×"))
    #expect(report.text.contains("200 tokens/s"))
    #expect(report.text.contains("(target ≥ 0.70: met)"))
  }
}

/// Which interpreter the PyTorch reference of `repro bench mini|infer` runs under.
@Suite struct TorchReferenceTests {
  /// The default was a path on one machine (`/work/.venv-mini`), so a checkout whose training
  /// virtualenv is where `repro mini setup` puts it benchmarked against nothing.
  @Test func theTrainingVirtualenvTheCallerNamesIsTheDefault() throws {
    let executable = URL(fileURLWithPath: "/bin/sh")
    #expect(TorchReference(trainingVirtualenv: executable, environment: [:]).python == executable.path)
    #expect(TorchReference(trainingVirtualenv: URL(fileURLWithPath: "/nonexistent/python"), environment: [:]).python == "python3")
    #expect(TorchReference(python: "/usr/bin/python3", trainingVirtualenv: executable, environment: [:]).python == "/usr/bin/python3")
    let variable = [TorchReference.environmentVariable: "/opt/torch/python"]
    #expect(TorchReference(trainingVirtualenv: executable, environment: variable).python == "/opt/torch/python")
  }
}
