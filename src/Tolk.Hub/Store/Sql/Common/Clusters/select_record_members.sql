SELECT m.cluster_id, d.system, d.datatype, m.record_id, m.role, m.joined_by, m.joined_at, m.synced_values
FROM datasets d
JOIN members m ON m.dataset_id = d.id
WHERE d.system = @system AND d.datatype = @datatype AND m.record_id = @record_id
ORDER BY m.role;
