-- name: winner-draw
-- description: Verifiable fair draw (commit, then reveal). Eligible: each entrant's draw_entry (entries_unique: the earliest entry by the server's arrival time among those that accepted the rules, are not flagged suspect and not under review) that arrived by closes_at + grace_minutes — the device's submittedAt plays no part. Each is ranked by SHA-256 of `<seed>:<entryId>` (hex), ties by entryId; position 1 wins, the next are alternates. The eligible set is committed (pnpm draw commit) before the seed exists; the same rules in TypeScript: infra-notes/src/draw/.
-- parameters: closes_at, grace_minutes, seed
WITH eligible AS (
  SELECT entryId
  FROM entries_unique
  WHERE draw_entry
    AND from_iso8601_timestamp(arrivedAt) <= from_iso8601_timestamp(?) + CAST(? AS integer) * INTERVAL '1' MINUTE
),
hashed AS (
  SELECT entryId, lower(to_hex(sha256(to_utf8(? || ':' || entryId)))) AS draw_hash
  FROM eligible
)
SELECT
  row_number() OVER (ORDER BY draw_hash, entryId) AS draw_position,
  entryId AS entry_id,
  draw_hash
FROM hashed
ORDER BY draw_position
