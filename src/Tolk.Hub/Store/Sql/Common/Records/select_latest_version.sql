SELECT v.seq, d.system, d.datatype, v.record_id, v.content, v.hash, v.deleted, v.modified_at, v.observed_at
FROM datasets d
JOIN latest l ON l.dataset_id = d.id
JOIN versions v ON v.seq = l.seq
WHERE d.system = @system AND d.datatype = @datatype AND l.record_id = @record_id;
