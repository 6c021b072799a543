-- name: entries-unique-view
-- description: Creates the view entries_unique: one row per entryId (the first copy to arrive; Firehose delivery is at-least-once) plus entrant_key (the canonical key the transform wrote in checks.entrantKey, or `entry:<entryId>` without one), entrant_entry (true on each entrant's counting entry: the earliest by the server's arrival time, ties by entryId) and draw_entry (true on each entrant's earliest-arriving entry that can be drawn: rules accepted, not suspect, not under review). Run once after deploy; the other queries read it.
CREATE OR REPLACE VIEW entries_unique AS
WITH first_copies AS (
  SELECT "schema", entryId, campaignId, submittedAt, fields, consent, meta, arrivedAt, checks, dt
  FROM (
    SELECT *, row_number() OVER (PARTITION BY entryId ORDER BY arrivedAt NULLS LAST, dt, submittedAt) AS copy_number
    FROM entries
    WHERE entryId IS NOT NULL
  )
  WHERE copy_number = 1
),
keyed AS (
  SELECT
    *,
    coalesce(checks.entrantKey, 'entry:' || entryId) AS entrant_key,
    coalesce(consent.rules, false) AND NOT coalesce(meta.suspect, false) AND NOT coalesce(checks.review, false)
      AND arrivedAt IS NOT NULL AS drawable
  FROM first_copies
)
SELECT
  "schema", entryId, campaignId, submittedAt, fields, consent, meta, arrivedAt, checks, dt, entrant_key,
  row_number() OVER (PARTITION BY entrant_key ORDER BY arrivedAt NULLS LAST, submittedAt, entryId) = 1 AS entrant_entry,
  drawable AND row_number() OVER (PARTITION BY entrant_key, drawable ORDER BY arrivedAt, entryId) = 1 AS draw_entry
FROM keyed
