import Foundation
import MiniTasks

/// Where the miniature replication keeps its files, relative to the project root.
///
/// Generated data is never committed (`repro mini data` regenerates it byte for byte from its
/// seed); the vision tower, cell checkpoints and their training records are, so `./repro all`
/// evaluates them on a clean clone without training anything.
public struct MiniLayout: Sendable {
  public let root: URL

  public init(root: URL) { self.root = root }

  /// `.mini-data/`, the generated shards (git-ignored).
  public var dataDirectory: URL { root.appendingPathComponent(".mini-data", isDirectory: true) }
  /// `paper-artifacts/mini/`, the committed models.
  public var artifactsDirectory: URL { root.appendingPathComponent("paper-artifacts/mini", isDirectory: true) }
  /// The one frozen vision tower every cell reads.
  public var visionTower: URL { artifactsDirectory.appendingPathComponent("vision_tower.safetensors") }
  /// The tower's training record.
  public var visionTowerRecord: URL { artifactsDirectory.appendingPathComponent("vision_tower.json") }
  /// `paper-artifacts/mini/cells/`: `<cell>.safetensors`, `<cell>.json`, `<cell>.predictions.safetensors`.
  public var cellsDirectory: URL { artifactsDirectory.appendingPathComponent("cells", isDirectory: true) }
  /// `Training/`, the PyTorch trainer.
  public var trainingDirectory: URL { root.appendingPathComponent("Training", isDirectory: true) }
  /// Staging and logs of training runs (git-ignored).
  public var workDirectory: URL { root.appendingPathComponent(".mini-work", isDirectory: true) }
  /// The vision tower's features, cached by content and shared by every cell (git-ignored).
  public var featureCache: URL { workDirectory.appendingPathComponent("features", isDirectory: true) }

  /// The files a trained cell consists of — checkpoint, the trainer's predictions on the eval
  /// set, training record — named from the cell's name, in the order they are installed (the
  /// record last: a cell is complete when its record is there).
  public static func cellFileNames(_ name: String) -> [String] {
    ["\(name).safetensors", "\(name).predictions.safetensors", "\(name).json"]
  }

  /// Where `cell`'s files are installed, in ``cellFileNames(_:)`` order.
  public func cellFiles(_ cell: MiniCell) -> [URL] { Self.cellFileNames(cell.name).map { cellsDirectory.appendingPathComponent($0) } }
  public func checkpoint(_ cell: MiniCell) -> URL { cellFiles(cell)[0] }
  public func predictions(_ cell: MiniCell) -> URL { cellFiles(cell)[1] }
  public func record(_ cell: MiniCell) -> URL { cellFiles(cell)[2] }

  /// `.mini-data/<family>/`, one family's shards and `manifest.json`.
  public func familyData(_ family: TaskFamily) -> URL { dataDirectory.appendingPathComponent(family.rawValue, isDirectory: true) }

  /// The bytes of `family`'s `manifest.json`, checked to come from this build's generator: an
  /// error naming `repro mini data` when the data is missing or an older generator wrote it.
  public func currentManifest(_ family: TaskFamily) throws -> Data {
    let directory = familyData(family)
    guard let manifest = FileManager.default.contents(atPath: directory.appendingPathComponent(MiniDataset.manifestName).path) else {
      throw MiniReplicationError.missingData(family: family, directory: directory.path)
    }
    try MiniManifest.requireCurrentGenerator(manifest, family: family, path: directory.path)
    return manifest
  }

  /// The shards of `split` for `family`, sorted by name; an error naming `repro mini data` when
  /// there are none.
  public func shards(_ family: TaskFamily, _ split: DataSplit) throws -> [URL] {
    let directory = familyData(family)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    let prefix = "\(family.rawValue)-\(split.rawValue)-"
    let shards = names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".safetensors") }.sorted()
    guard !shards.isEmpty else { throw MiniReplicationError.missingData(family: family, directory: directory.path) }
    return shards.map { directory.appendingPathComponent($0) }
  }
}
