import GRDB

/// The database schema, as GRDB migrations written in SQL.
///
/// Migrations talk only to the database, in its own language, and are never edited once shipped:
/// a schema change is a new migration appended below. The constraints carry the data rules
/// (positive token counts, values inside their suite's range, one value per configuration), so
/// the builder cannot store a row the paper's data could not contain. Comments inside the
/// statements are stored by SQLite and show up in `sqlite3 results.sqlite .schema`.
enum Schema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-paper-results") { db in
      try db.execute(sql: """
        CREATE TABLE source (
          id INTEGER PRIMARY KEY,
          key TEXT NOT NULL UNIQUE,        -- seed file path inside paper-artifacts/
          repository TEXT,                 -- GitHub owner/name the numbers were read from
          commitHash TEXT,                 -- commit of that repository, when known
          file TEXT,                       -- file inside that repository
          note TEXT NOT NULL               -- the rest of the seed file header, verbatim
        );

        CREATE TABLE model (
          id INTEGER PRIMARY KEY,
          family TEXT NOT NULL,            -- LLM family: Qwen-1.5, Vicuna-1.5
          paramsBillion REAL NOT NULL CHECK (paramsBillion > 0),  -- N
          UNIQUE (family, paramsBillion)
        );

        CREATE TABLE suite (
          id TEXT NOT NULL PRIMARY KEY,    -- visual-reasoning, ocr, or a Table 1 benchmark
          kind TEXT NOT NULL CHECK (kind IN ('average', 'benchmark')),
          metric TEXT NOT NULL,            -- avg_accuracy, accuracy_percent, score
          maxValue REAL NOT NULL CHECK (maxValue > 0),  -- results lie in [0, maxValue]
          description TEXT NOT NULL,
          UNIQUE (id, metric)
        );

        CREATE TABLE compressionMethod (
          id TEXT NOT NULL PRIMARY KEY,    -- TokenPacker, QueCC, ..., none = uncompressed
          description TEXT NOT NULL
        );

        CREATE TABLE result (
          id INTEGER PRIMARY KEY,
          suiteId TEXT NOT NULL REFERENCES suite(id),
          modelId INTEGER NOT NULL REFERENCES model(id),
          compressionMethodId TEXT NOT NULL REFERENCES compressionMethod(id),
          visualTokens INTEGER NOT NULL CHECK (typeof(visualTokens) = 'integer' AND visualTokens > 0),  -- V
          metric TEXT NOT NULL,            -- must be the suite's metric (foreign key below)
          value REAL NOT NULL CHECK (typeof(value) = 'real' AND value >= 0),
          sourceId INTEGER NOT NULL REFERENCES source(id),
          note TEXT,
          UNIQUE (suiteId, modelId, compressionMethodId, visualTokens, metric),
          FOREIGN KEY (suiteId, metric) REFERENCES suite(id, metric)
        );
        CREATE INDEX result_modelId ON result(modelId);
        CREATE INDEX result_compressionMethodId ON result(compressionMethodId);
        CREATE INDEX result_sourceId ON result(sourceId);

        -- A CHECK constraint cannot read another table: the upper bound comes from the suite.
        CREATE TRIGGER result_value_within_suite_range_on_insert BEFORE INSERT ON result
        WHEN NEW.value > (SELECT maxValue FROM suite WHERE id = NEW.suiteId)
        BEGIN SELECT RAISE(ABORT, 'result.value is above its suite''s maxValue'); END;
        CREATE TRIGGER result_value_within_suite_range_on_update BEFORE UPDATE ON result
        WHEN NEW.value > (SELECT maxValue FROM suite WHERE id = NEW.suiteId)
        BEGIN SELECT RAISE(ABORT, 'result.value is above its suite''s maxValue'); END;

        CREATE TABLE dataIssue (
          id INTEGER PRIMARY KEY,
          suiteId TEXT NOT NULL REFERENCES suite(id),
          sourceId INTEGER NOT NULL REFERENCES source(id),
          paramsBillion REAL CHECK (paramsBillion > 0),   -- N the issue is about, if it names one
          visualTokens INTEGER CHECK (visualTokens > 0),  -- V the issue is about, if it names one
          description TEXT NOT NULL        -- verbatim from the seed file header
        );
        CREATE INDEX dataIssue_suiteId ON dataIssue(suiteId);
        CREATE INDEX dataIssue_sourceId ON dataIssue(sourceId);

        CREATE TABLE meta (
          key TEXT NOT NULL PRIMARY KEY,   -- seedDigest, seed:<file>
          value TEXT NOT NULL
        );
        """)
    }
    // The miniature replication trains some configurations with several seeds: their result is
    // the mean, and this table keeps how many seeds and how far apart (seed noise, error bars).
    migrator.registerMigration("v2-seed-spread") { db in
      try db.execute(sql: """
        CREATE TABLE seedSpread (
          resultId INTEGER NOT NULL PRIMARY KEY REFERENCES result(id),
          seeds INTEGER NOT NULL CHECK (typeof(seeds) = 'integer' AND seeds >= 2),  -- the result is the mean of this many
          standardDeviation REAL NOT NULL CHECK (typeof(standardDeviation) = 'real' AND standardDeviation >= 0)  -- sample, in the value's units
        );
        """)
    }
    // The miniature replication's results keep which held-out questions each trained model
    // answered correctly, so fit intervals can bootstrap over questions and seeds.
    migrator.registerMigration("v3-held-out-answers") { db in
      try db.execute(sql: """
        CREATE TABLE heldOutAnswers (
          resultId INTEGER NOT NULL REFERENCES result(id),
          seedIndex INTEGER NOT NULL CHECK (typeof(seedIndex) = 'integer' AND seedIndex >= 0),  -- position among the result's averaged seeds
          questions INTEGER NOT NULL CHECK (typeof(questions) = 'integer' AND questions > 0),
          correct TEXT NOT NULL CHECK (length(correct) = 2 * ((questions + 7) / 8)),  -- hex bits: question i is bit i % 8 of byte i / 8
          PRIMARY KEY (resultId, seedIndex)
        );
        """)
    }
    return migrator
  }
}
