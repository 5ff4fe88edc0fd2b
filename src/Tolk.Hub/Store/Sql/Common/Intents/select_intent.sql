SELECT i.id, i.cluster_id, d.system, d.datatype, i.role, i.payload, i.payload_hash, i.idempotency_key, i.state,
       i.created_at, i.resolved_at, i.record_id, i.error
FROM intents i
JOIN datasets d ON d.id = i.dataset_id
WHERE i.id = @id;
