SELECT e.id, d.system, d.datatype, e.record_id, e.stage, e.field, e.message,
       e.first_seen, e.last_seen, e.attempts, e.resolved_at
FROM errors e
JOIN datasets d ON d.id = e.dataset_id
WHERE @include_resolved OR e.resolved_at IS NULL
ORDER BY e.last_seen DESC, e.id DESC
LIMIT @limit;
