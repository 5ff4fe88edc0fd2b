-- Per dataset: records (latest versions), how many of them are deleted, versions in the log, and the last seq.
SELECT d.system, d.datatype,
       (SELECT COUNT(*) FROM latest l WHERE l.dataset_id = d.id) AS records,
       (SELECT COUNT(*) FROM latest l JOIN versions v ON v.seq = l.seq WHERE l.dataset_id = d.id AND v.deleted = 1) AS deleted,
       (SELECT COUNT(*) FROM versions v WHERE v.dataset_id = d.id) AS versions,
       (SELECT COALESCE(MAX(v.seq), 0) FROM versions v WHERE v.dataset_id = d.id) AS last_seq
FROM datasets d
ORDER BY d.system, d.datatype;
