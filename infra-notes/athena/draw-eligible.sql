-- name: draw-eligible
-- description: The draw's eligible set, what `pnpm draw commit` commits to before the seed exists: each entrant's draw_entry (entries_unique) that arrived by closes_at + grace_minutes (server time), sorted by entryId. Same rule as winner-draw.
-- parameters: closes_at, grace_minutes
SELECT entryId AS entry_id, arrivedAt AS arrived_at
FROM entries_unique
WHERE draw_entry
  AND from_iso8601_timestamp(arrivedAt) <= from_iso8601_timestamp(?) + CAST(? AS integer) * INTERVAL '1' MINUTE
ORDER BY entry_id
