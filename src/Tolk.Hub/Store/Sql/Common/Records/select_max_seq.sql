SELECT COALESCE(MAX(seq), 0) FROM versions;
