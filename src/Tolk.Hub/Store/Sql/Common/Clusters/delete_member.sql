DELETE FROM members WHERE dataset_id = @dataset_id AND record_id = @record_id AND role = @role;
