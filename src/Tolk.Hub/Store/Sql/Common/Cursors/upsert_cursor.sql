INSERT INTO cursors (key, value, format, revision, updated_at) VALUES (@key, @value, @format, 1, @now)
ON CONFLICT (key) DO UPDATE
SET value = excluded.value, format = excluded.format, revision = cursors.revision + 1, updated_at = excluded.updated_at
RETURNING revision;
