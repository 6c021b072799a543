-- name: entries-per-minute
-- description: Unique entries and marketing opt-ins per minute of submission (UTC, device clock: submittedAt), for the live rate during the broadcast.
SELECT
  substr(submittedAt, 1, 16) AS minute_utc,
  count(*) AS entries,
  count_if(consent.marketing) AS marketing_opt_ins
FROM entries_unique
GROUP BY substr(submittedAt, 1, 16)
ORDER BY minute_utc
