import Foundation

/// Where the project's inputs and outputs live, found from any directory inside the project.
///
/// Every command and figure starts from the same anchor, the folder that holds `paper-artifacts/`,
/// so they can be run from the root or from any subfolder and still read the same seed files and
/// database.
public struct ProjectLayout: Hashable, Sendable {
  /// The project root: the folder that contains `paper-artifacts/`.
  public var root: URL

  public init(root: URL) {
    self.root = root.standardizedFileURL
  }

  /// The seed files (`*.csv`, the truth) and the database built from them.
  public var seedDirectory: URL { root.appendingPathComponent("paper-artifacts", isDirectory: true) }

  /// `paper-artifacts/results.sqlite`, built from the seed files by `./repro data rebuild`.
  public var databaseURL: URL { seedDirectory.appendingPathComponent("results.sqlite", isDirectory: false) }

  /// `Figures/`, where the figure experiments write their outputs.
  public var figuresDirectory: URL { root.appendingPathComponent("Figures", isDirectory: true) }

  /// Walks up from `start` (a directory or a file) to the first folder that contains
  /// `paper-artifacts/`.
  public static func locate(
    from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
  ) throws -> ProjectLayout {
    var candidate = start.standardizedFileURL
    while true {
      var isDirectory: ObjCBool = false
      let seeds = candidate.appendingPathComponent("paper-artifacts", isDirectory: true)
      if FileManager.default.fileExists(atPath: seeds.path, isDirectory: &isDirectory), isDirectory.boolValue {
        return ProjectLayout(root: candidate)
      }
      let parent = candidate.deletingLastPathComponent()
      if parent.path == candidate.path { throw ResultsStoreError.projectRootNotFound(start: start.path) }
      candidate = parent
    }
  }
}
