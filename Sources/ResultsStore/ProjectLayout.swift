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

  /// The project folder that `url` lies in and that only `repro` itself writes: `paper-artifacts`
  /// (the inputs: seed CSVs, the database built from them) or `Figures` (the outputs, each
  /// recorded by content in `Figures/repro.lock`); `nil` anywhere else. Symbolic links are
  /// resolved, so a link cannot smuggle a write into either.
  public func managedFolder(containing url: URL) -> String? {
    func resolved(_ url: URL) -> String {
      // The file may not exist yet: resolve its folder, then add its name back.
      url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).standardizedFileURL.path
    }
    let path = resolved(url.standardizedFileURL)
    for folder in [seedDirectory, figuresDirectory] {
      let prefix = folder.resolvingSymlinksInPath().standardizedFileURL.path
      if path == prefix || path.hasPrefix(prefix + "/") { return folder.lastPathComponent }
    }
    return nil
  }

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
