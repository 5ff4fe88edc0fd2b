SELECT m.cluster_id, d.system, d.datatype, m.record_id, m.role, m.joined_by, m.joined_at, m.synced_values
FROM members m
JOIN datasets d ON d.id = m.dataset_id
WHERE m.dataset_id = @dataset_id AND m.record_id = @record_id AND m.role = @role;
