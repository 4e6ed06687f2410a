import Foundation
import ReproDriver

/// What a cell's results are made from: the command template, its working folder and
/// environment, and the cell's parameters and config.
///
/// Stored beside the results (`.sweep-cell.json`); a cell whose stored recipe differs from the
/// current one is stale. No path of the cache or working folder is in it, so a cell computed
/// by a local run and the same cell computed by an array task carry the same recipe.
public struct CellRecipe: Codable, Equatable, Sendable {
  public var cell: String
  public var command: [String]
  public var directory: String?
  public var environment: [String: String]?
  public var parameters: [String: String]?
  public var config: JSONValue?

  /// The recipe as stored: sorted keys, so equal recipes are equal bytes.
  func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return try encoder.encode(self) + Data("\n".utf8)
  }

  static func stored(in folder: URL) -> CellRecipe? {
    guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(CellStamp.fileName).path) else { return nil }
    return try? JSONDecoder().decode(CellRecipe.self, from: data)
  }
}

/// A cell with its placeholders filled in, as one local run or array task executes it.
struct ResolvedCell: Sendable {
  let cell: SweepCell
  let arguments: [CellArgument]
  /// The files it must produce, relative to its folder.
  let outputs: [String]
  let digests: DigestRecord?
  let recipe: CellRecipe

  var name: String { cell.name }

  /// The config file's bytes, if the cell has a config: sorted keys, so it is deterministic.
  func configData() throws -> Data? {
    guard let config = cell.config else { return nil }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return try encoder.encode(config) + Data("\n".utf8)
  }
}
