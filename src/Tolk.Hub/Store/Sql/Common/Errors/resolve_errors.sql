UPDATE errors SET resolved_at = @now
WHERE dataset_id = @dataset_id AND record_id = @record_id AND resolved_at IS NULL
  AND (@stage IS NULL OR stage = @stage);
