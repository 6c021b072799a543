-- name: suspected-bots
-- description: Entries that look automated, for review before the draw: flagged by the SDK (meta.suspect), filled in under 3 seconds, or one of more than 3 entries with the same normalised e-mail.
WITH counted AS (
  SELECT entryId, submittedAt, meta, entrant_key, count(*) OVER (PARTITION BY entrant_key) AS entries_for_key
  FROM entries_unique
)
SELECT
  entryId AS entry_id,
  submittedAt AS submitted_at,
  entrant_key,
  entries_for_key,
  coalesce(meta.suspect, false) AS flagged_by_sdk,
  meta.fillMs AS fill_ms
FROM counted
WHERE coalesce(meta.suspect, false) OR meta.fillMs < 3000 OR entries_for_key > 3
ORDER BY entrant_key, submitted_at, entry_id
