import Testing
import ResultValues
import ScalingLaw

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
      #expect(DisplayNumber.text(4) == "4")
      #expect(DisplayNumber.text(3.2487071426178048e-16) == "3.2487071426178048e-16")
    }
    #expect(DisplayNumber.text(x) == "0.07094")
  }
}

/// Issue 14, item 6: the naive baseline a hold-out is shown beside.
@Suite("NaiveBaseline")
struct NaiveBaselineTests {
  @Test("the worst relative error of 'the predicted size errs as the fitted one', over the V both measured")
  func baseline() throws {
    let observations = [
      Observation(N: 4, V: 1, Y: 0.50), Observation(N: 4, V: 16, Y: 0.40), Observation(N: 4, V: 576, Y: 0.30),
      Observation(N: 7, V: 1, Y: 0.45), Observation(N: 7, V: 16, Y: 0.40), Observation(N: 7, V: 64, Y: 0.2),
    ]
    let naive = try #require(NaiveBaseline(observations: observations, fromN: 4, predictedN: 7))
    #expect(naive.points == 2)
    #expect(naive.maxRelativeErrorAtV == 1)
    #expect(abs(naive.maxRelativeError - 0.05 / 0.45) < 1e-15)
    #expect(NaiveBaseline(observations: observations, fromN: 4, predictedN: 14) == nil)
  }
}
