import Foundation
import Testing

@Suite("repro fit, end to end")
struct FitCommandTests {
  @Test("--json prints the three methods with their parameters")
  func allMethods() throws {
    let run = try Executables.run("repro", ["fit", "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let fits = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    #expect(fits.map { $0["method"] as? String } == ["paper-grid", "least-squares", "robust"])
    for fit in fits {
      for key in ["a", "alpha", "beta", "D", "sse"] { #expect(fit[key] is Double, "\(key) missing") }
      #expect(fit["suite"] as? String == "visual-reasoning")
    }
    let sse = fits.map { $0["sse"] as! Double }
    #expect(sse[1] <= sse[0], "least squares must not end above the paper grid")
  }

  @Test("a bootstrap with the same seed prints the same intervals")
  func bootstrapIsSeeded() throws {
    let arguments = ["fit", "--method", "least-squares", "--bootstrap", "30", "--seed", "5", "--json"]
    let first = try Executables.run("repro", arguments)
    let second = try Executables.run("repro", arguments)
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
    #expect(first.stdout.contains("\"intervals\""))
  }

  @Test("--suite ocr fits as Figure 3b registers it, gives its α and β, and says so")
  func ocrUsesFigure3bsRegistration() throws {
    let run = try Executables.run("repro", ["fit", "--suite", "ocr", "--method", "least-squares", "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("as figure3b registers it: bounds a=0.0:5.0,alpha=0.0:1.0,beta=0.0:1.0,D=0.0:1.0, N = 0.5, 1.8, 4, 7 B"))
    let fit = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let summary = try Data(contentsOf: Executables.repositoryRoot.appendingPathComponent("Figures/figure3b/summary.json"))
    let figure = try #require((JSONSerialization.jsonObject(with: summary) as? [String: Any])?["fit"] as? [String: Any])
    for key in ["a", "alpha", "beta", "D", "sse", "bounds"] {
      #expect("\(fit[key] ?? "nil")" == "\(figure[key] ?? "nil")", "\(key)")
    }
  }

  @Test("--form fits another form as the robustness experiment does, to the last digit", arguments: [
    ("visual-reasoning", "reasoning", "additive"), ("ocr", "ocr", "interaction"),
  ])
  func formMatchesTheRobustnessExperiment(suite: String, key: String, form: String) throws {
    let run = try Executables.run("repro", ["fit", "--suite", suite, "--form", form, "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("the \(form) form in its own box"))
    let fit = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let printed = try #require((fit["result"] as? [String: Any])?["parameters"] as? [Double])
    #expect((fit["parameters"] as? [String: Double])?.count == printed.count)
    let summary = try Data(contentsOf: Executables.repositoryRoot.appendingPathComponent("Figures/robustness/summary.json"))
    let assessments = try #require(((JSONSerialization.jsonObject(with: summary) as? [String: Any])?[key] as? [String: Any])?["assessments"] as? [[String: Any]])
    let figure = try #require(assessments.first { $0["form"] as? String == form }?["fit"] as? [String: Any])
    #expect(figure["parameters"] as? [Double] == printed)
    #expect(!printed.isEmpty)
  }

  @Test("--form multiplicative-q-plus-v is the paper's law with T = Q + V: every method, the registered box, the robustness experiment's optimum")
  func textPlusVisualIsThePaperLaw() throws {
    let run = try Executables.run("repro", ["fit", "--suite", "ocr", "--form", "multiplicative-q-plus-v", "--method", "least-squares", "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("as figure3b registers it") && run.stderr.contains("T = Q + V, Q = 50"), "\(run.stderr)")
    let fit = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(fit["convention"] as? String == "T = Q + V (Q = 50.0)")
    let summary = try Data(contentsOf: Executables.repositoryRoot.appendingPathComponent("Figures/robustness/summary.json"))
    let assessments = try #require(((JSONSerialization.jsonObject(with: summary) as? [String: Any])?["ocr"] as? [String: Any])?["assessments"] as? [[String: Any]])
    let figure = try #require((assessments.first { $0["form"] as? String == "multiplicative-q-plus-v" }?["fit"] as? [String: Any])?["parameters"] as? [Double])
    // Two optimisers (the paper law's least squares in Figure 3b's box, the forms' in their own
    // wider box) reach the same optimum, which lies inside both boxes.
    for (key, value) in zip(["a", "alpha", "beta", "D"], figure) {
      let mine = try #require(fit[key] as? Double)
      #expect(abs(mine - value) <= 1e-6 * max(abs(value), 1e-3), "\(key): \(mine) vs \(value)")
    }
    for method in ["paper-grid", "robust"] {
      #expect(try Executables.run("repro", ["fit", "--form", "multiplicative-q-plus-v", "--method", method]).status == 0)
    }
    #expect(try Executables.run("repro", ["fit", "--form", "multiplicative-q-plus-v", "--text-tokens", "10"]).status != 0)
  }

  @Test("--form refuses the options that only mean something for the paper's law", arguments: [
    ["--method", "robust"], ["--bounds", "paper"], ["--bootstrap", "100"], ["--text-tokens", "50"], ["--markdown"],
  ])
  func formRefusesPaperOptions(options: [String]) throws {
    let run = try Executables.run("repro", ["fit", "--form", "additive"] + options)
    #expect(run.status != 0)
    #expect(run.stderr.contains("the paper's law only"), "\(run.stderr)")
  }

  @Test("ingested 14B rows stay out of the fit: it fits the registered sizes, as Figure 1 does")
  func ingestedSizesStayOut() throws {
    try Executables.withScratchProject { root in
      let ingested = root.appendingPathComponent("paper-artifacts/ingested")
      try FileManager.default.createDirectory(at: ingested, withIntermediateDirectories: true)
      let rows = [1, 4, 16, 36, 64, 144, 576].map { "visual-reasoning,14,\($0),avg_accuracy,0.6,made up" }
      try ("suite,llm_params_billion,visual_tokens,metric,value,source_note\n" + rows.joined(separator: "\n") + "\n")
        .write(to: ingested.appendingPathComponent("fourteen.csv"), atomically: true, encoding: .utf8)
      #expect(try Executables.run("repro", ["data", "rebuild"], in: root).status == 0)
      let run = try Executables.run("repro", ["fit", "--method", "least-squares", "--json"], in: root)
      #expect(run.status == 0, "\(run.stderr)")
      let fit = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
      #expect(fit["observations"] as? Int == 28)
      #expect(fit["excludedSizes"] as? [Double] == [14])
    }
  }

  @Test("bad arguments are rejected with a non-zero exit")
  func badArguments() throws {
    #expect(try Executables.run("repro", ["fit", "--suite", "nonsense"]).status != 0)
    #expect(try Executables.run("repro", ["fit", "--bounds", "a=1:0"]).status != 0)
    #expect(try Executables.run("repro", ["fit", "--exclude-sizes", "x"]).status != 0)
  }
}

/// Issue 14, item 7: terminal output a reviewer can read.
@Suite("terminal output, end to end")
struct TerminalOutputTests {
  @Test("fit prints 4 significant digits; --full-precision prints every digit, the same as --json")
  func fitPrecision() throws {
    let rounded = try Executables.run("repro", ["fit", "--method", "least-squares"])
    #expect(rounded.status == 0, "\(rounded.stderr)")
    #expect(rounded.stdout.contains("  alpha = 0.07094\n"))
    let full = try Executables.run("repro", ["fit", "--method", "least-squares", "--full-precision"])
    let json = try Executables.run("repro", ["fit", "--method", "least-squares", "--json"])
    struct Fit: Decodable { var alpha: Double }
    let alpha = try JSONDecoder().decode(Fit.self, from: Data(json.stdout.utf8)).alpha
    #expect(full.stdout.contains("  alpha = \(alpha)\n"), "\(full.stdout)")
  }

  @Test("extrapolate and verify round by the same rule: the hold-out's worst error reads the same in both")
  func oneRoundingRule() throws {
    let extrapolate = try Executables.run("repro", ["extrapolate"])
    let verify = try Executables.run("repro", ["verify", "--claim", "fig2.holdout-7b"], environment: ["COLUMNS": "200"])
    let worst = try #require(extrapolate.stdout.split(separator: "\n").last { $0.hasPrefix("max relative error: ") })
    let percent = try #require(worst.split(separator: " ").dropFirst(3).first)
    #expect(verify.stdout.contains("max |Ŷ − Y|/Y = \(percent) %"), "\(verify.stdout)")
  }

  @Test("verify --claim wraps to COLUMNS, and to 80 when not on a terminal")
  func verifyWraps() throws {
    for (environment, width) in [(["COLUMNS": ""], 80), (["COLUMNS": "60"], 60)] {
      let run = try Executables.run("repro", ["verify", "--claim", "fig1.exponents", "--claim", "cost.linear-in-tokens"], environment: environment)
      #expect(run.status == 0)
      let longest = run.stdout.split(separator: "\n").map(\.count).max() ?? 0
      #expect(longest <= width && longest > width - 15, "longest line \(longest) for width \(width)")
    }
  }

  @Test("the -j help says its default once")
  func jobsHelp() throws {
    let help = try Executables.run("repro", ["figure", "--help"], environment: ["COLUMNS": "400"])
    #expect(help.stdout.contains("(default: the number of cores)"))
    #expect(!help.stdout.contains("(default: \(ProcessInfo.processInfo.activeProcessorCount))"))
  }
}

/// Issue 14, item 8: the robust fit was called unbounded yet printed D = 3e-16 with no bound
/// named. It has no box, but D's floor 0 (log D → −∞) is a bound, and it ends there.
@Suite("the robust fit's D, end to end")
struct RobustFloorTests {
  @Test("the robust fit of visual reasoning reports D on its floor, and says it has no box")
  func robustDOnItsFloor() throws {
    let json = try Executables.run("repro", ["fit", "--method", "robust", "--json"])
    #expect(json.status == 0, "\(json.stderr)")
    struct Fit: Decodable { var D: Double; var parametersAtBounds: [String]; var bounds: String? }
    let fit = try JSONDecoder().decode(Fit.self, from: Data(json.stdout.utf8))
    #expect(fit.D < 1e-12 && fit.parametersAtBounds == ["D"] && fit.bounds == nil)
    let text = try Executables.run("repro", ["fit", "--method", "robust"])
    #expect(text.stdout.contains("bounds none: a, D > 0 through logs") && text.stdout.contains("  on a bound: D\n"), "\(text.stdout)")
  }
}
