SELECT a.id, a.at, a.kind, a.cluster_id, d.system, d.datatype, a.record_id, a.message
FROM activity a
JOIN datasets d ON d.id = a.dataset_id
WHERE a.id > @after_id
  AND (@system IS NULL OR (d.system = @system AND d.datatype = @datatype AND a.record_id = @record_id))
ORDER BY a.id DESC
LIMIT @limit;
