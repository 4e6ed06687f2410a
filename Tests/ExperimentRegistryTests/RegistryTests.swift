import ExperimentRegistry
import LawForms
import ResultValues
import ResultsStore
import Testing

@Suite("Experiment registry")
struct RegistryTests {
  @Test("every experiment answers to its id, executable and short name")
  func names() throws {
    #expect(Experiment.named("1") == .figure1)
    #expect(Experiment.named("figure1") == .figure1)
    #expect(Experiment.named("fig1") == .figure1)
    #expect(Experiment.named("Figure1") == .figure1)
    #expect(Experiment.named("nope") == nil)
  }

  @Test("ids, targets and names are unique; an executable runs twice only under other targets; dependencies exist")
  func registryIsConsistent() {
    let all = Experiment.all
    #expect(Set(all.map(\.id)).count == all.count)
    #expect(Set(all.map(\.target)).count == all.count)
    let ownTargets = all.filter { $0.target == $0.executable }
    #expect(Set(ownTargets.map(\.executable)).count == ownTargets.count)
    for variant in all where variant.target != variant.executable {
      #expect(ownTargets.contains { $0.executable == variant.executable }, "\(variant.target) reuses a registered figure's code")
    }
    let names = all.flatMap(\.names)
    #expect(Set(names).count == names.count)
    for experiment in all {
      for upstream in experiment.dependsOn { #expect(Experiment.named(upstream) != nil, "\(experiment.id) depends on \(upstream)") }
    }
  }

  /// `repro fit --suite` fits a grid as the figure that draws it does: before Figure 5, the
  /// PruMerge-style grid had none; a grid of several compressors has no law.
  @Test("every fitted grid's registered fit is its figure's")
  func registeredFits() {
    #expect(Experiment.registeredFit(of: .visualReasoning)?.experiment == .figure1)
    #expect(Experiment.registeredFit(of: .miniReasoning)?.experiment == .miniFigure1)
    #expect(Experiment.registeredFit(of: .miniReasoningPruMerge)?.experiment == .figure5)
    #expect(Experiment.registeredFit(of: .miniReasoningPruMerge)?.fit == Experiment.figure5Settings.fits[1])
    #expect(Experiment.registeredFit(of: .miniCompressors)?.experiment == nil)
  }

  /// Issue 9: the question a fit's summary reads V* at is each registration's own. Every fit of a
  /// scaling-law figure reads it over its figure's token range, and every miniature fit at the
  /// miniature questions' length; the paper's fits at the paper's Q = 50.
  @Test("every registered fit's question is its model's and its figure's")
  func questionsAgreeWithTheirFigures() {
    var checked = 0
    for experiment in Experiment.all {
      guard let settings = experiment.settings as? ScalingLawFigureSettings else { continue }
      #expect(settings.fit.question.visualTokenRange == settings.visualTokenRange, "\(experiment.target)")
      let miniature = settings.fit.suite.rawValue.hasPrefix("mini-")
      #expect(settings.fit.question == (miniature
        ? QuestionSetting(tokens: Experiment.miniQuestionTokens, visualTokenRange: Experiment.miniVisualTokenRange) : .paper),
        "\(experiment.target)")
      checked += 1
    }
    #expect(checked >= 6)
    #expect(Experiment.figure5Settings.fits.allSatisfy { $0.question == Experiment.miniReasoningFit.question })
    #expect(Experiment.miniFigure2Settings.fit.question == Experiment.miniReasoningFit.question)
  }

  @Test("Figure 1 reads only the visual-reasoning grid and names its claims")
  func figure1Registration() {
    #expect(Experiment.figure1.inputs == [.results(suite: .visualReasoning)])
    #expect(Experiment.figure1.parameters["method"] == "least-squares")
    #expect(Experiment.figure1.parameters["fit-sizes"] == "0.5,1.8,4,7")
    #expect(Experiment.figure1.claims.contains("fig1.exponents"))
  }

  @Test("settings keep the text the lock file has always recorded")
  func registeredText() {
    // With the fits its claims are decided on (issue 9): their settings under `verdicts.`.
    #expect(Experiment.figure1.parameters == [
      "method": "least-squares", "bounds": "paper", "fit-sizes": "0.5,1.8,4,7", "Q": "0,50", "frontier-N": "0.3,20",
      "verdicts.compare-methods": "paper-grid,least-squares,robust", "verdicts.bootstrap-resamples": "200", "verdicts.seed": "1",
      "variants": "fixed-exponents=0.077:0.015",
    ])
    #expect(Experiment.figure3a.parameters == [
      "method": "least-squares", "bounds": "paper", "fit-sizes": "0.5,1.8,4,7", "Q": "0,10,25,50,100,200", "frontier-N": "0.3,20",
    ])
    #expect(Experiment.figure3b.parameters["bounds"] == "a=0:5,alpha=0:1,beta=0:1,D=0:1")
    #expect(Experiment.figure3b.parameters["verdicts.bootstrap-resamples"] == "200")
    #expect(Experiment.figure3b.parameters["variants"] == "authors-box,without-flagged")
    #expect(Experiment.figure2.parameters["bootstrap"] == "1000", "the band's bootstrap, apart from the verdicts'")
    #expect(Experiment.figure2.parameters["holdout-fit-sizes"] == "0.5,1.8,4")
    #expect(Experiment.figure2.parameters["band-level"] == "0.95")
    #expect(Experiment.figure4.parameters == ["Q": "0,50", "tolerance": "0.25"])
    #expect(Experiment.table1.parameters == ["method": "QueCC", "y-range": "40,90"])
    #expect(Experiment.inferenceCost.parameters["V"] == "1,4,16,36,64,144,576")
  }
}

/// The robustness registration names its forms (so the registry does not link their code into
/// every experiment's fingerprint): the names must be every form the LawForms module has.
@Test func theRobustnessRegistrationNamesEveryForm() {
  #expect(Experiment.robustnessSettings.forms == LawForm.allCases.map(\.rawValue))
}
