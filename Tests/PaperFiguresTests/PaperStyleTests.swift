import PaperFigures
import Testing

@Suite("The paper style")
struct PaperStyleTests {
  @Test("N maps to the same colour every time; the authors' sizes get the warm palette, 14B a distinct one")
  func colorByN() {
    #expect(PaperStyle.color(N: 0.5).description == "#e5ae2e")
    #expect(PaperStyle.color(N: 1.8).description == "#f08028")
    #expect(PaperStyle.color(N: 4).description == "#d73027")
    #expect(PaperStyle.color(N: 7).description == "#7f0a1e")
    #expect(PaperStyle.color(N: 14).description == "#2c6fb3")
    for N in [0.3, 0.5, 1, 1.8, 3, 4, 7, 10, 14, 20] {
      #expect(PaperStyle.color(N: N) == PaperStyle.color(N: N))
    }
    let warm = [0.5, 1.8, 4, 7].map { PaperStyle.color(N: $0) }
    #expect(Set(warm).count == 4)
    #expect(!warm.contains(PaperStyle.color(N: 14)))
  }

  @Test("other N are placed on the warm ramp by log N, clamped at the ends")
  func otherN() {
    #expect(PaperStyle.color(N: 0.1) == PaperStyle.color(N: 0.5))
    #expect(PaperStyle.color(N: 20) == PaperStyle.color(N: 7))
    // Halfway between 4B and 7B in log N: each channel halfway between theirs.
    let middle = PaperStyle.color(N: (4.0 * 7.0).squareRoot())
    #expect(middle.red == (0xd7 + 0x7f) / 2)
    #expect(middle.green == (0x30 + 0x0a) / 2)
    // Green falls monotonically along the ramp from 1.8B to 7B.
    let greens = stride(from: 1.8, through: 7, by: 0.4).map { PaperStyle.color(N: $0).green }
    #expect(greens == greens.sorted(by: >))
  }

  @Test("marker shapes follow the authors' figure")
  func shapes() {
    #expect([0.5, 1.8, 4, 7, 14, 3].map(PaperStyle.marker(N:)) == [.circle, .triangleDown, .pentagon, .diamond, .square, .triangleUp])
    #expect(MarkerShape.circle.filled == 7 && MarkerShape.circle.open == 6)
  }

  @Test("marker size grows strictly with V across 1…576")
  func sizeByV() {
    let sizes = [1.0, 2, 4, 16, 36, 64, 144, 300, 576].map(PaperStyle.markerSize(V:))
    #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 < $1 })
    #expect(sizes.first == 1.0)
    #expect(sizes.last == 3.2)
  }

  @Test("legend values have 4 significant digits, sizes read like the paper")
  func text() {
    #expect(PaperStyle.legendValue(0.0709) == "0.0709")
    #expect(PaperStyle.legendValue(0.07712345) == "0.07712")
    #expect(PaperStyle.legendValue(0.015) == "0.015")
    #expect([0.5, 1.8, 4, 7, 14].map(PaperStyle.sizeLabel(N:)) == ["0.5B", "1.8B", "4B", "7B", "14B"])
  }

  @Test("canvases are one panel wide per panel")
  func canvases() {
    #expect(PaperStyle.twoPanel.width == 2 * PaperStyle.onePanel.width)
    #expect(PaperStyle.twoPanel.height == PaperStyle.onePanel.height)
    #expect(PaperStyle.onePanel.font == "DejaVu Sans")
  }
}
