UPDATE members SET synced_values = @synced_values
WHERE dataset_id = @dataset_id AND record_id = @record_id AND role = @role;
