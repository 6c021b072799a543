-- name: opt-in-rate
-- description: Share of unique entrants (first entry per normalised e-mail) who ticked the marketing consent.
WITH first_entries AS (
  SELECT consent
  FROM (
    SELECT consent, row_number() OVER (PARTITION BY entrant_key ORDER BY submittedAt, entryId) AS entry_number
    FROM entries_unique
  )
  WHERE entry_number = 1
)
SELECT
  count(*) AS entrants,
  count_if(consent.marketing) AS marketing_opt_ins,
  round(100 * CAST(count_if(consent.marketing) AS double) / nullif(count(*), 0), 2) AS opt_in_percent
FROM first_entries
