UPDATE members SET cluster_id = @survivor_id WHERE cluster_id = @absorbed_id;
UPDATE intents SET cluster_id = @survivor_id WHERE cluster_id = @absorbed_id;
UPDATE conflicts SET cluster_id = @survivor_id WHERE cluster_id = @absorbed_id;
UPDATE clusters SET updated_at = @now WHERE id = @survivor_id;
DELETE FROM clusters WHERE id = @absorbed_id;
