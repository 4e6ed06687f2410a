import Foundation
import ReproDriver
import ResultsStore

/// Commands that write the results store (`ingest`, `data rebuild`) hold the driver's run lock,
/// as `all` does: a run fingerprints the data and then its experiments read it, and nothing may
/// change the database in between. Like `all`, they wait for a running `repro` (and say so)
/// unless told not to.
enum StoreWriting {
  static func run<T>(_ layout: ProjectLayout, noWait: Bool, _ body: () throws -> T) throws -> T {
    let lock = try RunLock(in: layout.figuresDirectory, wait: !noWait) { TerminalProgress().report(.waitingForLock(holder: $0)) }
    return try withExtendedLifetime(lock) { try body() }
  }
}
