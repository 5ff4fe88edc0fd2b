UPDATE intents SET state = @state, resolved_at = @now, record_id = @record_id, error = @error
WHERE id = @id AND state = 'pending';
