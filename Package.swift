// swift-tools-version:6.0
//
// Paper as code for "Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters"
// (Li, Goyal, Semedo, Kolter — ICLR 2025).
//
// Layout: `Sources/` holds small libraries named in the paper's vocabulary, `Experiments/` holds
// one thin executable per figure or table, `Tests/` one test target per library plus end-to-end
// tests that run the built executables. `./repro` (the root script) builds and drives all of it.

import PackageDescription

let numerics: Target.Dependency = .product(name: "RealModule", package: "swift-numerics")
let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")
let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")

/// One executable per paper figure or table, each a short notebook cell over the libraries it
/// imports, and only those: the driver fingerprints an experiment by the sources it links, so
/// editing a library reruns exactly the experiments that use it.
func experiment(_ name: String, path: String, imports: [Target.Dependency]) -> Target {
  .executableTarget(name: name, dependencies: imports, path: "Experiments/\(path)")
}

let package = Package(
  name: "inference-optimal-vlms",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "repro", targets: ["repro"]),
    .executable(name: "figure1", targets: ["figure1"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
  ],
  targets: [
    // MARK: Libraries (one job each)
    .target(name: "SeededRandom"),
    /// SHA-256 as lowercase hex: the one spelling of every content digest.
    .target(name: "HexDigest", dependencies: [crypto]),
    .target(name: "AtomicFiles"),
    /// `parallelMap`: results in index order whatever the thread count (fits, bootstraps, weights).
    .target(name: "ParallelMap"),
    .target(name: "ScalingLaw", dependencies: [numerics]),
    .target(name: "ScalingLawFit", dependencies: ["ScalingLaw", "SeededRandom", "ParallelMap", numerics]),
    .target(name: "ComputeFrontier", dependencies: ["ScalingLaw", numerics]),
    /// Other functional forms of the law (additive, interaction, T = Q + V), their fits, their
    /// cross-validation and compute-optimal V, and this project's robustness checks (issue 13).
    .target(name: "LawForms", dependencies: ["ScalingLaw", "ScalingLawFit", "ComputeFrontier", "ResultValues", "ParallelMap", numerics]),
    .target(name: "ResultsStore", dependencies: [grdb, "AtomicFiles", "HexDigest", "ScalingLaw", .product(name: "SwiftCSV", package: "SwiftCSV")]),
    .target(name: "Gnuplot", dependencies: ["AtomicFiles"]),
    /// The values experiments compute and the ledger reads (fit summaries, optimal tokens, bands,
    /// extrapolated points): below both figure drawing and the claims ledger.
    .target(name: "ResultValues", dependencies: ["ScalingLaw", "ScalingLawFit", "ComputeFrontier"]),
    .target(name: "PaperFigures", dependencies: ["Gnuplot", "ScalingLaw", "ComputeFrontier", "ResultValues"]),
    .target(
      name: "PaperAnalysis",
      dependencies: ["ScalingLaw", "ScalingLawFit", "ComputeFrontier", "ResultsStore", "ResultValues", "ExperimentModel"]),
    /// Table 1 (QueCC against other compressors): its blocks, Markdown and LaTeX.
    .target(name: "TokenCompressionTable", dependencies: ["ResultsStore", "ScalingLaw"]),
    /// What an experiment is: its registration's type and the typed settings (how a fit is made
    /// from them, too). Code, hashed into every experiment's fingerprint.
    .target(name: "ExperimentModel", dependencies: ["ResultsStore", "ResultValues", "ScalingLaw", "ScalingLawFit"]),
    /// Every experiment's registration, and nothing else: values of ExperimentModel's types, the
    /// one home of each setting. Data to the driver (see BuildProducts.registrySources).
    .target(name: "ExperimentRegistry", dependencies: ["ExperimentModel", "ResultValues", "ResultsStore", "ScalingLaw", "ScalingLawFit"]),
    /// The context an experiment executable runs in: its registration, the database, its outputs.
    .target(
      name: "Notebook",
      dependencies: [
        "ExperimentRegistry", "AtomicFiles", "ResultsStore", "ResultValues", "ScalingLaw", "ComputeFrontier", "Gnuplot",
        argumentParser,
      ]),
    .target(
      name: "ClaimsLedger",
      dependencies: [
        "ExperimentRegistry", "ResultValues", "PaperAnalysis", "TokenCompressionTable", "ResultsStore", "ScalingLaw",
        "ScalingLawFit", "ComputeFrontier", "LawForms",
      ]),
    .target(name: "ReproDriver", dependencies: ["ExperimentRegistry", "ResultsStore", "AtomicFiles", "Gnuplot", "HexDigest"]),
    .target(name: "Sweep", dependencies: ["ReproDriver", "AtomicFiles"]),

    // MARK: The command-line driver
    .executableTarget(
      name: "repro",
      dependencies: [
        "ExperimentRegistry", "ResultValues", "ResultsStore", "ScalingLaw", "ScalingLawFit", "ComputeFrontier", "Gnuplot",
        "PaperFigures", "PaperAnalysis", "ReproDriver", "Sweep", "ClaimsLedger", "InferenceEngine", "InferenceCost", "QueCC",
        "VLM", "MiniTasks", "MiniVLM", "MiniReplication", argumentParser,
      ]),

    // MARK: Experiments (one executable per figure or table)
    experiment(
      "figure1", path: "Figure1",
      imports: [
        "Notebook", "ExperimentRegistry", "ResultValues", "PaperAnalysis", "PaperFigures", "ResultsStore", "ScalingLaw",
        "ScalingLawFit",
      ]),
    experiment("report", path: "Report", imports: ["Notebook", "ExperimentRegistry", "ClaimsLedger", "PaperFigures", "ResultsStore"]),
    experiment(
      "figure2", path: "Figure2",
      imports: ["Notebook", "ExperimentRegistry", "ResultValues", "PaperAnalysis", "PaperFigures", "ResultsStore", "ScalingLawFit"]),
    experiment(
      "figure3a", path: "Figure3a",
      imports: ["Notebook", "ExperimentRegistry", "ResultValues", "PaperFigures", "ResultsStore", "ScalingLawFit"]),
    experiment(
      "figure3b", path: "Figure3b",
      imports: [
        "Notebook", "ExperimentRegistry", "ResultValues", "PaperAnalysis", "PaperFigures", "ResultsStore", "ScalingLaw",
        "ScalingLawFit",
      ]),
    experiment(
      "figure4", path: "Figure4", imports: ["Notebook", "ExperimentRegistry", "PaperAnalysis", "PaperFigures", "ResultsStore"]),
    experiment(
      "figure5", path: "Figure5",
      imports: ["Notebook", "ExperimentRegistry", "ResultValues", "PaperAnalysis", "PaperFigures", "ResultsStore", "ScalingLawFit"]),
    experiment(
      "mini-cost", path: "MiniCost", imports: ["Notebook", "ExperimentRegistry", "InferenceCost", "MiniReplication", "ResultsStore"]),
    experiment(
      "robustness", path: "Robustness",
      imports: ["Notebook", "ExperimentRegistry", "LawForms", "PaperFigures", "ResultsStore"]),
    experiment(
      "table1", path: "Table1",
      imports: ["Notebook", "ExperimentRegistry", "TokenCompressionTable", "PaperFigures", "ResultsStore"]),

    // MARK: Inference engine (issue 6)
    .systemLibrary(
      name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]),
    .target(name: "Safetensors", dependencies: ["AtomicFiles"]),
    /// exp and sigmoid gates in C, compiled for the CPU's vector width (picked at load time).
    .target(name: "VectorKernels"),
    .target(name: "VLM", dependencies: ["CBLAS", "VectorKernels", "Safetensors", "SeededRandom", "ParallelMap"]),
    .target(name: "QueCC", dependencies: ["VLM"]),
    .target(name: "InferenceEngine", dependencies: ["VLM", "QueCC", "Safetensors"]),

    // MARK: Miniature VLM family (docs/miniature-vlm.md)
    /// The synthetic task generators: the single source of the miniature models' data.
    .target(name: "MiniTasks", dependencies: ["Safetensors", "SeededRandom", "AtomicFiles", "Gnuplot", "HexDigest", crypto]),
    /// The engine that evaluates trained miniature checkpoints.
    .target(name: "MiniVLM", dependencies: ["VLM", "QueCC", "Safetensors", "MiniTasks", "HexDigest", crypto]),
    /// The replication's grids of cells and their training through the PyTorch trainer.
    .target(
      name: "MiniReplication",
      dependencies: ["AtomicFiles", "MiniTasks", "MiniVLM", "ReproDriver", "ResultsStore", "Sweep", "HexDigest", "InferenceCost", crypto]),
    .target(
      name: "InferenceCost",
      dependencies: [
        "InferenceEngine", "VLM", "ComputeFrontier", "ScalingLawFit", "SeededRandom", "Gnuplot", "PaperFigures", "ResultValues",
        "HexDigest",
        grdb, crypto,
      ]),
    .executableTarget(
      name: "inference-cost",
      dependencies: ["InferenceCost", "Notebook", "ExperimentRegistry"],
      path: "Experiments/InferenceCost"),

    // MARK: Tests (one target per library, plus end-to-end)
    .testTarget(name: "SeededRandomTests", dependencies: ["SeededRandom"]),
    .testTarget(name: "AtomicFilesTests", dependencies: ["AtomicFiles"]),
    .testTarget(name: "HexDigestTests", dependencies: ["HexDigest"]),
    .testTarget(name: "ScalingLawTests", dependencies: ["ScalingLaw", numerics]),
    .testTarget(name: "ScalingLawFitTests", dependencies: ["ScalingLawFit", "ScalingLaw", "SeededRandom", numerics]),
    .testTarget(name: "LawFormsTests", dependencies: ["LawForms", "ScalingLaw", "ScalingLawFit", "ComputeFrontier", "ResultsStore"]),
    .testTarget(name: "ComputeFrontierTests", dependencies: ["ComputeFrontier", "ScalingLaw", numerics]),
    .testTarget(name: "ResultsStoreTests", dependencies: ["ResultsStore", "ScalingLaw", grdb]),
    .testTarget(name: "GnuplotTests", dependencies: ["Gnuplot", "GoldenFiles"], exclude: ["Golden"]),
    .testTarget(name: "PaperFiguresTests", dependencies: ["PaperFigures", "ResultValues", "GoldenFiles"], exclude: ["Golden"]),
    .testTarget(name: "NotebookTests", dependencies: ["Notebook", "ExperimentRegistry", "ScalingLawFit"]),
    .testTarget(name: "ResultValuesTests", dependencies: ["ResultValues", "ScalingLaw", "ScalingLawFit"]),
    .testTarget(name: "ExperimentModelTests", dependencies: ["ExperimentModel", "ResultValues", "ResultsStore", "ScalingLaw", "ScalingLawFit"]),
    .testTarget(name: "ExperimentRegistryTests", dependencies: ["ExperimentRegistry", "ExperimentModel", "ResultValues", "ResultsStore", "LawForms"]),
    .testTarget(name: "TokenCompressionTableTests", dependencies: ["TokenCompressionTable", "ResultsStore"]),
    .testTarget(
      name: "ClaimsLedgerTests",
      dependencies: [
        "ClaimsLedger", "ExperimentRegistry", "ResultValues", "PaperAnalysis", "TokenCompressionTable", "ResultsStore",
        "ScalingLaw", "ScalingLawFit", "ComputeFrontier",
      ]),
    .testTarget(
      name: "PaperAnalysisTests",
      dependencies: ["PaperAnalysis", "ResultValues", "PaperFigures", "ResultsStore", "ScalingLawFit", "ScalingLaw", "Gnuplot"]),
    .testTarget(
      name: "ReproDriverTests",
      dependencies: ["ReproDriver", "ExperimentRegistry", "ResultsStore", "repro", "figure1", "table1", "report"]),
    .testTarget(
      name: "SweepTests", dependencies: ["Sweep", "ReproDriver", "GoldenFiles"], exclude: ["Golden", "Fixtures"]),
    .testTarget(name: "SafetensorsTests", dependencies: ["Safetensors"]),
    .testTarget(name: "MiniReplicationTests", dependencies: ["MiniReplication", "MiniTasks", "MiniVLM", "ResultsStore", "Sweep", "ReproDriver", "ExperimentRegistry"]),
    .testTarget(name: "MiniTasksTests", dependencies: ["MiniTasks", "Safetensors", "SeededRandom"]),
    .testTarget(name: "VLMTests", dependencies: ["VLM", "Safetensors", "SeededRandom"]),
    .testTarget(name: "QueCCTests", dependencies: ["QueCC", "VLM", "Safetensors", "SeededRandom"]),
    .testTarget(name: "InferenceEngineTests", dependencies: ["InferenceEngine", "QueCC", "VLM"]),
    .testTarget(
      name: "MiniVLMTests", dependencies: ["MiniVLM", "MiniTasks", "QueCC", "VLM", "Safetensors", "SeededRandom"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "InferenceCostTests", dependencies: ["InferenceCost", "InferenceEngine", "ComputeFrontier", "PaperFigures", "ScalingLawFit", grdb]),
    .testTarget(name: "ReproEndToEndTests", dependencies: ["repro", "figure1", "GoldenFiles"], exclude: ["Golden"]),

    // MARK: Test support
    /// Golden-file checks shared by the test targets that compare generated scripts.
    .target(name: "GoldenFiles", path: "Tests/GoldenFiles"),
  ],
  swiftLanguageModes: [.v6]
)
