import Testing
import ResultValues

/// The one rounding rule of every number printed for reading.
@Suite("DisplayNumber")
struct DisplayNumberTests {
  @Test("four significant digits, trailing zeros dropped, the same for percentages and intervals")
  func rounded() {
    #expect(DisplayNumber.text(0.07093746338226127) == "0.07094")
    #expect(DisplayNumber.text(13.523225276068947) == "13.52")
    #expect(DisplayNumber.text(576) == "576")
    #expect(DisplayNumber.text(0) == "0")
    #expect(DisplayNumber.text(-0.0) == "0")
    #expect(DisplayNumber.text(3.2487071426178048e-16) == "3.249e-16")
    #expect(DisplayNumber.percent(0.009721712) == "0.9722 %")
    #expect(DisplayNumber.percent(0.99) == "99 %")
    #expect(DisplayNumber.interval(0.0690012, 0.0742644) == "[0.069, 0.07426]")
    #expect(DisplayNumber.text(.nan) == "NaN")
  }

  @Test("--full-precision prints digits that read back to the same Double, and only where it is set")
  func full() {
    let x = 0.07093746338226127
    DisplayNumber.$precision.withValue(.full) {
      #expect(Double(DisplayNumber.text(x)) == x)
      #expect(DisplayNumber.text(x) == "0.07093746338226127")
      #expect(DisplayNumber.text(0) == "0")
    }
    #expect(DisplayNumber.text(x) == "0.07094")
  }
}
