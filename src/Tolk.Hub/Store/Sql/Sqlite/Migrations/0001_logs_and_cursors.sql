-- Schema 1: the per-dataset logs of record versions, the index of each record's latest version, and cursors.

-- Datasets get small integer ids so that the log's indexes stay narrow.
CREATE TABLE datasets (
    id INTEGER PRIMARY KEY,
    system TEXT NOT NULL,
    datatype TEXT NOT NULL,
    UNIQUE (system, datatype)
);

-- seq is the rowid. Versions are never deleted and seq is allocated as max(seq) + 1 under the write lock, so it only
-- grows, without AUTOINCREMENT's extra write per row. No foreign key on dataset_id: the store resolves it itself and
-- the check would cost a lookup on the hottest insert.
CREATE TABLE versions (
    seq INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    content TEXT NOT NULL,
    hash BLOB NOT NULL,
    deleted INTEGER NOT NULL,
    modified_at TEXT,
    observed_at TEXT NOT NULL
);

-- Readers follow one dataset's log from a seq.
CREATE INDEX versions_by_dataset ON versions (dataset_id, seq);

-- The latest version of each record: found by id, and compared by hash to skip unchanged records.
CREATE TABLE latest (
    dataset_id INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (dataset_id, record_id)
) WITHOUT ROWID;

CREATE TABLE cursors (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    format INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
