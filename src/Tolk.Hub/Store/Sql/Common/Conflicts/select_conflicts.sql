SELECT c.id, c.cluster_id, c.property,
       wd.system, wd.datatype, c.winner_record_id, c.winner_value, c.winner_changed_at,
       ld.system, ld.datatype, c.loser_record_id, c.loser_value, c.loser_changed_at,
       c.detected_at
FROM conflicts c
JOIN datasets wd ON wd.id = c.winner_dataset_id
JOIN datasets ld ON ld.id = c.loser_dataset_id
WHERE @cluster_id IS NULL OR c.cluster_id = @cluster_id
ORDER BY c.id DESC
LIMIT @limit;
