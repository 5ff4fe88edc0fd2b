UPDATE clusters SET golden_record = @golden_record, updated_at = @now WHERE id = @id;
