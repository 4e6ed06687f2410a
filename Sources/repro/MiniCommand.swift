import ArgumentParser

/// `repro mini …`: the miniature VLM family of docs/miniature-vlm.md — task data, training
/// through the PyTorch trainer, and evaluation of trained checkpoints by the Swift engine.
struct MiniCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mini",
    abstract: "The miniature VLM family (docs/miniature-vlm.md): task data, training, evaluation of trained checkpoints.",
    subcommands: [
      MiniDataCommand.self, MiniContactSheetCommand.self, MiniSetup.self, MiniPretrainVision.self, MiniCells.self,
      MiniTrain.self, MiniStatus.self, MiniCollect.self, MiniEvalCommand.self,
    ])
}
