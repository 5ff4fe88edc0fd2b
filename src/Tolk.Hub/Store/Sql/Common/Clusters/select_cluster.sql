SELECT id, global_type, golden_record, created_at, updated_at FROM clusters WHERE id = @id;
