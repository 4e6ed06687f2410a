import Foundation
import ResultsStore
import Testing

/// Same seed files → same database.
@Suite struct DeterminismTests {
  @Test func buildingTwiceGivesIdenticalContentAndBytes() throws {
    let first = try Scratch()
    let second = try Scratch()
    try first.rebuild()
    try second.rebuild()
    let a = try first.open()
    let b = try second.open()
    let selections: [DataSelection] = [
      .results(suite: .visualReasoning), .results(suite: .ocr), .table1, .dataIssues(suite: .ocr),
      .dataIssues(suite: nil), .sources,
    ]
    for selection in selections {
      #expect(try a.canonicalDump(selection) == b.canonicalDump(selection), "\(selection)")
    }
    for table in try a.tables() {
      #expect(try a.export(table: table.name, format: .json) == b.export(table: table.name, format: .json))
    }
    #expect(try Data(contentsOf: first.databaseURL) == Data(contentsOf: second.databaseURL))
  }

  @Test func rebuildingInPlaceKeepsTheBytes() throws {
    let scratch = try Scratch()
    try scratch.rebuild()
    let before = try Data(contentsOf: scratch.databaseURL)
    try scratch.rebuild()
    #expect(try Data(contentsOf: scratch.databaseURL) == before)
  }

  @Test func selectionIDsRoundTrip() throws {
    let selections: [DataSelection] = [
      .results(suite: .visualReasoning), .table1, .dataIssues(suite: .ocr), .dataIssues(suite: nil), .sources,
    ]
    #expect(selections.map(\.id) == ["results:visual-reasoning", "table1", "dataIssues:ocr", "dataIssues", "sources"])
    #expect(selections.map { DataSelection(id: $0.id) } == selections)
    #expect(DataSelection(id: "figures") == nil)
    let json = try JSONEncoder().encode(selections)
    #expect(String(decoding: json, as: UTF8.self)
      == #"["results:visual-reasoning","table1","dataIssues:ocr","dataIssues","sources"]"#)
    #expect(try JSONDecoder().decode([DataSelection].self, from: json) == selections)
  }
}
