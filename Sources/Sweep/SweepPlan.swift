import Foundation

/// A definition checked once and resolved against its base folder: every rule of
/// ``SweepDefinition`` is enforced here, before anything runs or is written.
struct SweepPlan: Sendable {
  let definition: SweepDefinition
  let folders: SweepFolders
  /// Where the command runs.
  let directory: URL
  /// The cells in definition order, placeholders filled in.
  let cells: [ResolvedCell]

  /// Cells one sweep may hold (a grid far larger is better split into several sweeps).
  static let cellCountRange = 1...100_000
  /// Placeholders every cell has.
  static let builtIn = ["cell", "out", "config"]

  init(_ definition: SweepDefinition, baseDirectory: URL) throws(SweepError) {
    self.definition = definition
    guard SlurmOptions.isName(definition.name) else {
      throw .invalidDefinition(field: "name", problem: "'\(definition.name)' must be 1–100 letters, digits, '.', '_' or '-'")
    }
    guard !definition.command.isEmpty, !definition.command[0].isEmpty else {
      throw .invalidDefinition(field: "command", problem: "must name a program, e.g. [\"python3\", \"train.py\", \"--out\", \"{out}\"]")
    }
    guard Self.cellCountRange.contains(definition.cells.count) else {
      throw .invalidDefinition(field: "cells", problem: "has \(definition.cells.count) cells; a sweep holds 1…100000")
    }
    guard !definition.outputs.isEmpty else {
      throw .invalidDefinition(field: "outputs", problem: "list at least one file each cell must write, or its completeness cannot be checked")
    }
    for (key, value) in definition.environment ?? [:] {
      guard TemplateText.isName(Substring(key)), !key.contains("."), !key.contains("-"), !value.contains("\0") else {
        throw .invalidDefinition(field: "environment", problem: "'\(key)' is not a variable name (letters, digits, '_')")
      }
    }
    try definition.slurm?.validate()
    let command = try definition.command.map { text throws(SweepError) in try TemplateText(text) }
    let outputs = try definition.outputs.map { text throws(SweepError) in try TemplateText(text) }
    let digestTemplates = try definition.digests.map { digests throws(SweepError) in
      (record: try TemplateText(digests.record), file: try digests.file.map { text throws(SweepError) in try TemplateText(text) })
    }
    if let digests = definition.digests, digests.field.isEmpty || digests.field.split(separator: ".", omittingEmptySubsequences: false).contains("") {
      throw .invalidDefinition(field: "digests.field", problem: "'\(digests.field)' must be a dot-separated path of keys, e.g. \"sha256\"")
    }

    let base = baseDirectory.standardizedFileURL
    func resolve(_ path: String, field: String) throws(SweepError) -> URL {
      guard !path.isEmpty, !path.contains("\0") else { throw .invalidDefinition(field: field, problem: "must be a folder path") }
      return (path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)).standardizedFileURL
    }
    let results = try resolve(definition.results, field: "results")
    folders = SweepFolders(
      results: results,
      work: try definition.work.map { path throws(SweepError) in try resolve(path, field: "work") } ?? results.appendingPathComponent(".sweep"))
    directory = try definition.directory.map { path throws(SweepError) in try resolve(path, field: "directory") } ?? base

    var seen = Set<String>()
    var cells: [ResolvedCell] = []
    for cell in definition.cells {
      guard SlurmOptions.isName(cell.name), !cell.name.hasPrefix(".") else {
        throw .invalidDefinition(
          field: "cells", problem: "'\(cell.name)' is not a cell name (1–100 letters, digits, '.', '_', '-', not starting with '.')")
      }
      guard seen.insert(cell.name).inserted else { throw .invalidDefinition(field: "cells", problem: "'\(cell.name)' is listed twice") }
      for key in (cell.parameters ?? [:]).keys {
        guard TemplateText.isName(Substring(key)), !Self.builtIn.contains(key) else {
          throw .invalidDefinition(
            field: "cells.\(cell.name).parameters", problem: "'\(key)' is not a parameter name (a letter or '_', then letters, digits, '_', '.', '-'; not cell, out or config)")
        }
      }
      let arguments = try command.map { text throws(SweepError) in try Self.argument(text, cell: cell) }
      let resolvedOutputs = try outputs.map { text throws(SweepError) in try Self.relativePath(text, cell: cell, field: "outputs") }
      guard Set(resolvedOutputs).count == resolvedOutputs.count else {
        throw .invalidDefinition(field: "outputs", problem: "names the same file twice for cell '\(cell.name)'")
      }
      let digests = try digestTemplates.map { templates throws(SweepError) in
        DigestRecord(
          record: try Self.relativePath(templates.record, cell: cell, field: "digests.record"), field: definition.digests!.field,
          file: try templates.file.map { text throws(SweepError) in try Self.relativePath(text, cell: cell, field: "digests.file") })
      }
      if arguments.contains(where: { $0.parts.contains(.config) }), cell.config == nil {
        throw .invalidDefinition(field: "cells.\(cell.name)", problem: "the command uses {config} but the cell has no config")
      }
      let recipe = CellRecipe(
        cell: cell.name, command: definition.command, directory: definition.directory, environment: definition.environment,
        parameters: cell.parameters, config: cell.config)
      cells.append(ResolvedCell(cell: cell, arguments: arguments, outputs: resolvedOutputs, digests: digests, recipe: recipe))
    }
    self.cells = cells
  }

  /// The environment of a cell's command: this process's, with the sweep's variables on top.
  func environment(base: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
    base.merging(definition.environment ?? [:]) { $1 }
  }

  private static func argument(_ template: TemplateText, cell: SweepCell) throws(SweepError) -> CellArgument {
    var parts: [CellArgument.Part] = []
    for piece in template.pieces {
      switch piece {
      case .literal(let text): parts.append(.text(text))
      case .placeholder("out"): parts.append(.out)
      case .placeholder("config"): parts.append(.config)
      case .placeholder(let name): parts.append(.text(try value(of: name, in: template, cell: cell, allowed: builtIn)))
      }
    }
    return CellArgument(parts: parts)
  }

  /// A cell-relative file name (`outputs`, `digests`): placeholders filled, no `{out}` or
  /// `{config}`, and no way out of the cell's folder.
  private static func relativePath(_ template: TemplateText, cell: SweepCell, field: String) throws(SweepError) -> String {
    var path = ""
    for piece in template.pieces {
      switch piece {
      case .literal(let text): path += text
      case .placeholder(let name): path += try value(of: name, in: template, cell: cell, allowed: ["cell"])
      }
    }
    let components = path.split(separator: "/", omittingEmptySubsequences: false)
    guard !path.hasPrefix("/"), !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }), path != CellStamp.fileName else {
      throw .invalidDefinition(field: field, problem: "'\(path)' must be a file name inside the cell's folder (relative, no '..')")
    }
    return path
  }

  private static func value(of name: String, in template: TemplateText, cell: SweepCell, allowed builtIn: [String]) throws(SweepError) -> String {
    if name == "cell" { return cell.name }
    if let value = cell.parameters?[name] { return value }
    throw .unknownPlaceholder(name: name, in: template.text, cell: cell.name, known: builtIn + (cell.parameters ?? [:]).keys.sorted())
  }
}
