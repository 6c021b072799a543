-- name: entrants
-- description: One row per canonical entrant: its key (checks.entrantKey), its counting entry (the earliest by the server's arrival time, ties by entryId), when that arrived, how many entries the entrant made, and the counting entry's marketing consent.
SELECT
  entrant_key,
  entryId AS counting_entry_id,
  arrivedAt AS arrived_at,
  entry_count,
  coalesce(consent.marketing, false) AS marketing_opt_in
FROM (
  SELECT *, count(*) OVER (PARTITION BY entrant_key) AS entry_count
  FROM entries_unique
)
WHERE entrant_entry
ORDER BY entrant_key
