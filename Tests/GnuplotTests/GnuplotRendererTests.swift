import Foundation
@testable import Gnuplot
import Testing

/// The gnuplot these tests render with, if this machine has one.
let installedGnuplot = try? GnuplotRenderer.locate()

func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("gnuplot-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

@Suite("Finding gnuplot")
struct GnuplotLocateTests {
  @Test("a missing gnuplot is a typed error that says how to install it and how to render later")
  func missing() {
    #expect(throws: GnuplotError.self) { try GnuplotRenderer.locate(environment: ["PATH": "/nonexistent/bin"]) }
    do {
      _ = try GnuplotRenderer.locate(environment: ["PATH": "/nonexistent/bin"])
    } catch {
      #expect(error.description.contains("apt-get install gnuplot-nox"))
      #expect(error.description.contains("gnuplot -e \"format='png'\" file.gp"))
      #expect(error.description.contains("/nonexistent/bin"))
    }
  }

  @Test("GNUPLOT overrides PATH, and must point at an executable")
  func override() throws {
    let fake = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: fake) }
    let notExecutable = fake.appendingPathComponent("gnuplot")
    try Data("#!/bin/sh\n".utf8).write(to: notExecutable)
    #expect(throws: GnuplotError.self) {
      try GnuplotRenderer.locate(environment: ["GNUPLOT": notExecutable.path, "PATH": "/usr/bin"])
    }
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: notExecutable.path)
    let found = try GnuplotRenderer.locate(environment: ["GNUPLOT": notExecutable.path, "PATH": "/usr/bin"])
    #expect(found.executable.path == notExecutable.path)
    let onPath = try GnuplotRenderer.locate(environment: ["PATH": "/nonexistent:\(fake.path)"])
    #expect(onPath.executable.path == notExecutable.path)
  }

  @Test("PDF creation dates are replaced by the epoch without changing the length")
  func pdfDate() {
    let utc = Array("<< /Producer (cairo)\n   /CreationDate (D:20261121095238Z)\n>>".utf8)
    let india = Array("   /CreationDate (D:20261121152240+05'30)\n".utf8)
    #expect(String(decoding: PDFCreationDate.normalized(utc), as: UTF8.self)
      == "<< /Producer (cairo)\n   /CreationDate (D:19700101000000Z)\n>>")
    #expect(String(decoding: PDFCreationDate.normalized(india), as: UTF8.self)
      == "   /CreationDate (D:19700101000000+00'00)\n")
    #expect(PDFCreationDate.normalized(Array("no date here".utf8)) == Array("no date here".utf8))
  }
}

@Suite("Rendering with gnuplot", .enabled(if: installedGnuplot != nil, "gnuplot is not installed"))
struct GnuplotRenderTests {
  let renderer = installedGnuplot!

  @Test("reports its version")
  func version() throws {
    #expect(try renderer.version().hasPrefix("gnuplot "))
  }

  @Test("renders PNG, SVG and PDF, byte-identical on a second run, leaving no temporary files")
  func renderTwice() throws {
    let (first, second) = (try temporaryDirectory(), try temporaryDirectory())
    defer { for directory in [first, second] { try? FileManager.default.removeItem(at: directory) } }
    let images = try renderer.render(try smallScript(), into: first)
    #expect(images.map(\.lastPathComponent) == ["small.gp", "small.png", "small.svg", "small.pdf"])
    let png = try Data(contentsOf: first.appendingPathComponent("small.png"))
    #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    let svg = try String(contentsOf: first.appendingPathComponent("small.svg"), encoding: .utf8)
    #expect(svg.contains("<svg"))
    let pdf = try Data(contentsOf: first.appendingPathComponent("small.pdf"))
    #expect(pdf.starts(with: Array("%PDF-".utf8)))
    #expect(String(decoding: pdf, as: UTF8.self).contains("/CreationDate (D:19700101000000Z)"))

    Thread.sleep(forTimeInterval: 1.1)  // a later wall-clock second, which cairo would stamp
    try renderer.render(try smallScript(), into: second)
    for file in ["small.gp", "small.png", "small.svg", "small.pdf"] {
      let (a, b) = (try Data(contentsOf: first.appendingPathComponent(file)),
                    try Data(contentsOf: second.appendingPathComponent(file)))
      #expect(a == b, "\(file) differs between two renders")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
      == ["small.gp", "small.pdf", "small.png", "small.svg"])
  }

  @Test("a gnuplot error surfaces its message and leaves no image behind")
  func failure() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var script = try GnuplotScript(name: "broken", canvas: GnuplotCanvas(width: 200, height: 100, font: "DejaVu Sans", fontSize: 10))
    script.command("plot undefined_function_xyz(x)")
    #expect(throws: GnuplotError.self) { try renderer.render(script, into: directory, formats: [.png]) }
    do {
      try renderer.render(script, into: directory, formats: [.png])
    } catch {
      #expect(error.description.contains("undefined_function_xyz"))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["broken.gp"])
  }

  @Test("an unknown format stops the script with status 2")
  func unknownFormat() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let scriptURL = try smallScript().write(into: directory)
    let process = Process()
    process.executableURL = renderer.executable
    process.arguments = ["-d", "-e", "format='gif'", scriptURL.path]
    process.currentDirectoryURL = directory
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 2)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["small.gp"])
  }
}
