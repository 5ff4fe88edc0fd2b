INSERT INTO intents (cluster_id, dataset_id, role, payload, payload_hash, idempotency_key, state, created_at)
VALUES (@cluster_id, @dataset_id, @role, @payload, @payload_hash, @idempotency_key, 'pending', @now)
RETURNING id;
