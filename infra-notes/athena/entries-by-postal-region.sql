-- name: entries-by-postal-region
-- description: Unique entries by postal region: the first three characters of the postal code (a US ZIP code's sectional center), upper-cased; 'unknown' when the campaign did not ask for it.
SELECT
  coalesce(nullif(upper(substr(trim(element_at(fields, 'postal-code')), 1, 3)), ''), 'unknown') AS postal_region,
  count(*) AS entries
FROM entries_unique
GROUP BY 1
ORDER BY entries DESC, postal_region
