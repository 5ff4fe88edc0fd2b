SELECT hash FROM latest WHERE dataset_id = @dataset_id AND record_id = @record_id;
