INSERT INTO conflicts (cluster_id, property,
                       winner_dataset_id, winner_record_id, winner_value, winner_changed_at,
                       loser_dataset_id, loser_record_id, loser_value, loser_changed_at, detected_at)
VALUES (@cluster_id, @property,
        @winner_dataset_id, @winner_record_id, @winner_value, @winner_changed_at,
        @loser_dataset_id, @loser_record_id, @loser_value, @loser_changed_at, @now)
RETURNING id;
