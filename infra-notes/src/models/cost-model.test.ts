import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COST_LINES, estimateCost, PRICES } from './cost-model.js';

describe('estimateCost', () => {
  test('bills each Firehose record as 5 KB, however small', () => {
    const million = estimateCost(1_000_000);
    assert.equal(million.lines.Firehose, ((1_000_000 * 5_120) / 1e9) * PRICES.firehosePerGB);
  });

  test('totals its lines, and every line grows (or stays) with the volume', () => {
    const small = estimateCost(100_000);
    const large = estimateCost(100_000_000);
    assert.ok(Math.abs(small.total - COST_LINES.reduce((sum, line) => sum + small.lines[line], 0)) < 1e-9);
    for (const line of COST_LINES) assert.ok(large.lines[line] >= small.lines[line], line);
  });

  test('is dominated by serving the page, not by storing the entries', () => {
    const { lines } = estimateCost(10_000_000);
    assert.ok(lines.CloudFront > lines.Firehose + lines['S3 (requests, storage, Glacier)'] + lines.Athena);
  });
});
