SELECT a.cluster_id,
       a.record_id, a.role, a.joined_by, a.joined_at, a.synced_values,
       b.record_id, b.role, b.joined_by, b.joined_at, b.synced_values
FROM members a
JOIN members b ON b.cluster_id = a.cluster_id
WHERE a.dataset_id = (SELECT id FROM datasets WHERE system = @source_system AND datatype = @source_datatype)
  AND b.dataset_id = (SELECT id FROM datasets WHERE system = @target_system AND datatype = @target_datatype)
  AND NOT (a.dataset_id = b.dataset_id AND a.record_id = b.record_id AND a.role = b.role)
ORDER BY a.cluster_id, a.record_id, a.role, b.record_id, b.role;
