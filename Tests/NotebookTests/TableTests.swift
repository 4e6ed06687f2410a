import Foundation
import Notebook
import ScalingLaw
import Testing

@Suite("Tables")
struct TableTests {
  @Test("CSV cells: whole numbers without a decimal point, others at full precision, text quoted when needed")
  func csvCells() {
    let table = CSVTable(columns: ["N", "note"], rows: [[7, "plain"], [.number(0.1 + 0.2), "has, comma"], [1e20, "say \"hi\""]])
    #expect(table.text == "N,note\n7,plain\n0.30000000000000004,\"has, comma\"\n1e+20,\"say \"\"hi\"\"\"\n")
  }

  @Test("the fit table holds FLOPs per Q, error, fit and residual")
  func fitTable() {
    let law = ScalingLaw(a: 0.5, alpha: 0.1, beta: 0.02, D: 0.05)
    let table = FitTable(observations: [Observation(N: 2, V: 16, Y: 0.5)], law: law, Q: [0, 50]).csv
    #expect(table.columns == ["N_billion", "V", "gflops_Q0", "gflops_Q50", "error", "fitted_error", "residual"])
    let fitted = law.error(N: 2, T: 16)
    #expect(table.rows == [[2, 16, 64, 264, .number(0.5), .number(fitted), .number(0.5 - fitted)]])
  }
}
