-- name: entries-unique-view
-- description: Creates the view entries_unique: one row per entryId (the first copy delivered; Firehose delivery is at-least-once) plus entrant_key, the normalised e-mail (lower-case, trimmed, +tag removed) or `entry:<entryId>` when there is none. Run once after deploy; the other queries read it.
CREATE OR REPLACE VIEW entries_unique AS
WITH first_copies AS (
  SELECT "schema", entryId, campaignId, submittedAt, fields, consent, meta, arrivedAt, checks, dt
  FROM (
    SELECT *, row_number() OVER (PARTITION BY entryId ORDER BY dt, submittedAt) AS copy_number
    FROM entries
    WHERE entryId IS NOT NULL
  )
  WHERE copy_number = 1
),
emails AS (
  SELECT *, lower(trim(element_at(fields, 'email'))) AS email
  FROM first_copies
)
SELECT
  "schema", entryId, campaignId, submittedAt, fields, consent, meta, arrivedAt, checks, dt,
  coalesce(
    CASE
      WHEN strpos(email, '@') > 0
      THEN split_part(split_part(email, '@', 1), '+', 1) || '@' || split_part(email, '@', 2)
    END,
    'entry:' || entryId
  ) AS entrant_key
FROM emails
