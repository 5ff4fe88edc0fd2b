SELECT v.seq, d.system, d.datatype, v.record_id, v.content, v.hash, v.deleted, v.modified_at, v.observed_at
FROM datasets d
JOIN versions v ON v.dataset_id = d.id
WHERE d.system = @system AND d.datatype = @datatype AND v.record_id = @record_id
ORDER BY v.seq DESC
LIMIT @limit;
