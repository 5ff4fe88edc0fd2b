INSERT INTO latest (dataset_id, record_id, seq, hash) VALUES (@dataset_id, @record_id, @seq, @hash)
ON CONFLICT (dataset_id, record_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash;
