-- name: suspected-bots
-- description: Entries that look automated, for review before the draw: flagged by the SDK (meta.suspect) or by the transform (checks.review: implausible device clock, outside the campaign window), filled in under 3 seconds, or one of more than 3 entries with the same normalised e-mail.
WITH counted AS (
  SELECT entryId, submittedAt, meta, checks, entrant_key, count(*) OVER (PARTITION BY entrant_key) AS entries_for_key
  FROM entries_unique
)
SELECT
  entryId AS entry_id,
  submittedAt AS submitted_at,
  entrant_key,
  entries_for_key,
  coalesce(meta.suspect, false) AS flagged_by_sdk,
  coalesce(checks.review, false) AS flagged_for_review,
  meta.fillMs AS fill_ms
FROM counted
WHERE coalesce(meta.suspect, false) OR coalesce(checks.review, false) OR meta.fillMs < 3000 OR entries_for_key > 3
ORDER BY entrant_key, submitted_at, entry_id
