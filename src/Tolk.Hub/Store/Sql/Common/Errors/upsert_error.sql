INSERT INTO errors (dataset_id, record_id, stage, field, message, first_seen, last_seen, attempts)
VALUES (@dataset_id, @record_id, @stage, @field, @message, @now, @now, 1)
ON CONFLICT (dataset_id, record_id, stage) WHERE resolved_at IS NULL
DO UPDATE SET field = excluded.field, message = excluded.message, last_seen = excluded.last_seen,
              attempts = errors.attempts + 1
RETURNING id, first_seen, last_seen, attempts;
