import Foundation
import MiniTasks
import MiniVLM
import Testing
import VLM

@Suite("Batch evaluation")
struct EvaluationTests {
  @Test(arguments: MiniCompressorKind.allCases)
  func batchedEvaluationEqualsOneQuestionAtATime(compressor: MiniCompressorKind) throws {
    let model = try Mini.model(compressor, tokens: compressor == .prumerge ? 10 : 4)
    let set = Mini.evalSet()
    let evaluation = try model.evaluate(set, batch: 5, threads: 2)
    for question in [0, 6, 12] {
      let Q = set.questionTokens, bytes = 48 * 48 * 3, image = set.imageIndex[question]
      let stages = model.stages(image: MiniVLM.image(pixels: set.pixels[(image * bytes)..<((image + 1) * bytes)], side: 48),
                                question: Array(set.questions[(question * Q)..<((question + 1) * Q)]))
      #expect(evaluation.predictions[question] == LanguageModel.argmax(stages.logits.values))
    }
  }

  @Test(arguments: [MiniCompressorKind.quecc, .tokenpacker])
  func resultsDoNotDependOnTheThreadCount(compressor: MiniCompressorKind) throws {
    let model = try Mini.model(compressor, tokens: 4)
    let set = Mini.evalSet(images: 5, questions: 14)
    let one = try model.evaluate(set, batch: 6, threads: 1)
    for threads in [2, 3] {
      #expect(try model.evaluate(set, batch: 6, threads: threads) == one)
    }
    let regrouped = try model.evaluate(set, batch: 14, threads: 2)
    #expect(regrouped.predictions == one.predictions)
    #expect(zip(regrouped.crossEntropies, one.crossEntropies).allSatisfy { abs($0 - $1) < 1e-5 })
  }

  @Test func metricsFollowTheirDefinitions() throws {
    let model = try Mini.model(.pool)
    var set = Mini.evalSet()
    let first = try model.evaluate(set, batch: 4)
    // Answer every even question with the model's own prediction: those are exactly right.
    for question in stride(from: 0, to: set.questionCount, by: 2) { set.answers[question] = first.predictions[question] }
    for question in stride(from: 1, to: set.questionCount, by: 2) {
      set.answers[question] = (first.predictions[question] + 1) % Mini.language.vocabularySize
    }
    let evaluation = try model.evaluate(set, batch: 4)
    #expect(evaluation.overall.correct == 7 && evaluation.overall.questions == 13)
    #expect(evaluation.byType.map(\.type) == ["count", "colour"])
    #expect(evaluation.byType[0].accuracy == 1 && evaluation.byType[1].accuracy == 0)
    let question = 3, Q = set.questionTokens, bytes = 48 * 48 * 3, image = set.imageIndex[question]
    let logits = model.stages(image: MiniVLM.image(pixels: set.pixels[(image * bytes)..<((image + 1) * bytes)], side: 48),
                              question: Array(set.questions[(question * Q)..<((question + 1) * Q)])).logits.values
    let logSumExp = log(logits.reduce(0.0) { $0 + exp(Double($1)) })
    #expect(abs(evaluation.crossEntropies[question] - (logSumExp - Double(logits[set.answers[question]]))) < 1e-4)
    let sorted = logits.sorted(by: >)
    #expect(abs(evaluation.margins[question] - (sorted[0] - sorted[1])) < 1e-4)
    let mean = evaluation.crossEntropies.reduce(0, +) / 13
    #expect(abs(evaluation.overall.meanCrossEntropy - mean) < 1e-12)
  }

  @Test func dataThatDoesNotFitIsRefused() throws {
    let model = try Mini.model(.pool)
    var set = Mini.evalSet()
    set.questions[0] = 99
    #expect(throws: MiniVLMError.self) { try model.evaluate(set) }
    set = Mini.evalSet()
    set.imageIndex[2] = 50
    #expect(throws: MiniVLMError.self) { try model.evaluate(set) }
    #expect(throws: MiniVLMError.self) { try model.evaluate(Mini.evalSet(), batch: 0) }
  }

  @Test func queccTokensDependOnTheQuestion() throws {
    let model = try Mini.model(.quecc, tokens: 4)
    let set = Mini.evalSet(images: 1, questions: 2)
    let image = MiniVLM.image(pixels: set.pixels, side: 48)
    let a = model.stages(image: image, question: Array(set.questions[0..<4]))
    let b = model.stages(image: image, question: Array(set.questions[4..<8]))
    #expect(maxAbsoluteDifference(a.compressed.values, b.compressed.values) > 1e-4)
    #expect(a.patches == b.patches)
  }
}

@Suite("Agreement with the trainer's predictions")
struct AgreementTests {
  func evaluation() throws -> (MiniEvaluation, TrainerPredictions) {
    let evaluation = try Mini.model(.pool).evaluate(Mini.evalSet(), batch: 8)
    let trainer = TrainerPredictions(
      predictions: evaluation.predictions, margins: evaluation.margins,
      crossEntropies: evaluation.crossEntropies.map(Float.init), evalShardSHA256: "x", cell: "test")
    return (evaluation, trainer)
  }

  @Test func identicalAnswersPass() throws {
    let (evaluation, trainer) = try evaluation()
    let agreement = try PredictionAgreement(evaluation, questions: 0..<13, trainer: trainer)
    #expect(agreement.passes && agreement.identical == 13 && agreement.disagreements.isEmpty)
    #expect(agreement.maxCrossEntropyDifference < 1e-6)
  }

  @Test func aDifferenceAwayFromATieFails() throws {
    var (evaluation, trainer) = try evaluation()
    trainer.predictions[4] = (trainer.predictions[4] + 1) % 24
    // 12 of 13 identical is far below 99.9 % anyway; make the share rule pass by a long tail of
    // agreeing questions so that only the margin rule decides.
    let longTail = 2000
    evaluation.predictions += Array(repeating: 1, count: longTail)
    evaluation.margins += Array(repeating: 1, count: longTail)
    evaluation.crossEntropies += Array(repeating: 0, count: longTail)
    trainer.predictions += Array(repeating: 1, count: longTail)
    trainer.margins += Array(repeating: 1, count: longTail)
    trainer.crossEntropies += Array(repeating: 0, count: longTail)
    let agreement = try PredictionAgreement(evaluation, questions: 0..<(13 + longTail), trainer: trainer)
    #expect(agreement.identicalShare >= 0.999 && agreement.disagreements.map(\.question) == [4])
    #expect(agreement.passes == (max(evaluation.margins[4], trainer.margins[4]) < 1e-3))
    evaluation.margins[4] = 1e-4
    trainer.margins[4] = 2e-4
    #expect(try PredictionAgreement(evaluation, questions: 0..<(13 + longTail), trainer: trainer).passes)
    #expect(throws: MiniVLMError.self) { try PredictionAgreement(evaluation, questions: 0..<5, trainer: trainer) }
  }
}

@Suite("Evaluation data from shards")
struct EvalDataTests {
  @Test func directoriesAndShardsLoadWithTheirDigests() throws {
    let directory = try Mini.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let plan = try MiniDatasetPlan(generator: .standard(.reasoning), seed: 1, trainQuestions: 10, evalQuestions: 20)
    _ = try MiniDataset.write(plan, into: directory) { _ in }
    let set = try MiniEvalSet.load(directory, family: "reasoning")
    #expect(set.questionCount == 20 && set.sources.count == 1 && set.sources[0].split == "eval")
    let shard = URL(fileURLWithPath: set.sources[0].path)
    #expect(set.sources[0].sha256 == (try MiniVLM.sha256(of: shard)))
    #expect(try MiniEvalSet.load(shard, family: "reasoning") == set)
    #expect(throws: MiniVLMError.self) { try MiniEvalSet.load(shard, family: "ocr") }
    #expect(throws: MiniVLMError.self) { try MiniEvalSet.load(directory, family: "ocr") }
    let requests = set.requests(3)
    #expect(requests.imageCount == 3 && requests.imageIndex == [0, 1, 2] && requests.questionCount == 3)
  }
}
