INSERT INTO activity (at, kind, cluster_id, dataset_id, record_id, message)
VALUES (@now, @kind, @cluster_id, @dataset_id, @record_id, @message)
RETURNING id;
