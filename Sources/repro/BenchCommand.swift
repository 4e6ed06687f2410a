import ArgumentParser
import Foundation
import ResultsStore
import ScalingLaw
import ScalingLawFit
import ExperimentRegistry

/// `repro bench …`: performance measured as ratios against a reference run in the same process.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench", abstract: "Benchmarks, reported as ratios against a reference in the same run.",
    subcommands: [BenchFit.self, BenchDriver.self, BenchInferCommand.self, BenchMiniCommand.self])
}

/// `repro bench fit`: the exhaustive paper grid and the least-squares fit, against numpy.
struct BenchFit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fit",
    abstract: "Time the exhaustive 5,000,000-point paper grid and least squares; compare with numpy on the same grid.")

  @Option(help: "Timed repetitions of each grid search (the median is reported), 1…100.")
  var repeats: Int = 3

  func validate() throws {
    try check("--repeats", repeats, in: 1...100)
  }

  @Flag(help: "Print JSON.")
  var json = false

  struct Report: Encodable {
    var points: Int
    var cores: Int
    var swiftGridSeconds: Double
    var leastSquaresSeconds: Double
    var numpyGridSeconds: Double?
    var numpyOverSwift: Double?
    var numpyFoundSameOptimum: Bool?
    var numpyUnavailableReason: String?
  }

  func run() throws {
    let database = try ResultsDatabase.openReadOnly(try ProjectLayout.locate())
    let problem = try FitProblem(try database.observations(suite: .visualReasoning))
    let search = PaperGridSearch()
    var gridResult: FitResult?
    let gridSeconds = try Self.median(repeats) { gridResult = try search.fit(problem) }
    let leastSquaresSeconds = try Self.median(max(20, repeats)) { _ = try LeastSquaresFit().fit(problem) }
    var report = Report(
      points: search.grid.size, cores: ProcessInfo.processInfo.activeProcessorCount,
      swiftGridSeconds: gridSeconds, leastSquaresSeconds: leastSquaresSeconds)
    switch NumpyPaperGrid.run(problem, repeats: repeats) {
    case .success(let numpy):
      report.numpyGridSeconds = numpy.seconds
      report.numpyOverSwift = numpy.seconds / gridSeconds
      report.numpyFoundSameOptimum = numpy.law == gridResult?.law
    case .failure(let reason):
      report.numpyUnavailableReason = reason.description
    }
    if json {
      try printJSON(report)
      return
    }
    print("paper grid, exhaustive (\(report.points) points, \(report.cores) cores): \(Self.ms(gridSeconds)) (median of \(repeats))")
    print("least squares (variable projection + LM):          \(Self.ms(leastSquaresSeconds)) (median of \(max(20, repeats)); target < 10 ms)")
    if let numpySeconds = report.numpyGridSeconds, let ratio = report.numpyOverSwift {
      print("numpy, same grid vectorised:                        \(Self.ms(numpySeconds)) (median of \(repeats))")
      print("numpy / Swift = \(String(format: "%.1f", ratio))× (target ≥ 20×); same optimum: \(report.numpyFoundSameOptimum == true ? "yes" : "NO")")
    } else {
      print("numpy reference skipped: \(report.numpyUnavailableReason ?? "unknown")")
    }
  }

  static func median(_ repeats: Int, _ body: () throws -> Void) throws -> Double {
    let clock = ContinuousClock()
    var seconds: [Double] = []
    for _ in 0..<max(1, repeats) {
      let elapsed = try clock.measure(body)
      seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    return seconds.sorted()[seconds.count / 2]
  }

  static func ms(_ seconds: Double) -> String { String(format: "%9.3f ms", seconds * 1000) }
}

/// The same exhaustive paper grid in numpy, run as a python3 subprocess — the reference the
/// Swift search is measured against.
enum NumpyPaperGrid {
  struct Outcome {
    var seconds: Double
    var law: ScalingLaw
  }

  struct Unavailable: Error, CustomStringConvertible {
    var description: String
  }

  static let script = """
    import json, sys, time
    try:
        import numpy as np
    except ImportError:
        print(json.dumps({"error": "numpy is not installed"})); sys.exit(0)
    data = json.load(sys.stdin)
    N, T, Y = (np.array(data[k]) for k in ("N", "T", "Y"))
    A = np.linspace(0.2, 0.7, 50); AL = np.linspace(0, 0.2, 100)
    BE = np.linspace(0, 0.05, 100); D = np.linspace(0, 0.3, 10)
    def search():
        best = (np.inf, None)
        for alpha in AL:  # one alpha at a time keeps the array at 100*50*10*28 doubles
            x = N[None, :] ** (-alpha) * T[None, :] ** (-BE[:, None])
            sse = (((A[None, :, None, None] * x[:, None, None, :] + D[None, None, :, None]) - Y) ** 2).sum(-1)
            j = np.unravel_index(np.argmin(sse), sse.shape)
            if sse[j] < best[0]:
                best = (sse[j], (A[j[1]], alpha, BE[j[0]], D[j[2]]))
        return best
    times = []
    for _ in range(data["repeats"]):
        start = time.perf_counter(); best = search(); times.append(time.perf_counter() - start)
    times.sort()
    print(json.dumps({"seconds": times[len(times) // 2], "law": [float(v) for v in best[1]]}))
    """

  static func run(_ problem: FitProblem, repeats: Int) -> Result<Outcome, Unavailable> {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return .failure(Unavailable(description: "python3 could not be started (\(error))"))
    }
    let request: [String: Any] = ["N": problem.N, "T": problem.T, "Y": problem.Y, "repeats": max(1, repeats)]
    input.fileHandleForWriting.write(try! JSONSerialization.data(withJSONObject: request))
    try? input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let reply = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return .failure(Unavailable(description: "python3 is not available or the numpy script failed")) }
    if let error = reply["error"] as? String { return .failure(Unavailable(description: error)) }
    guard let seconds = reply["seconds"] as? Double, let law = reply["law"] as? [Double], law.count == 4 else {
      return .failure(Unavailable(description: "unexpected reply from the numpy script"))
    }
    return .success(Outcome(seconds: seconds, law: ScalingLaw(a: law[0], alpha: law[1], beta: law[2], D: law[3])))
  }
}
