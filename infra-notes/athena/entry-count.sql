-- name: entry-count
-- description: Records delivered, distinct entries (by entryId) and duplicate deliveries, per campaign id. Add WHERE dt >= 'yyyy/MM/dd/HH' to scan only recent hours.
SELECT
  campaignId AS campaign_id,
  count(*) AS records_delivered,
  count(DISTINCT entryId) AS entries,
  count(*) - count(DISTINCT entryId) AS duplicate_deliveries
FROM entries
GROUP BY campaignId
ORDER BY campaign_id
