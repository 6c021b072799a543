-- name: dashboard-entrants
-- description: The QuickSight dataset: one row per unique entry with its time, minute, a hashed entrant key (no e-mail leaves Athena), marketing opt-in, postal region and suspect flag.
SELECT
  entryId AS entry_id,
  CAST(replace(substr(submittedAt, 1, 19), 'T', ' ') AS timestamp) AS submitted_at,
  substr(submittedAt, 1, 16) AS minute_utc,
  lower(to_hex(sha256(to_utf8(entrant_key)))) AS entrant_hash,
  coalesce(consent.marketing, false) AS marketing_opt_in,
  coalesce(nullif(upper(substr(trim(element_at(fields, 'postal-code')), 1, 3)), ''), 'unknown') AS postal_region,
  coalesce(meta.suspect, false) AS suspect
FROM entries_unique
