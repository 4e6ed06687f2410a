import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `Figures/.staging/`: where outputs are written before they replace a target's folder.
///
/// Entries are named `<target>.<pid>` (plus a `.log` and a `.data` beside the driver's), by the driver and
/// by experiments run on their own alike. A run that was killed leaves its entries behind; they
/// are removed once their process is gone, never while it may still be writing.
enum StagingArea {
  /// A fresh, empty staging folder for `executable` (a target) owned by this process.
  static func folder(for executable: String, in staging: URL) throws -> URL {
    let folder = staging.appendingPathComponent("\(executable).\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Removes the entries of processes that no longer exist.
  static func removeAbandoned(in staging: URL) {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: staging.path) else { return }
    for entry in entries {
      let name = [".log", ".data"].first(where: entry.hasSuffix).map { String(entry.dropLast($0.count)) } ?? entry
      guard let pid = name.split(separator: ".").last.flatMap({ Int32($0) }), kill(pid, 0) != 0, errno == ESRCH else { continue }
      try? FileManager.default.removeItem(at: staging.appendingPathComponent(entry))
    }
  }
}
