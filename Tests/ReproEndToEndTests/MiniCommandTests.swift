import Foundation
import Testing

@Suite("repro mini, end to end")
struct MiniCommandTests {
  @Test("mini data writes each family's shards and manifest, the same bytes for the same seed")
  func data() throws {
    try Executables.withTemporaryDirectory { directory in
      let arguments = ["mini", "data", "--train-questions", "30", "--eval-questions", "20", "--seed", "4", "--output", directory.path]
      let first = try Executables.run("repro", arguments)
      #expect(first.status == 0, "\(first.stderr)")
      #expect(first.stdout.contains("data digest"))
      let ocr = try Executables.files(in: directory.appendingPathComponent("ocr"))
      #expect(ocr.keys.sorted() == ["manifest.json", "ocr-eval-000.safetensors", "ocr-train-000.safetensors"])
      #expect(try Executables.files(in: directory.appendingPathComponent("reasoning")).count == 3)
      #expect(try Executables.run("repro", arguments).status == 0)
      #expect(try Executables.files(in: directory.appendingPathComponent("ocr")) == ocr)
    }
  }

  @Test("out-of-range counts and seeds are refused with their range")
  func ranges() throws {
    let tooFew = try Executables.run("repro", ["mini", "data", "--train-questions", "5", "--output", "/nonexistent"])
    #expect(tooFew.status != 0)
    #expect(tooFew.stderr.contains("10...10000000"))
    let seed = try Executables.run("repro", ["mini", "data", "--seed", "4294967296", "--output", "/nonexistent"])
    #expect(seed.status != 0)
    #expect(try Executables.run("repro", ["mini", "data", "--family", "vqa"]).status != 0)
    #expect(try Executables.run("repro", ["mini", "contact-sheet", "--output", "sheet.pdf"]).status != 0)
  }

  @Test("mini contact-sheet draws a PNG", .enabled(if: Executables.gnuplotAvailable))
  func contactSheet() throws {
    try Executables.withTemporaryDirectory { directory in
      let png = directory.appendingPathComponent("ocr-sheet.png")
      let run = try Executables.run("repro", ["mini", "contact-sheet", "--family", "ocr", "--output", png.path])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(try Data(contentsOf: png).prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }
  }
}
