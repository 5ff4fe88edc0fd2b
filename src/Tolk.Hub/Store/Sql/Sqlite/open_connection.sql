-- Per connection. NORMAL in WAL mode loses at most the last commits on power loss, never consistency.
PRAGMA synchronous = NORMAL;
PRAGMA busy_timeout = {busy_timeout_ms};
