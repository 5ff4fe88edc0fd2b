SELECT v.seq, d.system, d.datatype, v.record_id, v.content, v.hash, v.deleted, v.modified_at, v.observed_at
FROM versions v
JOIN datasets d ON d.id = v.dataset_id
WHERE v.seq > @after_seq
ORDER BY v.seq
LIMIT @limit;
