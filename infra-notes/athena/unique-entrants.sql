-- name: unique-entrants
-- description: Distinct entries (dedupe by entryId), then distinct entrants (dedupe by normalised e-mail; an entry without e-mail is its own entrant), and how many entries were repeats by the same entrant.
SELECT
  count(*) AS entries,
  count(DISTINCT entrant_key) AS unique_entrants,
  count(*) - count(DISTINCT entrant_key) AS repeat_entries
FROM entries_unique
