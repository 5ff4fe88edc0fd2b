-- Schema 2: clusters and their members (the links), write intents, the conflict log and the error quarantine.

CREATE TABLE clusters (
    id INTEGER PRIMARY KEY,
    global_type TEXT NOT NULL,
    golden_record TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- A record may play two roles (an Asana task is a task and, for one flow, a project), so the role is part of the key.
CREATE TABLE members (
    dataset_id INTEGER NOT NULL REFERENCES datasets (id),
    record_id TEXT NOT NULL,
    role TEXT NOT NULL,
    cluster_id INTEGER NOT NULL REFERENCES clusters (id),
    joined_by TEXT NOT NULL CHECK (joined_by IN ('match', 'insert', 'manual')),
    joined_at TEXT NOT NULL,
    synced_values TEXT,
    PRIMARY KEY (dataset_id, record_id, role)
);

-- A flow's links join members of one cluster in two datasets.
CREATE INDEX members_by_cluster ON members (cluster_id, dataset_id);

CREATE TABLE intents (
    id INTEGER PRIMARY KEY,
    cluster_id INTEGER NOT NULL REFERENCES clusters (id),
    dataset_id INTEGER NOT NULL REFERENCES datasets (id),
    role TEXT NOT NULL,
    payload TEXT NOT NULL,
    payload_hash TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    record_id TEXT,
    error TEXT
);

-- Recovery reads the pending ones at every start; done ones pile up.
CREATE INDEX intents_pending ON intents (id) WHERE state = 'pending';

CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY,
    cluster_id INTEGER NOT NULL REFERENCES clusters (id),
    property TEXT NOT NULL,
    winner_dataset_id INTEGER NOT NULL REFERENCES datasets (id),
    winner_record_id TEXT NOT NULL,
    winner_value TEXT NOT NULL,
    winner_changed_at TEXT NOT NULL,
    loser_dataset_id INTEGER NOT NULL REFERENCES datasets (id),
    loser_record_id TEXT NOT NULL,
    loser_value TEXT NOT NULL,
    loser_changed_at TEXT NOT NULL,
    detected_at TEXT NOT NULL
);

CREATE INDEX conflicts_by_cluster ON conflicts (cluster_id, id);

CREATE TABLE errors (
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets (id),
    record_id TEXT NOT NULL,
    stage TEXT NOT NULL,
    field TEXT,
    message TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    resolved_at TEXT
);

-- One unresolved row per (dataset, record, stage): seeing the same problem again updates it.
CREATE UNIQUE INDEX errors_unresolved ON errors (dataset_id, record_id, stage) WHERE resolved_at IS NULL;

CREATE INDEX errors_by_last_seen ON errors (last_seen);
