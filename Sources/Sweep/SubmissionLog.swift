import AtomicFiles
import Foundation

/// `submissions.json`: every job array a sweep has written, so that status and collect know
/// which task ran which cell, with which recipe, and where its log is.
struct SubmissionLog: Codable, Equatable {
  struct Submission: Codable, Equatable {
    /// `arrays/NNN`.
    var number: Int
    /// The array's job id; `nil` until `sbatch` returned one (or when submitted by hand).
    var jobID: String?
    /// The cells in array-task order: task `i` ran `cells[i]`.
    var cells: [String]
    /// The recipe each cell was submitted with, stamped on its results when collected.
    var recipes: [String: CellRecipe]
  }

  var submissions: [Submission] = []

  static func load(from url: URL) throws(SweepError) -> SubmissionLog {
    guard let data = FileManager.default.contents(atPath: url.path) else { return SubmissionLog() }
    do {
      return try JSONDecoder().decode(SubmissionLog.self, from: data)
    } catch {
      throw .io(path: url.path, reason: "not a submission log (\(error)); restore it, or delete it to forget every earlier submission")
    }
  }

  func write(to url: URL) throws(SweepError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    do {
      try AtomicFile.write(try encoder.encode(self) + Data("\n".utf8), to: url)
    } catch {
      throw .io(path: url.path, reason: "\(error)")
    }
  }

  var nextNumber: Int { (submissions.map(\.number).max() ?? 0) + 1 }

  /// The latest submission of `cell` and its task index there.
  func latest(_ cell: String) -> (submission: Submission, index: Int)? {
    for submission in submissions.reversed() {
      if let index = submission.cells.firstIndex(of: cell) { return (submission, index) }
    }
    return nil
  }

  var jobIDs: [String] { submissions.compactMap(\.jobID) }
}
