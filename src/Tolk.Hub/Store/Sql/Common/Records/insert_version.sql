INSERT INTO versions (seq, dataset_id, record_id, content, hash, deleted, modified_at, observed_at)
VALUES (@seq, @dataset_id, @record_id, @content, @hash, @deleted, @modified_at, @observed_at);
