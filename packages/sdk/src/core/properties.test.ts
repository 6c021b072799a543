// Property tests over validation, record encoding and batch packing. FUZZ_RUNS sets the number of cases (the large
// run in CI's chaos job uses 10,000).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { packBatches, requestBodyBytes } from './batch.js';
import { FIELD_NAMES, type FieldSpec } from './fields.js';
import { FIREHOSE_BATCH_LIMITS } from './limits.js';
import { createRecord, decodeRecord, encodeRecordChecked, MAX_RECORD_BYTES } from './record.js';
import { hasForbiddenCharacters, looksLikeFormula, utf8Length } from './text.js';
import { FIELD_MAX_LENGTH, validateEntry, validateField } from './validate.js';

const runs = Number(process.env.FUZZ_RUNS ?? 500);
const NOW = Date.UTC(2027, 1, 14, 1, 0, 0);
const SPEC: FieldSpec = { fields: FIELD_NAMES };

// Strings that mix the characters validation cares about with arbitrary Unicode.
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '=1+1',
    '+15550100',
    '@SUM(A1)',
    'a\u202eb',
    '\u0000',
    '\ud83d',
    'ada@example.com',
    '1990-01-01',
    'SW1A 1AA',
  ),
  fc
    .tuple(
      fc.constantFrom('', '=', '+', '-', '@', ' ', '<', '\t'),
      fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
    )
    .map(([a, b]) => a + b),
);

const input = fc.record({
  fields: fc.dictionary(
    fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 8 })),
    fc.option(hostile, { nil: undefined }),
    { maxKeys: 7 },
  ),
  consent: fc.record({ rules: fc.boolean(), marketing: fc.boolean() }),
});

describe('validation properties', () => {
  it('never throws, and accepts only values that keep the rules', () => {
    fc.assert(
      fc.property(input, (entry) => {
        const result = validateEntry(entry, SPEC, NOW);
        if (!result.success) {
          assert.ok(result.issues.length > 0);
          return;
        }
        for (const [name, value] of Object.entries(result.output.fields)) {
          assert.ok(!hasForbiddenCharacters(value), `${name} has forbidden characters`);
          assert.ok(!/[<>]/u.test(value), `${name} has markup`);
          if (name !== 'phone') assert.ok(!looksLikeFormula(value), `${name} starts like a formula`);
          else assert.match(value, /^\+?\d{7,15}$/u);
          assert.ok([...value].length <= FIELD_MAX_LENGTH[name as keyof typeof FIELD_MAX_LENGTH]);
          assert.equal(value, value.normalize('NFC'));
          assert.equal(value, value.trim());
        }
        assert.equal(result.output.consent.rules, true);
      }),
      { numRuns: runs },
    );
  });

  it('is idempotent: a normalized value validates to itself', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELD_NAMES), hostile, (name, value) => {
        const first = validateField(name, value, SPEC, NOW);
        if (!first.success) return;
        const second = validateField(name, first.output, SPEC, NOW);
        assert.ok(second.success);
        assert.equal(second.output, first.output);
      }),
      { numRuns: runs },
    );
  });
});

describe('record properties', () => {
  it('every valid entry encodes to one line under 1,000 KiB that decodes to the same record', () => {
    fc.assert(
      fc.property(input, fc.uuid({ version: 4 }), fc.option(fc.nat(), { nil: null }), (entry, entryId, fillMs) => {
        const result = validateEntry({ ...entry, consent: { ...entry.consent, rules: true } }, SPEC, NOW);
        if (!result.success) return;
        const record = createRecord(result.output, {
          entryId,
          campaignId: 'c',
          now: NOW,
          meta: { locale: 'en', sdk: '0.1.0', fillMs, suspect: false },
        });
        const encoded = encodeRecordChecked(record);
        assert.ok(encoded.success);
        assert.ok(encoded.bytes <= MAX_RECORD_BYTES);
        assert.equal(encoded.line.indexOf('\n'), encoded.line.length - 1);
        const decoded = decodeRecord(encoded.line);
        assert.ok(decoded.success, decoded.success ? '' : decoded.reason);
        assert.deepEqual(decoded.record, record);
        assert.deepEqual(JSON.parse(encoded.line), record);
      }),
      { numRuns: runs },
    );
  });
});

describe('batch properties', () => {
  it('never exceeds Firehose limits and keeps every record once, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: MAX_RECORD_BYTES }), { maxLength: 1200 }), (sizes) => {
        const items = sizes.map((bytes, id) => ({ id, bytes }));
        const batches = packBatches(items);
        assert.deepEqual(
          batches.flat().map((item) => item.id),
          items.map((item) => item.id),
        );
        for (const batch of batches) {
          assert.ok(batch.length >= 1 && batch.length <= FIREHOSE_BATCH_LIMITS.maxRecords);
          assert.ok(batch.reduce((sum, item) => sum + item.bytes, 0) <= FIREHOSE_BATCH_LIMITS.maxBytes);
        }
      }),
      { numRuns: Math.max(50, runs / 10) },
    );
  });

  it('computes the request body size exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 50 }), { maxLength: 20 }), (lines) => {
        const body = JSON.stringify({
          DeliveryStreamName: 's-1',
          Records: lines.map((line) => ({ Data: Buffer.from(line).toString('base64') })),
        });
        assert.equal(requestBodyBytes('s-1', lines.map(utf8Length)), body.length);
      }),
      { numRuns: runs },
    );
  });
});
