-- name: likely-duplicates
-- description: For review before the draw: entrants with different keys who are probably one person — the same name and birth date, the same phone number, or the same name and postal code (names lower-cased and trimmed; postal codes upper-cased without spaces). One row per entrant of each group, numbered by group; the entrant key cannot prove these, so nothing is excluded automatically.
WITH counting AS (
  SELECT
    entryId,
    entrant_key,
    lower(trim(element_at(fields, 'name'))) AS name,
    trim(element_at(fields, 'birth-date')) AS birth_date,
    trim(element_at(fields, 'phone')) AS phone,
    upper(replace(trim(element_at(fields, 'postal-code')), ' ', '')) AS postal_code
  FROM entries_unique
  WHERE entrant_entry
),
signals AS (
  SELECT 'name+birth-date' AS signal, name || '|' || birth_date AS match_value, entrant_key, entryId
  FROM counting WHERE name <> '' AND birth_date <> ''
  UNION ALL
  SELECT 'phone' AS signal, phone AS match_value, entrant_key, entryId
  FROM counting WHERE phone <> ''
  UNION ALL
  SELECT 'name+postal-code' AS signal, name || '|' || postal_code AS match_value, entrant_key, entryId
  FROM counting WHERE name <> '' AND postal_code <> ''
),
grouped AS (
  SELECT *, count(*) OVER (PARTITION BY signal, match_value) AS entrants
  FROM signals
)
SELECT
  signal,
  dense_rank() OVER (ORDER BY signal, match_value) AS group_number,
  entrants,
  entrant_key,
  entryId AS entry_id
FROM grouped
WHERE entrants > 1
ORDER BY signal, group_number, entrant_key
