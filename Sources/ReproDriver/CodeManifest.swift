/// The code a target runs: the Swift (and C) sources of its executable and of every library of
/// this package it links, plus the pinned versions of the external packages it links.
///
/// Sources are hashed rather than the built binary because release binaries embed absolute paths
/// (of the checkout and of the build folder), so two clones of the same commit build different
/// bytes; the sources are the same everywhere.
public struct CodeManifest: Codable, Equatable, Sendable {
  /// Package-relative source path → SHA-256 of its bytes.
  public var files: [String: String]
  /// External package identity → its pin, `VERSION (REVISION)`.
  public var packages: [String: String]

  public init(files: [String: String], packages: [String: String] = [:]) {
    self.files = files
    self.packages = packages
  }

  /// One digest over every file hash and package pin: the `code` input fingerprint.
  public var digest: String {
    ContentHash.of(table: files.merging(packages.mapKeys { "package:" + $0 }) { file, _ in file })
  }

  /// Files and packages whose hash or pin differs between `self` and `other`, or that only one has.
  public func changes(since other: CodeManifest) -> [String] {
    Self.changedKeys(files, other.files) + Self.changedKeys(packages, other.packages).map { "package \($0)" }
  }

  private static func changedKeys(_ new: [String: String], _ old: [String: String]) -> [String] {
    Set(new.keys).union(old.keys).filter { new[$0] != old[$0] }.sorted()
  }
}

/// What a target's code looks like to the driver: its manifest and whether it links the gnuplot
/// renderer (then the gnuplot version is one of its inputs, since it shapes the images).
public struct TargetCode: Equatable, Sendable {
  public var manifest: CodeManifest
  public var linksRenderer: Bool

  public init(manifest: CodeManifest, linksRenderer: Bool) {
    self.manifest = manifest
    self.linksRenderer = linksRenderer
  }
}

/// Where the driver learns a target's code: the build products in production, a table in tests.
public protocol CodeSource: Sendable {
  func code(of executable: String) throws -> TargetCode
}

extension Dictionary {
  func mapKeys(_ transform: (Key) -> Key) -> [Key: Value] {
    Dictionary(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
  }
}
