SELECT m.cluster_id, d.system, d.datatype, m.record_id, m.role, m.joined_by, m.joined_at, m.synced_values
FROM members m
JOIN datasets d ON d.id = m.dataset_id
WHERE m.cluster_id = @cluster_id
ORDER BY d.system, d.datatype, m.record_id, m.role;
