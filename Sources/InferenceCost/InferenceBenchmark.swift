import Foundation
import InferenceEngine
import SeededRandom
import VLM

/// One matrix product of the engine: `[m, k] · [n, k]ᵀ`, the shape of a linear layer on `m` tokens.
public struct GEMMShape: Sendable, Equatable {
  public var label: String
  public var m: Int
  public var n: Int
  public var k: Int

  public var flops: Double { 2 * Double(m) * Double(n) * Double(k) }
}

/// What `repro bench infer` measured: GEMM throughput on the models' own shapes, next to numpy's
/// on the same shapes in the same run, and prefill throughput per model size.
public struct InferenceBenchmarkReport: Sendable {
  public struct GEMMRow: Sendable {
    public var shape: GEMMShape
    public var gflops: Double
    public var numpyGFLOPs: Double?
  }

  public struct PrefillRow: Sendable {
    public var model: String
    public var N: Int
    public var tokens: Int
    public var seconds: Double
    /// PyTorch eager's median on a module of the same shape, same tokens and threads.
    public var torchSeconds: Double?
    public var tokensPerSecond: Double { Double(tokens) / seconds }
  }

  public var gemm: [GEMMRow]
  /// Why numpy was not compared, when it was not.
  public var numpyUnavailable: String?
  public var prefill: [PrefillRow]
  /// Why PyTorch was not compared, when it was not.
  public var torchUnavailable: String?
  /// The 1-minute load average before and after the measurements.
  public var loadAverages: (before: Double?, after: Double?) = (nil, nil)
  public var machine: Machine

  /// Geometric mean over shapes of this engine's GFLOP/s divided by numpy's (the target is ≥ 0.7).
  public var ratioToNumpy: Double? {
    let ratios = gemm.compactMap { row in row.numpyGFLOPs.map { row.gflops / $0 } }
    guard !ratios.isEmpty else { return nil }
    return exp(ratios.map(log).reduce(0, +) / Double(ratios.count))
  }

  public var text: String {
    func f(_ x: Double, _ decimals: Int = 1) -> String { String(format: "%.\(decimals)f", x) }
    var lines = ["machine: \(machine.summary)", "", "GEMM [m,k]·[n,k]ᵀ on the models' shapes (GFLOP/s):"]
    lines.append("  shape                       m      n      k    engine    numpy   ratio")
    for row in gemm {
      let numpy = row.numpyGFLOPs.map { f($0) } ?? "-"
      let ratio = row.numpyGFLOPs.map { f(row.gflops / $0, 2) } ?? "-"
      lines.append("  " + row.shape.label.padding(toLength: 24, withPad: " ", startingAt: 0)
        + [String(row.shape.m), String(row.shape.n), String(row.shape.k), f(row.gflops), numpy, ratio]
        .enumerated().map { index, s in String(repeating: " ", count: max(0, [7, 7, 7, 10, 9, 8][index] - s.count)) + s }.joined())
    }
    if let ratio = ratioToNumpy {
      lines.append("  engine / numpy (geometric mean): \(f(ratio, 2)) (target ≥ 0.70: \(ratio >= 0.7 ? "met" : "NOT met"))")
    } else {
      lines.append("  numpy comparison skipped: \(numpyUnavailable ?? "no shapes")")
    }
    lines += ["", "prefill throughput (V + Q tokens through the LLM, median of 3; PyTorch eager on the same shapes and threads):"]
    for row in prefill {
      let torch = row.torchSeconds.map { "; PyTorch \(f($0 * 1e3)) ms, PyTorch / engine = \(f($0 / row.seconds, 2))×" } ?? ""
      lines.append("  \(row.model.padding(toLength: 5, withPad: " ", startingAt: 0)) N = \(row.N): \(row.tokens) tokens in "
        + "\(f(row.seconds * 1e3)) ms = \(f(row.tokensPerSecond, 0)) tokens/s" + torch)
    }
    if let torchUnavailable { lines.append("  PyTorch comparison skipped: \(torchUnavailable)") }
    let load = [loadAverages.before, loadAverages.after].map { $0.map { f($0, 2) } ?? "?" }
    lines.append("1-minute load average: \(load[0]) before, \(load[1]) after")
    return lines.joined(separator: "\n")
  }
}

/// `repro bench infer`: GEMM throughput against numpy and prefill tokens/s per model size.
public enum InferenceBenchmark {
  /// The products a prefill of `tokens` tokens runs, per model (attention projections, SwiGLU
  /// up and down), plus the vision tower's.
  public static func gemmShapes(family: ModelFamily, tokens: Int) -> [GEMMShape] {
    var shapes: [GEMMShape] = []
    for model in family.models {
      let d = model.language.width, f = model.language.mlpWidth
      shapes += [
        GEMMShape(label: "\(model.name) q/k/v/o", m: tokens, n: d, k: d),
        GEMMShape(label: "\(model.name) gate/up", m: tokens, n: f, k: d),
        GEMMShape(label: "\(model.name) down", m: tokens, n: d, k: f),
      ]
    }
    if let vision = family.models.first?.vision {
      let T = vision.sequenceLength, w = vision.width, m = vision.mlpWidth
      shapes += [
        GEMMShape(label: "vision q/k/v/out", m: T, n: w, k: w),
        GEMMShape(label: "vision fc1", m: T, n: m, k: w),
        GEMMShape(label: "vision fc2", m: T, n: w, k: m),
      ]
    }
    return shapes
  }

  /// Best-of-3 GFLOP/s of `BLAS.multiply` on `shape`, each batch running at least `minimumSeconds`
  /// (the same protocol as the numpy script, output allocated per call as numpy does).
  public static func gflops(_ shape: GEMMShape, minimumSeconds: Double) -> Double {
    var generator = SplitMix64(seed: 1)
    func random(_ rows: Int, _ columns: Int) -> Matrix {
      Matrix(rows: rows, columns: columns, values: (0..<(rows * columns)).map { _ in Float(generator.nextUnitDouble()) })
    }
    let a = random(shape.m, shape.k)
    let b = random(shape.n, shape.k)
    var flops = 0
    _ = BLAS.multiply(a, transposing: b, flops: &flops)
    var best = 0.0
    for _ in 0..<3 {
      var calls = 0
      let start = ContinuousClock.now
      var elapsed = 0.0
      while elapsed < minimumSeconds {
        _ = BLAS.multiply(a, transposing: b, flops: &flops)
        calls += 1
        elapsed = (ContinuousClock.now - start).inSeconds
      }
      best = max(best, shape.flops * Double(calls) / elapsed / 1e9)
    }
    return best
  }

  /// The same measurement in numpy (`a @ b.T`, float32), run as a `python3` subprocess.
  public static func numpyGFLOPs(_ shapes: [GEMMShape], minimumSeconds: Double) throws(BenchmarkError) -> [Double] {
    let script = """
      import sys, time
      import numpy as np
      minimum = float(sys.argv[1])
      rng = np.random.default_rng(1)
      for spec in sys.argv[2:]:
          m, n, k = map(int, spec.split("x"))
          a = rng.random((m, k), dtype=np.float32)
          b = rng.random((n, k), dtype=np.float32)
          a @ b.T
          best = 0.0
          for _ in range(3):
              calls, start = 0, time.perf_counter()
              while True:
                  a @ b.T
                  calls += 1
                  elapsed = time.perf_counter() - start
                  if elapsed >= minimum:
                      break
              best = max(best, 2.0 * m * n * k * calls / elapsed / 1e9)
          print(best, flush=True)
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, String(minimumSeconds)] + shapes.map { "\($0.m)x\($0.n)x\($0.k)" }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw .numpyUnavailable("cannot start python3: \(error)")
    }
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let values = text.split(separator: "\n").compactMap { Double($0) }
    guard process.terminationStatus == 0, values.count == shapes.count else {
      throw .numpyUnavailable(stderr.split(separator: "\n").last.map(String.init) ?? "python3 exited with status \(process.terminationStatus)")
    }
    return values
  }

  /// Median seconds of a prefill of `tokens` random embeddings through `model`'s LLM.
  public static func prefillSeconds(_ model: VisionLanguageModel, tokens: Int, repetitions: Int = 3) -> Double {
    var generator = SplitMix64(seed: 2)
    let width = model.configuration.language.width
    let prompt = Matrix(rows: tokens, columns: width, values: (0..<(tokens * width)).map { _ in Float(2 * generator.nextUnitDouble() - 1) })
    var flops = 0
    var times: [Double] = []
    for _ in 0...repetitions {
      var cache = model.language.makeCache(capacity: tokens)
      let start = ContinuousClock.now
      _ = model.language.prefill(prompt, cache: &cache, flops: &flops)
      times.append((ContinuousClock.now - start).inSeconds)
    }
    return Sweep.median(Array(times.dropFirst()))
  }

  /// PyTorch eager's median prefill time of `tokens` tokens through a module shaped like
  /// `configuration`'s LLM (`Benchmarks/torch_prefill.py`), on `threads` threads.
  public static func torchPrefillSeconds(
    _ configuration: VLMConfiguration, tokens: Int, threads: Int, script: URL, reference: TorchReference
  ) -> Result<Double, TorchReference.Unavailable> {
    let language = configuration.language
    let arguments = [
      script.path, "--width", String(language.width), "--layers", String(language.layers), "--heads", String(language.heads),
      "--mlp-width", String(language.mlpWidth), "--vocabulary", String(language.vocabularySize), "--tokens", String(tokens),
      "--rope-theta", String(language.ropeTheta), "--rms-epsilon", String(language.rmsEpsilon), "--threads", String(threads),
      "--repeats", "3",
    ]
    return reference.runJSON(arguments).flatMap { reply in
      guard let seconds = reply["median_seconds"] as? Double else {
        return .failure(TorchReference.Unavailable(description: "torch_prefill.py replied without median_seconds"))
      }
      return .success(seconds)
    }
  }

  /// The whole benchmark. `tokens` defaults to the sweep's largest prompt, V = 576 plus Q = 50.
  /// Prefill runs on `prefillThreads` threads; with `torch` (an interpreter and
  /// `Benchmarks/torch_prefill.py`) each model's prefill is also timed in PyTorch eager on as
  /// many. One thread each is the fair default on a shared machine, where a multi-threaded
  /// runtime waiting for a descheduled worker measures the load, not the code.
  public static func run(
    family: ModelFamily = .bundled, store: CheckpointStore, tokens: Int = 626, minimumSeconds: Double = 0.1,
    prefillThreads: Int = 1, torch: (reference: TorchReference, script: URL)? = nil, progress: (String) -> Void = { _ in }
  ) throws -> InferenceBenchmarkReport {
    let loadBefore = Machine.loadAverage()
    let shapes = gemmShapes(family: family, tokens: tokens)
    // Two interleaved rounds (engine, numpy, engine, numpy), best per shape: a burst of load from
    // another process then penalises neither side systematically.
    var ours = [Double](repeating: 0, count: shapes.count)
    var numpy: [Double]? = nil
    var unavailable: String?
    for round in 1...2 {
      progress("round \(round) of 2: \(shapes.count) GEMM shapes in the engine, then in numpy")
      ours = zip(ours, shapes.map { gflops($0, minimumSeconds: minimumSeconds) }).map { max($0, $1) }
      guard unavailable == nil else { continue }
      do {
        let measured = try numpyGFLOPs(shapes, minimumSeconds: minimumSeconds)
        numpy = zip(numpy ?? measured, measured).map { max($0, $1) }
      } catch {
        unavailable = error.description
        numpy = nil
      }
    }
    var prefill: [InferenceBenchmarkReport.PrefillRow] = []
    var torchUnavailable = torch == nil ? "no interpreter given" : nil
    for configuration in family.models {
      progress("timing prefill on \(configuration.name)")
      let model = try store.load(configuration, family: family)
      var row = InferenceBenchmarkReport.PrefillRow(
        model: configuration.name, N: configuration.parameterCount, tokens: tokens,
        seconds: ComputeThreads.withBLASThreads(prefillThreads) { prefillSeconds(model, tokens: tokens) })
      if let torch, torchUnavailable == nil {
        progress("timing the same prefill in PyTorch")
        switch torchPrefillSeconds(configuration, tokens: tokens, threads: prefillThreads, script: torch.script, reference: torch.reference) {
        case .success(let seconds): row.torchSeconds = seconds
        case .failure(let reason): torchUnavailable = reason.description
        }
      }
      prefill.append(row)
    }
    var report = InferenceBenchmarkReport(
      gemm: shapes.indices.map { .init(shape: shapes[$0], gflops: ours[$0], numpyGFLOPs: numpy?[$0]) },
      numpyUnavailable: unavailable, prefill: prefill, torchUnavailable: torchUnavailable, machine: .current)
    report.loadAverages = (loadBefore, Machine.loadAverage())
    return report
  }
}

/// The benchmark could not compare against numpy.
public enum BenchmarkError: Error, Equatable, CustomStringConvertible {
  case numpyUnavailable(String)

  public var description: String {
    switch self {
    case .numpyUnavailable(let reason): "numpy unavailable (\(reason))"
    }
  }
}
