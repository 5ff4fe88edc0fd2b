-- Schema 3: the activity log, what the sync did and why, for people to read (the live feed, `tolk history`).

CREATE TABLE activity (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    cluster_id INTEGER,
    dataset_id INTEGER NOT NULL REFERENCES datasets (id),
    record_id TEXT NOT NULL,
    message TEXT NOT NULL
);

CREATE INDEX activity_by_record ON activity (dataset_id, record_id);
