import Foundation
import ResultsStore
import Testing

/// Tables can be listed, exported and described for readers without Swift.
@Suite struct ExportTests {
  let database: ResultsDatabase

  init() throws {
    database = try ResultsDatabase.openReadOnly(try projectLayout())
  }

  @Test func modelTableAsCSV() throws {
    // The paper's models; the miniature replication's follow them.
    #expect(try database.export(table: "model", format: .csv).hasPrefix("""
      id,family,paramsBillion
      1,Qwen-1.5,0.5
      2,Qwen-1.5,1.8
      3,Qwen-1.5,4.0
      4,Qwen-1.5,7.0
      5,Vicuna-1.5,7.0
      6,mini-VLM,

      """.dropLast()))
  }

  @Test func suiteTableAsJSON() throws {
    let json = try database.export(table: "suite", format: .json)
    let lines = json.split(separator: "\n")
    #expect(lines.count == 2 + 10 + 5, "the paper's 10 suites and the miniature replication's five")
    #expect(lines[1].hasPrefix(#"  {"id": "GQA", "kind": "benchmark", "metric": "accuracy_percent", "maxValue": 100.0, "#))
    #expect(lines.contains { $0.hasPrefix(#"  {"id": "visual-reasoning", "kind": "average", "metric": "avg_accuracy", "maxValue": 1.0, "#) })
    let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
    #expect(decoded?.count == 15)
    #expect(decoded?.first { $0["id"] as? String == "MME" }?["maxValue"] as? Double == 2000)
  }

  @Test func csvQuotesMultilineNotes() throws {
    let csv = try database.export(table: "source", format: .csv)
    #expect(csv.hasPrefix("""
      id,key,repository,commitHash,file,note
      1,ocr_avg_accuracy.csv,locuslab/llava-token-compression,bdedebd,scaling_law_code/values.py,"Average accuracy over
      """))
    #expect(csv.contains("\"\"~32\"\"."))  // quotes doubled inside a quoted cell
  }

  @Test func unknownTableListsTheTables() throws {
    #expect(throws: ResultsStoreError.unknownTable(
      name: "results",
      available: ["source", "model", "suite", "compressionMethod", "result", "dataIssue", "meta", "seedSpread", "heldOutAnswers"])) {
      try database.export(table: "results", format: .csv)
    }
  }

  @Test func schemaDescriptionIsTheSQL() throws {
    let schema = try database.schemaDescription()
    #expect(schema.hasPrefix("-- results.sqlite schema, migrations: v1-paper-results, v2-seed-spread, v3-held-out-answers\n\nCREATE TABLE source ("))
    #expect(schema.contains("CREATE TABLE seedSpread ("))
    #expect(schema.contains("CREATE TABLE heldOutAnswers ("))
    #expect(schema.contains("FOREIGN KEY (suiteId, metric) REFERENCES suite(id, metric)"))
    #expect(schema.contains("CREATE TRIGGER result_value_within_suite_range_on_insert"))
    #expect(!schema.contains("grdb_migrations"))
  }
}

/// Writes `paper-artifacts/results.sqlite` from the seed files. Off by default so that the test
/// suite never modifies the project; run it with
/// `RESULTS_STORE_WRITE_DATABASE=1 swift test --filter writeShippedDatabase`.
@Test(.enabled(if: ProcessInfo.processInfo.environment["RESULTS_STORE_WRITE_DATABASE"] == "1"))
func writeShippedDatabase() throws {
  let layout = try projectLayout()
  try ResultsDatabase.rebuild(seedDirectory: layout.seedDirectory, database: layout.databaseURL)
  #expect(try ResultsDatabase.openReadOnly(layout).tables().count == 7)
}
