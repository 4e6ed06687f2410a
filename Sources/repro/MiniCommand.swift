import ArgumentParser

/// `repro mini …`: the miniature VLM family of docs/miniature-vlm.md — its task data first.
struct MiniCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mini",
    abstract: "The miniature VLM family (docs/miniature-vlm.md): synthetic task data, evaluation of trained checkpoints.",
    subcommands: [MiniDataCommand.self, MiniContactSheetCommand.self, MiniEvalCommand.self])
}
