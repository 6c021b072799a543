-- name: opt-in-rate
-- description: Share of unique entrants who ticked the marketing consent, read from each entrant's counting entry (the earliest by the server's arrival time), so a later, backdated entry in someone's name cannot change their answer.
SELECT
  count(*) AS entrants,
  count_if(consent.marketing) AS marketing_opt_ins,
  round(100 * CAST(count_if(consent.marketing) AS double) / nullif(count(*), 0), 2) AS opt_in_percent
FROM entries_unique
WHERE entrant_entry
