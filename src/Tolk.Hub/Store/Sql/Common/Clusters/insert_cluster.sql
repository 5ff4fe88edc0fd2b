INSERT INTO clusters (global_type, golden_record, created_at, updated_at)
VALUES (@global_type, @golden_record, @now, @now)
RETURNING id;
