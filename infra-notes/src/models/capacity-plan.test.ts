import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadTemplate } from '../template/template.js';
import { credentialBacklog, DEFAULT_QUOTAS, planCapacity, planTransform } from './capacity-plan.js';

describe('planCapacity', () => {
  test('needs about 25 streams at 50,000 entrants/s on the request quota alone (DESIGN.md), more with headroom', () => {
    const row = planCapacity(50_000);
    assert.equal(row.minimumStreams, 25);
    assert.ok(row.plannedStreams > 25 && row.plannedStreams <= DEFAULT_QUOTAS.firehoseStreamsPerRegion);
  });

  test('binds on requests, never on bytes: a stream carries far less than its 5 MiB/s', () => {
    for (const rate of [100, 10_000, 100_000]) assert.ok(planCapacity(rate).mibPerSecondPerStream < 1);
  });

  test('asks for nothing at 10 entrants/s, and for Cognito GetId well before Firehose', () => {
    assert.deepEqual(planCapacity(10).increases, []);
    const hundred = planCapacity(100);
    assert.equal(hundred.plannedStreams, 1);
    assert.match(hundred.increases.join(), /Cognito GetId/);
    assert.doesNotMatch(hundred.increases.join(), /Firehose/);
  });

  test('asks for a per-stream Firehose increase once 50 streams are not enough', () => {
    assert.match(planCapacity(100_000).increases.join(), /Firehose requests\/s per stream/);
  });
});

describe('planCapacity over several regions', () => {
  test('carries 25 new devices a second per region before any increase', () => {
    for (const regions of [1, 2, 4]) assert.equal(planCapacity(10, regions).getIdCapacityPerSecond, 25 * regions);
    assert.match(planCapacity(50).increases.join(), /GetId/u);
    assert.deepEqual(planCapacity(50, 4).increases, [], '50/s over four regions is 12.5/s each, under 70% of 25');
    assert.match(planCapacity(1_000, 4).increases.join(), /GetId → 358\/s in each region/u);
  });
});

describe('credentialBacklog', () => {
  test('grows with the excess over the quota and drains at the quota', () => {
    assert.deepEqual(credentialBacklog(125, 60, 25), { waitingDevices: 6_000, drainSeconds: 240 });
    assert.deepEqual(credentialBacklog(20, 60, 25), { waitingDevices: 0, drainSeconds: 0 });
  });
});

describe('planTransform', () => {
  test('reserves 5 per stream (the byte quota over a 1 MiB batch, 1 s each): the template default for 4 streams', () => {
    assert.equal(planTransform(4).reservedConcurrency, 20);
    assert.equal(String(loadTemplate().Parameters?.TransformReservedConcurrency?.Default), '20');
    assert.equal(String(loadTemplate().Parameters?.DeliveryStreamIndexes?.Default).split(',').length, 4);
  });

  test('fits an account at Lambda’s default limit up to the 50-stream maximum', () => {
    assert.deepEqual(planTransform(50), {
      streams: 50,
      peakInvocationsPerSecond: 250,
      reservedConcurrency: 250,
      fitsDefaultAccount: true,
    });
  });
});
