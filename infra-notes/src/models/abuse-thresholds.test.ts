// The template's defaults are the numbers the thresholds model computes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadTemplate } from '../template/template.js';
import {
  floodRecordsPerSecondPerStream,
  plannedRecordsPerSecondPerStream,
  planWafRateLimit,
} from './abuse-thresholds.js';
import { PLANNING } from './capacity-plan.js';

const defaults = loadTemplate().Parameters ?? {};

describe('abuse thresholds', () => {
  test('a 1,000-subscriber NAT address sends about 4,500 requests in the peak 5 minutes; the limit doubles it', () => {
    const sizing = planWafRateLimit();
    assert.equal(sizing.requestsPer5Min, 4_500);
    assert.equal(sizing.limitPer5Min, 9_000);
    assert.equal(Number(defaults.WafRateLimitPer5Min?.Default), sizing.limitPer5Min);
  });

  test('the old 3,000 limit would block such an address after 500 page loads, before its peak', () => {
    assert.ok(3_000 / 6 < planWafRateLimit().pageLoadsPer5Min);
  });

  test('the flood threshold is five times a stream’s whole request quota of genuine records', () => {
    assert.equal(floodRecordsPerSecondPerStream(), 10_000);
    assert.equal(Number(defaults.FloodRecordsPerSecondPerStream?.Default), floodRecordsPerSecondPerStream());
    const planned = plannedRecordsPerSecondPerStream(PLANNING.requestsPerEntry, PLANNING.targetUtilisation);
    assert.ok(floodRecordsPerSecondPerStream() > 8 * planned, `${planned} records/s planned`);
  });
});
