import Crypto
import HexDigest
import Foundation

/// A SHA-256 of the inference engine's source code, stored with each cached sweep.
///
/// Timings belong to the code that produced them: when any engine source file changes, the
/// fingerprint changes and the cached sweep no longer counts as current, so the experiment
/// re-measures. The hash covers each file's path relative to the root and its bytes, in path
/// order, so it is the same on every checkout of the same sources.
public enum EngineFingerprint {
  /// The source directories whose code runs inside a timed forward pass.
  public static let directories = [
    "Sources/CBLAS", "Sources/Safetensors", "Sources/ParallelMap", "Sources/VLM", "Sources/QueCC", "Sources/InferenceEngine",
  ]

  /// The same for the miniature models' sweep: MiniVLM (on VLM's and QueCC's kernels) and the
  /// replication library whose `MiniCostSweep` times it, so a change to what is measured or how
  /// it is recorded measures again rather than redrawing older timings.
  public static let miniatureDirectories = directories + ["Sources/MiniVLM", "Sources/MiniReplication"]

  public static func compute(root: URL, directories: [String] = directories) throws(FingerprintError) -> String {
    var files: [String] = []
    for directory in directories {
      let url = root.appendingPathComponent(directory, isDirectory: true)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue,
        let enumerator = FileManager.default.enumerator(atPath: url.path)
      else { throw .missingSources(url.path) }
      for case let relative as String in enumerator {
        if FileManager.default.fileExists(atPath: url.appendingPathComponent(relative).path, isDirectory: &isDirectory),
          !isDirectory.boolValue
        {
          files.append(directory + "/" + relative)
        }
      }
    }
    var hasher = SHA256()
    for path in files.sorted() {
      guard let contents = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
        throw .missingSources(path)
      }
      hasher.update(data: Data(path.utf8 + [0]))
      hasher.update(data: contents)
      hasher.update(data: Data([0]))
    }
    return SHA256Hex.hex(hasher.finalize())
  }
}

/// The engine sources are not where the fingerprint looks for them.
public enum FingerprintError: Error, Equatable, CustomStringConvertible {
  case missingSources(String)

  public var description: String {
    switch self {
    case .missingSources(let path):
      return "cannot fingerprint the inference engine: \(path) is missing (run from the project checkout)"
    }
  }
}
