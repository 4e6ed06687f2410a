import Foundation
import Testing

@testable import ReproDriver

/// The code manifest read from a build folder laid out as SwiftPM lays it out.
@Suite struct BuildProductsTests {
  /// A package with one executable `tool` linking a local library, a local C module, an
  /// external Swift module and an external C module, and its build folder.
  struct FakeBuild {
    let root: URL
    var bin: URL { root.appendingPathComponent(".build/x86_64-unknown-linux-gnu/release") }

    init() throws {
      root = FileManager.default.temporaryDirectory.appendingPathComponent("repro-build-\(UUID().uuidString)")
      let checkout = root.appendingPathComponent(".build/checkouts/GRDB.swift")
      try write("// package", at: "Package.swift")
      try write("print(1)\n", at: "Experiments/Tool/main.swift")
      try write("let a = 1\n", at: "Sources/Lib/A File.swift")
      try write("int f(void);\n", at: "Sources/CLib/include/c.h")
      try write("int f(void) { return 1; }\n", at: "Sources/CLib/c.c")
      try write("// grdb\n", at: ".build/checkouts/GRDB.swift/GRDB/Core.swift")
      try write("// sqlite\n", at: ".build/checkouts/GRDB.swift/Sources/Shim/shim.c")
      try write("""
        {
          "pins" : [
            { "identity" : "grdb.swift", "kind" : "remoteSourceControl", "location" : "https://github.com/groue/GRDB.swift",
              "state" : { "revision" : "a60dcff", "version" : "7.10.0" } }
          ],
          "version" : 3
        }
        """, at: "Package.resolved")
      let bin = ".build/x86_64-unknown-linux-gnu/release"
      let objects = ["tool.build/main.swift.o", "Lib.build/A_File.swift.o", "CLib.build/c.c.o", "GRDB.build/Core.swift.o", "Shim.build/shim.c.o"]
      try write(objects.map { self.bin.path + "/" + $0 + "\n" }.joined(), at: "\(bin)/tool.product/Objects.LinkFileList")
      try write(root.path + "/Experiments/Tool/main.swift\n", at: "\(bin)/tool.build/sources")
      try write("'\(root.path)/Sources/Lib/A File.swift'\n", at: "\(bin)/Lib.build/sources")
      try write(
        "\(bin)/CLib.build/c.c.o: \(root.path)/Sources/CLib/c.c \\\n  \(root.path)/Sources/CLib/include/c.h /usr/include/stdio.h\n",
        at: "\(bin)/CLib.build/c.c.d")
      try write(checkout.path + "/GRDB/Core.swift\n", at: "\(bin)/GRDB.build/sources")
      try write("dependencies: \(checkout.path)/Sources/Shim/shim.c\n", at: "\(bin)/Shim.build/shim.c.d")
    }

    func write(_ text: String, at path: String) throws {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
  }

  @Test func listsLocalSourcesByHashAndExternalPackagesByPin() throws {
    let build = try FakeBuild()
    defer { try? FileManager.default.removeItem(at: build.root) }
    let code = try BuildProducts(binDirectory: build.bin).code(of: "tool")
    #expect(code.manifest.files == [
      "Experiments/Tool/main.swift": ContentHash.of(text: "print(1)\n"),
      "Sources/Lib/A File.swift": ContentHash.of(text: "let a = 1\n"),
      "Sources/CLib/c.c": ContentHash.of(text: "int f(void) { return 1; }\n"),
      "Sources/CLib/include/c.h": ContentHash.of(text: "int f(void);\n"),
    ])
    #expect(code.manifest.packages == ["grdb.swift": "7.10.0 (a60dcff)"])
    #expect(!code.linksRenderer)
  }

  @Test func aChangedSourceChangesTheDigestAndIsNamed() throws {
    let build = try FakeBuild()
    defer { try? FileManager.default.removeItem(at: build.root) }
    let before = try BuildProducts(binDirectory: build.bin).code(of: "tool").manifest
    try build.write("let a = 2\n", at: "Sources/Lib/A File.swift")
    let after = try BuildProducts(binDirectory: build.bin).code(of: "tool").manifest
    #expect(after.digest != before.digest)
    #expect(after.changes(since: before) == ["Sources/Lib/A File.swift"])
  }

  @Test func leavesOutIgnoredSources() throws {
    let build = try FakeBuild()
    defer { try? FileManager.default.removeItem(at: build.root) }
    let code = try BuildProducts(binDirectory: build.bin, ignoring: ["Sources/CLib/"]).code(of: "tool")
    #expect(code.manifest.files.keys.sorted() == ["Experiments/Tool/main.swift", "Sources/Lib/A File.swift"])
  }

  @Test func aMissingExecutableIsReportedAsNotBuilt() throws {
    let build = try FakeBuild()
    defer { try? FileManager.default.removeItem(at: build.root) }
    #expect(throws: DriverError.notBuilt(executable: "figure9", binDirectory: build.bin.path)) {
      try BuildProducts(binDirectory: build.bin).code(of: "figure9")
    }
  }

  /// Issue 11, item 9: a build folder from another checkout gave an empty code fingerprint (every
  /// object skipped) and no gnuplot version, silently.
  @Test func aBuildFolderFromAnotherCheckoutIsRefused() throws {
    let original = try FakeBuild()
    let copy = try FakeBuild()
    defer {
      try? FileManager.default.removeItem(at: original.root)
      try? FileManager.default.removeItem(at: copy.root)
    }
    try FileManager.default.removeItem(at: copy.root.appendingPathComponent(".build"))
    try FileManager.default.copyItem(at: original.root.appendingPathComponent(".build"), to: copy.root.appendingPathComponent(".build"))
    let error = #expect(throws: DriverError.self) { try BuildProducts(binDirectory: copy.bin).code(of: "tool") }
    guard case .foreignBuild(let bin, let evidence) = error else {
      Issue.record("expected foreignBuild, got \(String(describing: error))")
      return
    }
    #expect(bin == copy.bin.path && evidence.hasPrefix(original.bin.path))
    #expect(error?.description.contains("belongs to another checkout") == true)

    // The link list rewritten for this folder, the sources still the other checkout's.
    let objects = try String(contentsOf: copy.bin.appendingPathComponent("tool.product/Objects.LinkFileList"), encoding: .utf8)
    try copy.write(objects.replacingOccurrences(of: original.bin.path, with: copy.bin.path), at: ".build/x86_64-unknown-linux-gnu/release/tool.product/Objects.LinkFileList")
    #expect(throws: DriverError.foreignBuild(binDirectory: copy.bin.path, evidence: "its sources are in \(original.root.path)")) {
      try BuildProducts(binDirectory: copy.bin).code(of: "tool")
    }
  }

  @Test func modulesAreNamedLikeSwiftPMNamesThem() {
    #expect(BuildProducts.c99Name("inference-cost") == "inference_cost")
    #expect(BuildProducts.c99Name("3a") == "_3a")
  }
}
