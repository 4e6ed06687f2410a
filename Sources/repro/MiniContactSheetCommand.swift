import ArgumentParser
import Foundation
import Gnuplot
import MiniTasks

/// `repro mini contact-sheet`: a PNG of a dozen held-out images with their questions and answers.
struct MiniContactSheetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "contact-sheet",
    abstract: "Draw a dozen held-out examples of a family, with their questions and answers, as a PNG.",
    discussion: "The images are the first of the eval split for --seed, exactly as `repro mini data` stores them; "
      + "the gnuplot script is written beside the PNG.")

  @Option(help: "Which family: reasoning or ocr.")
  var family: TaskFamily = .reasoning

  @Option(help: "The PNG to write (default: .mini-data/<family>-contact-sheet.png in the project).")
  var output: String?

  @Option(help: "Seed of the generator streams (0…4294967295), as for `repro mini data`.")
  var seed: UInt64 = 1

  func validate() throws {
    if let output, !output.hasSuffix(".png") { throw ValidationError("--output must name a .png file, got \(output)") }
    guard seed <= UInt64(UInt32.max) else { throw ValidationError("--seed must be in 0…4294967295") }
  }

  func run() throws {
    let url = try output.map { URL(fileURLWithPath: $0) }
      ?? MiniDataDirectory.locate().appendingPathComponent("\(family.rawValue)-contact-sheet.png")
    let directory = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let generator = MiniTaskGenerator.standard(family)
    let examples = (0..<12).map { index in
      (index, generator.example(index: index, split: .eval, seed: seed, questionCount: generator.questionsPerImage))
    }
    let sheet = ContactSheet(
      family: family, examples: examples,
      title: "\(family.rawValue): eval images 0–11 of seed \(seed), generator version \(family.generatorVersion)")
    let script = try sheet.script(name: url.deletingPathExtension().lastPathComponent)
    let written = try GnuplotRenderer.locate().render(script, into: directory, formats: [.png])
    print(written.map(\.path).joined(separator: "\n"))
  }
}

extension TaskFamily: ExpressibleByArgument {}
