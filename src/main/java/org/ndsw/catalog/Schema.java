package org.ndsw.catalog;

import java.util.List;

/**
 * The catalogue schema as an ordered list of migrations; the file's `PRAGMA user_version` is the last one applied.
 *
 * <p>Runs are found by sweep through the UNIQUE (sweep_id, seq) index and by model through runs_by_model; filters
 * and sorts on errors and complexity scan the sweep's runs, which stays far below 200 ms at 10^5 runs (`ndsw bench
 * catalog`) while keeping imports fast. Never edit a released step: add a new one. src/test/resources/org/ndsw/catalog/catalog-v1.db is a file written
 * by version 1, and a test opens and migrates a copy of it.
 */
public final class Schema {
    /** `PRAGMA application_id` of catalogue files: "NDSW" in ASCII. */
    public static final int APPLICATION_ID = 0x4E445357;

    /** Version 1: sweeps, models (one per distinct net), runs (one per training of a model in a sweep), run data. */
    static final Migration V1 = new Migration(1, "sweeps, models, runs and run data", List.of(
            """
            CREATE TABLE sweeps (
              id            INTEGER PRIMARY KEY,
              name          TEXT NOT NULL UNIQUE,
              space         TEXT NOT NULL,
              dataset       TEXT NOT NULL,
              source_kind   TEXT NOT NULL,
              source        TEXT NOT NULL,
              source_name   TEXT,
              source_sha256 TEXT,
              source_group  TEXT,
              recipe        TEXT,
              verification  TEXT,
              provenance    TEXT,
              created       TEXT NOT NULL
            )""",
            "CREATE INDEX sweeps_by_source_name ON sweeps(source_name)",
            """
            CREATE TABLE models (
              id         INTEGER PRIMARY KEY,
              hash       TEXT NOT NULL UNIQUE,
              family     TEXT NOT NULL,
              net        TEXT NOT NULL,
              net_b      BLOB NOT NULL,
              flops      INTEGER NOT NULL,
              params     INTEGER NOT NULL,
              acts       INTEGER NOT NULL,
              block_type TEXT,
              ops_normal TEXT,
              ops_reduce TEXT
            )""",
            """
            CREATE TABLE runs (
              id            INTEGER PRIMARY KEY,
              sweep_id      INTEGER NOT NULL REFERENCES sweeps(id) ON DELETE CASCADE,
              model_id      INTEGER NOT NULL REFERENCES models(id),
              seq           INTEGER NOT NULL,
              seed          INTEGER,
              status        TEXT NOT NULL,
              error         REAL,
              final_error   REAL,
              epochs        INTEGER,
              flops         INTEGER,
              params        INTEGER,
              base_lr       REAL,
              wd            REAL,
              max_ep        INTEGER,
              engine        TEXT,
              host          TEXT,
              started       TEXT,
              finished      TEXT,
              train_seconds REAL,
              provenance    TEXT,
              UNIQUE (sweep_id, seq)
            )""",
            "CREATE INDEX runs_by_model ON runs(model_id)",
            """
            CREATE TABLE run_data (
              run_id        INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
              optim         TEXT,
              test_ep_top1  BLOB,
              train_ep_top1 BLOB,
              train_ep_loss BLOB,
              test_ep_loss  BLOB,
              train_it_loss BLOB,
              train_it_top1 BLOB,
              extra         TEXT
            )"""));

    /**
     * Version 2: sweeps ndsw trains itself. A sweep can be asked to stop; a run gets its identity within the sweep
     * (`run_key`, "model hash/seed", unique per sweep, null for imported runs), the claim of the process training it
     * (owner token, host, pid, heartbeat in ms since 1970), the number of attempts, the failure reason with the tail
     * of its log, and the folder of its checkpoints.
     */
    static final Migration V2 = new Migration(2, "sweep scheduling: stop requests, run identity, claims, failures",
            List.of("ALTER TABLE sweeps ADD COLUMN stop_requested INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE runs ADD COLUMN run_key TEXT",
                    "ALTER TABLE runs ADD COLUMN owner TEXT",
                    "ALTER TABLE runs ADD COLUMN owner_host TEXT",
                    "ALTER TABLE runs ADD COLUMN owner_pid INTEGER",
                    "ALTER TABLE runs ADD COLUMN heartbeat INTEGER",
                    "ALTER TABLE runs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE runs ADD COLUMN failure TEXT",
                    "ALTER TABLE runs ADD COLUMN log_tail TEXT",
                    "ALTER TABLE runs ADD COLUMN checkpoint_dir TEXT",
                    "CREATE UNIQUE INDEX runs_by_key ON runs(sweep_id, run_key)",
                    "CREATE INDEX runs_by_status ON runs(sweep_id, status)"));

    /** Every step, oldest first. */
    public static final List<Migration> MIGRATIONS = List.of(V1, V2);

    private Schema() {}

    /** The version this build writes. */
    public static int latest() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }
}
