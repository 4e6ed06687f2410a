import Foundation

/// The folder `swift build` wrote the experiment executables into, read to learn what each one
/// was compiled from.
///
/// For executable `E`, `E.product/Objects.LinkFileList` lists every object file linked into it,
/// one folder per module (`Notebook.build/…`); a Swift module's `sources` file lists its source
/// files and a C module's `*.d` files name the files its compiler read. That is the target's
/// dependency closure exactly as built, so nothing has to be kept in sync with `Package.swift`.
/// Sources inside this package are hashed; sources of external packages (under `checkouts/`) are
/// represented by the package's pin in `Package.resolved`.
public final class BuildProducts: CodeSource, @unchecked Sendable {
  /// Where the executables are (`swift build --show-bin-path`).
  public let binDirectory: URL
  /// Package-relative path prefixes left out of every manifest (see ``registrySources``).
  public let ignoredPrefixes: [String]
  private let realBinPath: String
  /// File hashes shared by all targets (they link the same libraries); guarded by `lock`.
  private var fileHashes: [String: String] = [:]
  private var pins: [String: String]?
  private let lock = NSLock()

  public init(binDirectory: URL, ignoring ignoredPrefixes: [String] = [registrySources]) {
    self.binDirectory = binDirectory
    self.ignoredPrefixes = ignoredPrefixes
    realBinPath = binDirectory.resolvingSymlinksInPath().standardizedFileURL.path
  }

  /// The experiment registry, the `ExperimentRegistry` module: registrations only, data rather
  /// than code (the types and everything that computes with them are `ExperimentModel`, hashed
  /// as code). Every experiment links it, but what it says about a target reaches that target's
  /// fingerprints as its own parameters, inputs and `dependsOn`; hashing it as code would make
  /// every target "code changed" when one registration changes or a new experiment is added.
  public static let registrySources = "Sources/ExperimentRegistry/"


  /// The executable called `name`.
  public func executable(_ name: String) -> URL {
    binDirectory.appendingPathComponent(name)
  }

  public func code(of executable: String) throws -> TargetCode {
    let linkList = binDirectory.appendingPathComponent("\(executable).product/Objects.LinkFileList")
    let ownFolder = realBin.appendingPathComponent(Self.c99Name(executable) + ".build")
    guard let objects = try? Self.lines(of: linkList),
      let ownSource = try? Self.lines(of: ownFolder.appendingPathComponent("sources")).first
    else { throw DriverError.notBuilt(executable: executable, binDirectory: binDirectory.path) }
    let packageRoot = try Self.packageRoot(above: ownSource)
    try checkBelongsHere(objects: objects, packageRoot: packageRoot)

    var modules: [String: [String]] = [:]
    var order: [String] = []
    for object in objects {
      guard let folder = moduleFolder(of: object) else { continue }
      if modules[folder] == nil { order.append(folder) }
      modules[folder, default: []].append(object)
    }
    var files: [String: String] = [:]
    var packages: [String: String] = [:]
    for folder in order {
      for source in try sourceFiles(inModuleFolder: folder, objects: modules[folder] ?? [], packageRoot: packageRoot) {
        if let relative = Self.packageRelativePath(source, root: packageRoot) {
          guard !ignoredPrefixes.contains(where: relative.hasPrefix) else { continue }
          files[relative] = try hash(source)
        } else {
          let identity = try Self.checkoutName(of: source)
          packages[identity] = try pin(identity, packageRoot: packageRoot)
        }
      }
    }
    guard !files.isEmpty else { throw DriverError.foreignBuild(binDirectory: binDirectory.path, evidence: linkList.path) }
    return TargetCode(manifest: CodeManifest(files: files, packages: packages), linksRenderer: modules["Gnuplot.build"] != nil)
  }

  /// Throws ``DriverError/foreignBuild(binDirectory:evidence:)`` when the build records were
  /// written for another checkout: a build folder copied or moved from elsewhere lists objects
  /// outside this folder (which would all be skipped, leaving an empty code fingerprint) and
  /// sources of the other checkout (whose hashes would stand for this one's). A build folder
  /// inside a package must have been built from that package's sources.
  ///
  /// SwiftPM has no supported interface that says what a binary was compiled from, so these
  /// records are read (`swift package describe` gives the declared target graph, not the build,
  /// and costs a second per call); this check makes reading them fail loudly instead of wrongly.
  private func checkBelongsHere(objects: [String], packageRoot: String) throws {
    if let foreign = objects.first(where: { !$0.hasPrefix(realBinPath + "/") }) {
      throw DriverError.foreignBuild(binDirectory: binDirectory.path, evidence: foreign)
    }
    let resolvedRoot = URL(fileURLWithPath: packageRoot).resolvingSymlinksInPath().path
    if let enclosing = try? Self.packageRoot(above: realBinPath + "/-"), enclosing != resolvedRoot {
      throw DriverError.foreignBuild(binDirectory: binDirectory.path, evidence: "its sources are in \(packageRoot)")
    }
  }

  // MARK: Reading the build folder

  private var realBin: URL { URL(fileURLWithPath: realBinPath) }

  /// `Notebook.build` for `<bin>/Notebook.build/CSVTable.swift.o`.
  private func moduleFolder(of object: String) -> String? {
    guard object.hasPrefix(realBinPath + "/") else { return nil }
    let rest = object.utf8.dropFirst(realBinPath.utf8.count + 1)
    return String(decoding: rest.prefix { $0 != UInt8(ascii: "/") }, as: UTF8.self)
  }

  /// The absolute paths of the files a module was compiled from. A Swift module lists them in
  /// `sources`; a C module's compiler wrote them into a `.d` file beside each object (system
  /// headers left out: they belong to the machine, not to the code). An external module's
  /// first source is returned alone, since it is enough to name the module's package.
  private func sourceFiles(inModuleFolder folder: String, objects: [String], packageRoot: String) throws -> [String] {
    let list = realBin.appendingPathComponent(folder).appendingPathComponent("sources")
    if let sources = try? Self.lines(of: list) {
      guard let first = sources.first, Self.packageRelativePath(first, root: packageRoot) != nil else {
        return Array(sources.prefix(1))
      }
      return sources
    }
    var read: [String] = []
    for object in objects where object.hasSuffix(".o") {
      let rule = URL(fileURLWithPath: String(object.dropLast(2)) + ".d")
      let prerequisites = try Self.prerequisites(inMakeRule: rule).filter { path in
        path.contains("/checkouts/") || Self.packageRelativePath(path, root: packageRoot) != nil
      }
      if let first = prerequisites.first, Self.packageRelativePath(first, root: packageRoot) == nil { return [first] }
      read += prerequisites
    }
    return orderedUnique(read)
  }

  /// Non-empty lines, with the single quotes SwiftPM puts around paths that contain spaces removed.
  static func lines(of url: URL) throws -> [String] {
    let data = try Data(contentsOf: url)
    return data.split(separator: UInt8(ascii: "\n")).map { line in
      let quoted = line.count >= 2 && line.first == UInt8(ascii: "'") && line.last == UInt8(ascii: "'")
      return String(decoding: quoted ? line.dropFirst().dropLast() : line, as: UTF8.self)
    }
  }

  /// The prerequisites of a compiler-written make rule `target: a b \` + newline + `c`, with `\ `
  /// standing for a space inside a path. Parsed as bytes: these files list hundreds of headers.
  static func prerequisites(inMakeRule url: URL) throws -> [String] {
    guard let rule = FileManager.default.contents(atPath: url.path) else {
      throw DriverError.unreadable(path: url.path, reason: "the compiler's dependency file is missing; rebuild")
    }
    guard let colon = rule.range(of: Data(": ".utf8)) else { return [] }
    var paths: [String] = []
    var current: [UInt8] = []
    var escaped = false
    func endPath() {
      if !current.isEmpty { paths.append(String(decoding: current, as: UTF8.self)) }
      current.removeAll(keepingCapacity: true)
    }
    for byte in rule[colon.upperBound...] {
      let separator = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
      if escaped {
        escaped = false
        if byte == UInt8(ascii: "\n") { endPath() } else { current.append(byte) }  // `\` + newline continues the rule
      } else if byte == UInt8(ascii: "\\") {
        escaped = true
      } else if separator {
        endPath()
      } else {
        current.append(byte)
      }
    }
    endPath()
    return paths
  }

  // MARK: Locating sources

  /// The folder holding `Package.swift` above `source`.
  static func packageRoot(above source: String) throws -> String {
    var directory = URL(fileURLWithPath: source).deletingLastPathComponent()
    while directory.path != "/" {
      if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
        return directory.path
      }
      directory = directory.deletingLastPathComponent()
    }
    throw DriverError.unknownSourceLocation(path: source)
  }

  /// `source` relative to the package root, or `nil` when it lies outside it or in a hidden
  /// folder of it (a build folder's `checkouts/`).
  static func packageRelativePath(_ source: String, root: String) -> String? {
    guard source.hasPrefix(root + "/") else { return nil }
    let relative = String(source.dropFirst(root.count + 1))
    return relative.hasPrefix(".") ? nil : relative
  }

  /// The lowercased checkout folder an external source lives in: `grdb.swift` for
  /// `…/checkouts/GRDB.swift/GRDB/…`, which is how `Package.resolved` names the package.
  static func checkoutName(of source: String) throws -> String {
    let components = source.split(separator: "/")
    guard let index = components.lastIndex(of: "checkouts"), index + 1 < components.count else {
      throw DriverError.unknownSourceLocation(path: source)
    }
    return components[index + 1].lowercased()
  }

  /// `version (revision)` of the package `identity` in `Package.resolved`.
  private func pin(_ identity: String, packageRoot: String) throws -> String {
    lock.lock()
    defer { lock.unlock() }
    if pins == nil { pins = try Self.readPins(URL(fileURLWithPath: packageRoot).appendingPathComponent("Package.resolved")) }
    guard let pin = pins?[identity] else {
      throw DriverError.unpinnedPackage(identity: identity)
    }
    return pin
  }

  private struct Resolved: Decodable {
    struct Pin: Decodable {
      struct State: Decodable {
        var revision: String
        var version: String?
        var branch: String?
      }
      var identity: String
      var state: State
    }
    var pins: [Pin]
  }

  static func readPins(_ url: URL) throws -> [String: String] {
    guard let data = FileManager.default.contents(atPath: url.path),
      let resolved = try? JSONDecoder().decode(Resolved.self, from: data)
    else { throw DriverError.unpinnedPackage(identity: "every external package (\(url.path) is missing or unreadable)") }
    return Dictionary(resolved.pins.map { pin in
      (pin.identity.lowercased(), "\(pin.state.version ?? pin.state.branch ?? "revision") (\(pin.state.revision))")
    }) { first, _ in first }
  }

  private func hash(_ path: String) throws -> String {
    lock.lock()
    let cached = fileHashes[path]
    lock.unlock()
    if let cached { return cached }
    let digest = try ContentHash.of(fileAt: URL(fileURLWithPath: path))
    lock.lock()
    fileHashes[path] = digest
    lock.unlock()
    return digest
  }

  /// SwiftPM's module name for a target name: `inference-cost` → `inference_cost`.
  static func c99Name(_ name: String) -> String {
    let body = String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    return body.first?.isNumber == true ? "_" + body : body
  }
}

func orderedUnique<Element: Hashable>(_ elements: [Element]) -> [Element] {
  var seen = Set<Element>()
  return elements.filter { seen.insert($0).inserted }
}
