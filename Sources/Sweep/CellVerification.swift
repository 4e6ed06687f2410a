import Foundation
import ReproDriver

/// A check the caller adds to the built-in ones, e.g. "the checkpoint loads and its metadata
/// names this cell". Throws (any error, its description is shown) to reject the results.
public typealias CellVerifier = @Sendable (_ cell: SweepCell, _ folder: URL) throws -> Void

/// Decides whether a folder holds a cell's complete, intact results — before it enters the
/// cell cache, for local runs and array tasks alike.
enum CellVerification {
  /// Throws ``SweepError/rejected(cell:reason:)`` naming the first problem: a missing output,
  /// a digest record that is unreadable or disagrees with a file, or the caller's verifier.
  static func verify(_ cell: ResolvedCell, in folder: URL, verifier: CellVerifier?) throws(SweepError) {
    let missing = cell.outputs.filter { !isFile(folder.appendingPathComponent($0)) }
    guard missing.isEmpty else {
      throw .rejected(cell: cell.name, reason: "missing \(missing.joined(separator: ", "))")
    }
    if let digests = cell.digests {
      for (file, expected) in try listedDigests(digests, cell: cell.name, in: folder) {
        let url = folder.appendingPathComponent(file)
        guard isFile(url) else { throw .rejected(cell: cell.name, reason: "\(digests.record) lists \(file), which is missing") }
        let actual: String
        do { actual = try ContentHash.of(fileAt: url) } catch { throw .rejected(cell: cell.name, reason: "\(error)") }
        guard actual == expected.lowercased() else {
          throw .rejected(cell: cell.name, reason: "\(file) has SHA-256 \(actual), but \(digests.record) says \(expected)")
        }
      }
    }
    if let verifier {
      do {
        try verifier(cell.cell, folder)
      } catch {
        throw .rejected(cell: cell.name, reason: "\(error)")
      }
    }
  }

  private static func isFile(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
  }

  /// File → expected hex digest, from the record.
  private static func listedDigests(_ digests: DigestRecord, cell: String, in folder: URL) throws(SweepError) -> [(String, String)] {
    let recordURL = folder.appendingPathComponent(digests.record)
    guard let data = FileManager.default.contents(atPath: recordURL.path) else {
      throw .rejected(cell: cell, reason: "the digest record \(digests.record) is missing")
    }
    guard var value = try? JSONDecoder().decode(JSONValue.self, from: data) else {
      throw .rejected(cell: cell, reason: "the digest record \(digests.record) is not valid JSON")
    }
    for key in digests.field.split(separator: ".") {
      guard case .object(let object) = value, let next = object[String(key)] else {
        throw .rejected(cell: cell, reason: "\(digests.record) has no field '\(digests.field)'")
      }
      value = next
    }
    func hex(_ value: JSONValue, for file: String) throws(SweepError) -> String {
      guard case .string(let text) = value, text.count == 64, text.allSatisfy(\.isHexDigit) else {
        throw .rejected(cell: cell, reason: "\(digests.record): '\(digests.field)' must give \(file) a 64-digit hex SHA-256")
      }
      return text
    }
    if let file = digests.file { return [(file, try hex(value, for: file))] }
    guard case .object(let table) = value, !table.isEmpty else {
      throw .rejected(cell: cell, reason: "\(digests.record): '\(digests.field)' must map result files to SHA-256 digests")
    }
    var listed: [(String, String)] = []
    for (file, digest) in table.sorted(by: { $0.key < $1.key }) {
      let parts = file.split(separator: "/", omittingEmptySubsequences: false)
      guard !file.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == ".." }) else {
        throw .rejected(cell: cell, reason: "\(digests.record) lists '\(file)', which is outside the cell's folder")
      }
      listed.append((file, try hex(digest, for: file)))
    }
    return listed
  }
}
