// Fuzzing the whole record: anything the SDK's own createRecord + encodeRecord produce for a valid entry passes the
// transform, and any one change the widget could never make (an unknown key anywhere, a locale the campaign does not
// offer, an sdk that is not a version, an unbounded fillMs) is refused. FUZZ_RUNS sets the number of cases.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRecord, encodeRecord, FIELD_NAMES, MAX_FILL_MS, validateEntry } from '@campaign-entry/sdk/rules';
import fc from 'fast-check';
import { checkRecord } from './check-record.js';
import type { TransformConfig } from './config.js';

const runs = Number(process.env.FUZZ_RUNS ?? 300);
const ARRIVED = Date.UTC(2027, 1, 14, 1, 12, 3);
const CONFIG: TransformConfig = { campaignId: 'loungebeer-sb', spec: { fields: FIELD_NAMES, minAge: 21 } };
const encoder = new TextEncoder();

const validFields = fc.record({
  name: fc.stringMatching(/^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ' ]{0,40}[A-Za-zÀ-ÿ]$/u),
  email: fc
    .tuple(fc.stringMatching(/^[a-z0-9]{1,20}$/u), fc.stringMatching(/^[a-z0-9]{1,20}$/u), fc.constantFrom('com', 'es'))
    .map(([local, domain, tld]) => `${local}@${domain}.${tld}`),
  phone: fc.stringMatching(/^\+1[0-9]{10}$/u),
  'postal-code': fc.stringMatching(/^[A-Z0-9]{3,8}$/u),
  'birth-date': fc
    .date({ min: new Date(Date.UTC(1930, 0, 1)), max: new Date(Date.UTC(2000, 0, 1)), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
});

/** A record exactly as a page of this campaign writes it, as parsed JSON. */
const sdkRecord = fc
  .record({
    fields: validFields,
    marketing: fc.boolean(),
    entryId: fc.uuid({ version: 4 }),
    submittedOffset: fc.integer({ min: -600_000, max: 0 }),
    locale: fc.constantFrom('en', 'es'),
    sdk: fc.oneof(
      fc.constant('0.1.0'),
      fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99)).map((parts) => parts.join('.')),
    ),
    fillMs: fc.option(fc.double(), { nil: null }),
    suspect: fc.boolean(),
  })
  .map((draw) => {
    const result = validateEntry(
      { fields: draw.fields, consent: { rules: true, marketing: draw.marketing } },
      CONFIG.spec,
      ARRIVED,
    );
    assert.ok(result.success, JSON.stringify(result));
    const record = createRecord(result.output, {
      entryId: draw.entryId,
      campaignId: CONFIG.campaignId,
      now: ARRIVED + draw.submittedOffset,
      meta: { locale: draw.locale, sdk: draw.sdk, fillMs: draw.fillMs, suspect: draw.suspect },
    });
    return JSON.parse(encodeRecord(record)) as Record<string, Record<string, unknown>>;
  });

const KNOWN: Readonly<Record<string, readonly string[]>> = {
  top: ['schema', 'entryId', 'campaignId', 'submittedAt', 'fields', 'consent', 'meta'],
  fields: FIELD_NAMES,
  consent: ['rules', 'marketing'],
  meta: ['locale', 'sdk', 'fillMs', 'suspect'],
};
const anyJson = fc.jsonValue({ maxDepth: 2 });
const where = fc.constantFrom('top', 'fields', 'consent', 'meta');
type Mutation = (record: Record<string, Record<string, unknown>>) => void;

/** One change no page of the campaign makes, each with what it does to the parsed record. */
const mutation: fc.Arbitrary<[string, Mutation]> = fc.oneof(
  fc
    .tuple(where, fc.string({ minLength: 1, maxLength: 12 }), anyJson)
    .filter(([place, key]) => !KNOWN[place]?.includes(key) && key !== '__proto__')
    .map(([place, key, value]): [string, Mutation] => [
      `unknown key ${JSON.stringify(key)} in ${place}`,
      (record) => {
        const target = place === 'top' ? record : (record[place] as Record<string, unknown>);
        target[key] = value;
      },
    ]),
  fc
    .oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('=HYPERLINK("http://x")', '<b>en</b>', 'en\r\n', 'en\u202e', 'EN', 'fr', ' en'),
    )
    .filter((locale) => locale !== 'en' && locale !== 'es')
    .map((locale): [string, Mutation] => [
      `meta.locale ${JSON.stringify(locale)}`,
      (record) => {
        (record.meta as Record<string, unknown>).locale = locale;
      },
    ]),
  fc
    .oneof(fc.string({ maxLength: 40 }), fc.constantFrom('=1+1', '1.0', 'v1.0.0', '1.0.0\n', '<x>'))
    .filter((sdk) => !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/u.test(sdk))
    .map((sdk): [string, Mutation] => [
      `meta.sdk ${JSON.stringify(sdk)}`,
      (record) => {
        (record.meta as Record<string, unknown>).sdk = sdk;
      },
    ]),
  fc
    .oneof(
      fc
        .double({ noNaN: true, noDefaultInfinity: true })
        .filter((n) => !(Number.isInteger(n) && n >= 0 && n <= MAX_FILL_MS)),
      fc.constantFrom(1e308, -1, 0.5, MAX_FILL_MS + 1, '100', true, [], {}),
    )
    .map((fillMs): [string, Mutation] => [
      `meta.fillMs ${JSON.stringify(fillMs)}`,
      (record) => {
        (record.meta as Record<string, unknown>).fillMs = fillMs;
      },
    ]),
  fc
    .tuple(where, fc.nat())
    .filter(([place]) => place !== 'fields')
    .map(([place, index]): [string, Mutation] => {
      const keys = KNOWN[place] ?? [];
      const key = keys[index % keys.length] ?? '';
      return [
        `${place}.${key} removed`,
        (record) => {
          const target = place === 'top' ? record : (record[place] as Record<string, unknown>);
          delete target[key];
        },
      ];
    }),
);

const check = (record: unknown) => checkRecord(encoder.encode(`${JSON.stringify(record)}\n`), ARRIVED, CONFIG);

describe('the transform over the whole record (fuzzed)', () => {
  it('passes every record the SDK’s own createRecord and encodeRecord make for a valid entry', () => {
    fc.assert(
      fc.property(sdkRecord, (record) => {
        const outcome = check(record);
        assert.ok(outcome.ok, JSON.stringify(outcome));
      }),
      { numRuns: runs },
    );
  });

  it('refuses the same records after any one change the widget would never make', () => {
    fc.assert(
      fc.property(sdkRecord, mutation, (generated, [what, mutate]) => {
        // A copy: fast-check reuses generated values while shrinking.
        const record = structuredClone(generated);
        mutate(record);
        const outcome = check(record);
        assert.ok(!outcome.ok, `${what} passed`);
      }),
      { numRuns: runs },
    );
  });
});
