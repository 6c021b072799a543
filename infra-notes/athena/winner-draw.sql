-- name: winner-draw
-- description: Verifiable fair draw. Eligible: one entry per entrant (the first by submittedAt) among entries that accepted the rules, are not flagged suspect by the SDK and are not flagged for review by the transform (checks.review). Each is ranked by SHA-256 of `<seed>:<entryId>` (hex), ties by entryId; position 1 wins, the next are alternates. The seed (execution parameter 1) is published after entries close, so anyone holding the list of eligible entry ids can recompute the order (infra-notes/src/models/fair-draw.ts).
-- parameters: seed
WITH eligible AS (
  SELECT entryId, submittedAt, entrant_key
  FROM entries_unique
  WHERE consent.rules = true AND coalesce(meta.suspect, false) = false AND coalesce(checks.review, false) = false
),
first_entries AS (
  SELECT entryId
  FROM (
    SELECT entryId, row_number() OVER (PARTITION BY entrant_key ORDER BY submittedAt, entryId) AS entry_number
    FROM eligible
  )
  WHERE entry_number = 1
),
hashed AS (
  SELECT entryId, lower(to_hex(sha256(to_utf8(? || ':' || entryId)))) AS draw_hash
  FROM first_entries
)
SELECT
  row_number() OVER (ORDER BY draw_hash, entryId) AS draw_position,
  entryId AS entry_id,
  draw_hash
FROM hashed
ORDER BY draw_position
