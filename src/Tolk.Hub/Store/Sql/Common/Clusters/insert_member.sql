INSERT INTO members (dataset_id, record_id, role, cluster_id, joined_by, joined_at)
VALUES (@dataset_id, @record_id, @role, @cluster_id, @joined_by, @now)
ON CONFLICT (dataset_id, record_id, role) DO NOTHING;
