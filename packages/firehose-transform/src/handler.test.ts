// The handler against Firehose's real event shape: each record answered once, in order, with the same id; valid ones
// re-encoded canonically with the server's fields, everything else refused to the error prefix.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { describe, it } from 'node:test';
import { MAX_RECORD_BYTES } from '@campaign-entry/sdk/rules';
import type { FirehoseTransformationHandler, FirehoseTransformationResult } from 'aws-lambda';
import type { TransformConfig } from './config.js';
import { MAX_RESPONSE_BYTES, PROCESSOR_BUFFER_BYTES } from './contract.js';
import { createEnvironmentHandler, createTransformHandler, METRICS_NAMESPACE } from './handler.js';
import { handler as lambdaHandler } from './index.js';
import { entryRecord, firehoseEvent, HALFTIME, line, recordIdOf, textOf } from './testing/firehose-events.js';

const CONFIG: TransformConfig = {
  campaignId: 'loungebeer-sb',
  spec: { fields: ['name', 'email', 'birth-date'], minAge: 21 },
  opensAt: Date.UTC(2027, 1, 14, 0, 0),
  closesAt: Date.UTC(2027, 1, 14, 3, 0),
  functionName: 'loungebeer-sb-prod-transform',
};
const adult = { name: 'Ada Lovelace', email: 'ada@example.com', 'birth-date': '1990-12-10' };
const valid = (overrides: Record<string, unknown> = {}) => line(entryRecord({ fields: adult, ...overrides }));

function setup(config: TransformConfig = CONFIG, maxResponseBytes?: number) {
  const logs: string[] = [];
  const handler = createTransformHandler(config, {
    log: (text) => logs.push(text),
    now: () => HALFTIME,
    ...(maxResponseBytes === undefined ? {} : { maxResponseBytes }),
  });
  return { handler, logs };
}

async function answerFor(payload: string | Uint8Array, config = CONFIG) {
  const { handler, logs } = setup(config);
  const { records } = await handler(firehoseEvent([payload]));
  assert.equal(records.length, 1);
  return { answer: records[0]!, logs };
}

const rejection = (logs: string[]) => JSON.parse(logs.find((text) => text.includes('record-rejected')) ?? '{}');

describe('the Firehose transform', () => {
  it('answers a valid entry Ok, re-encoded canonically with one newline, arrival time and checks added', async () => {
    const { answer, logs } = await answerFor(valid());
    assert.equal(answer.result, 'Ok');
    assert.equal(answer.recordId, recordIdOf(0));
    const text = textOf(answer.data);
    assert.ok(text.endsWith('}\n') && text.indexOf('\n') === text.length - 1, 'one JSON line');
    assert.deepEqual(JSON.parse(text), {
      ...entryRecord({ fields: adult }),
      arrivedAt: new Date(HALFTIME + 900).toISOString(),
      checks: { valid: true, review: false, flags: [], clockSkewMs: -900, entrantKey: 'ada@example.com' },
    });
    assert.deepEqual(Object.keys(JSON.parse(text)), [
      'schema',
      'entryId',
      'campaignId',
      'submittedAt',
      'fields',
      'consent',
      'meta',
      'arrivedAt',
      'checks',
    ]);
    assert.equal(logs.filter((text) => text.includes('record-rejected')).length, 0);
  });

  it('writes the values the SDK would have written: normalized fields in form order', async () => {
    const messy = entryRecord({
      fields: { email: 'ada@EXAMPLE.com', 'birth-date': '1990-12-10', name: '  Ada   Lovelace ' },
      submittedAt: '2027-02-14T01:12:03Z',
      meta: { locale: 'en', sdk: '0.1.0', fillMs: 14230, suspect: false },
    });
    const { answer } = await answerFor(JSON.stringify(messy, null, 2));
    const record = JSON.parse(textOf(answer.data));
    assert.deepEqual(record.fields, adult);
    assert.deepEqual(Object.keys(record.fields), ['name', 'email', 'birth-date']);
    assert.equal(record.submittedAt, '2027-02-14T01:12:03.000Z');
    assert.deepEqual(record.meta, { locale: 'en', sdk: '0.1.0', fillMs: 14230, suspect: false });
    assert.equal(record.arrivedAt, new Date(HALFTIME + 900).toISOString(), 'the server’s fields cannot be forged');
    assert.deepEqual(record.checks, {
      valid: true,
      review: false,
      flags: [],
      clockSkewMs: -512 - 900,
      entrantKey: 'ada@example.com',
    });
  });

  describe('refuses to the error prefix (ProcessingFailed, original data kept)', () => {
    const cases: [string, string | Uint8Array, string, RegExp?][] = [
      ['a missing required field', valid({ fields: { name: 'Ada', email: 'ada@example.com' } }), 'invalid'],
      ['an e-mail without a domain', valid({ fields: { ...adult, email: 'ada@' } }), 'invalid'],
      ['a spreadsheet formula in the name', valid({ fields: { ...adult, name: '=cmd|calc' } }), 'invalid'],
      ['markup in the name', valid({ fields: { ...adult, name: '<script>x</script>' } }), 'invalid'],
      ['a field the campaign did not ask for', valid({ fields: { ...adult, phone: '+15551234567' } }), 'invalid'],
      ['an entrant under the minimum age', valid({ fields: { ...adult, 'birth-date': '2010-01-01' } }), 'invalid'],
      ['an overlong name', valid({ fields: { ...adult, name: 'A'.repeat(101) } }), 'invalid'],
      ['rules not accepted', valid({ consent: { rules: false, marketing: false } }), 'bad-shape', /consent/],
      ['an entryId that is not a UUID', valid({ entryId: 'not-a-uuid' }), 'bad-shape', /entryId/],
      ['a submittedAt that is not an instant', valid({ submittedAt: 'yesterday' }), 'bad-shape', /submittedAt/],
      ['an unsupported schema version', valid({ schema: 2 }), 'bad-shape', /unsupported schema 2/],
      ['no schema at all', line({ ...entryRecord({ fields: adult }), schema: undefined }), 'bad-shape', /schema/],
      ['another campaign’s entry', valid({ campaignId: 'other-campaign' }), 'wrong-campaign', /other-campaign/],
      ['an unknown top-level key', valid({ injected: '=HYPERLINK("http://evil")' }), 'bad-shape', /unknown key/],
      [
        'forged server fields',
        valid({ arrivedAt: '2000-01-01T00:00:00.000Z', checks: { valid: true } }),
        'bad-shape',
        /unknown key "arrivedAt"/,
      ],
      [
        'an unknown meta key',
        valid({ meta: { locale: 'en', sdk: '0.1.0', fillMs: 1, suspect: false, ip: 'x' } }),
        'bad-shape',
      ],
      ['an unknown consent key', valid({ consent: { rules: true, marketing: false, sms: true } }), 'bad-shape'],
      [
        'a formula in meta.locale',
        valid({ meta: { locale: '=HYPERLINK("x")', sdk: '0.1.0', fillMs: 1, suspect: false } }),
        'bad-meta',
      ],
      [
        'markup in meta.locale',
        valid({ meta: { locale: '<b>en</b>', sdk: '0.1.0', fillMs: 1, suspect: false } }),
        'bad-meta',
      ],
      [
        'CR/LF in meta.locale',
        valid({ meta: { locale: 'en\r\nX', sdk: '0.1.0', fillMs: 1, suspect: false } }),
        'bad-meta',
      ],
      [
        'U+202E in meta.locale',
        valid({ meta: { locale: 'en\u202e', sdk: '0.1.0', fillMs: 1, suspect: false } }),
        'bad-meta',
      ],
      [
        'a locale the campaign does not offer',
        valid({ meta: { locale: 'fr', sdk: '0.1.0', fillMs: 1, suspect: false } }),
        'bad-meta',
      ],
      [
        'a meta.sdk that is not a version',
        valid({ meta: { locale: 'en', sdk: '=1+1', fillMs: 1, suspect: false } }),
        'bad-shape',
        /meta.sdk/,
      ],
      [
        'a fillMs of 1e308',
        valid({ meta: { locale: 'en', sdk: '0.1.0', fillMs: 1e308, suspect: false } }),
        'bad-shape',
        /fillMs/,
      ],
      [
        'a fractional fillMs',
        valid({ meta: { locale: 'en', sdk: '0.1.0', fillMs: 14230.4, suspect: false } }),
        'bad-shape',
        /fillMs/,
      ],
      [
        'an oversized meta',
        valid({ meta: { locale: 'x'.repeat(65), sdk: '0.1.0', fillMs: 1, suspect: false } }),
        'bad-meta',
      ],
      ['text that is not JSON', 'Ada,ada@example.com\n', 'bad-shape', /not JSON/],
      ['a JSON array', '[1,2,3]\n', 'bad-shape', /not a JSON object/],
      ['an empty record', '', 'bad-shape', /not JSON/],
      ['bytes that are not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'not-utf8'],
      ['a record over Firehose’s 1,000 KiB limit', valid({ pad: 'x'.repeat(MAX_RECORD_BYTES) }), 'too-large'],
    ];
    for (const [what, payload, reason, detail] of cases) {
      it(`${what} (${reason})`, async () => {
        const { answer, logs } = await answerFor(payload);
        assert.equal(answer.result, 'ProcessingFailed');
        assert.equal(answer.data, Buffer.from(payload).toString('base64'), 'the original bytes, untouched');
        const logged = rejection(logs);
        assert.equal(logged.reason, reason);
        assert.equal(logged.recordId, recordIdOf(0));
        if (detail) assert.match(logged.detail, detail);
      });
    }

    it('logs which field failed and why, never the value', async () => {
      const { logs } = await answerFor(valid({ fields: { ...adult, email: 'secret-person@', name: 'Secret Person' } }));
      assert.deepEqual(rejection(logs).issues, [{ field: 'email', code: 'invalid-format' }]);
      for (const text of logs) assert.doesNotMatch(text, /secret-person|Secret Person/i);
    });
  });

  describe('keeps an entry that needs review, marked so queries can leave it out', () => {
    const flagged = async (overrides: Record<string, unknown>) => {
      const { answer } = await answerFor(valid(overrides));
      assert.equal(answer.result, 'Ok');
      return JSON.parse(textOf(answer.data)).checks;
    };
    it('a device clock more than 5 minutes ahead of Firehose', async () => {
      const checks = await flagged({ submittedAt: new Date(HALFTIME + 6 * 60_000).toISOString() });
      assert.deepEqual(checks.flags, ['clock-ahead']);
      assert.equal(checks.review, true);
    });
    it('a submit time more than the SDK’s 7-day queue limit before arrival (and so before the window)', async () => {
      const checks = await flagged({ submittedAt: '2027-02-01T00:00:00.000Z' });
      assert.deepEqual(checks.flags, ['clock-behind', 'before-window']);
    });
    it('a submit before the campaign opens or after it closes', async () => {
      assert.deepEqual((await flagged({ submittedAt: '2027-02-13T23:59:59.000Z' })).flags, ['before-window']);
      const late = await answerFor(valid({ submittedAt: '2027-02-14T03:00:01.000Z' }), {
        ...CONFIG,
        closesAt: Date.UTC(2027, 1, 14, 3, 0),
      });
      assert.deepEqual(JSON.parse(textOf(late.answer.data)).checks.flags, ['clock-ahead', 'after-window']);
    });
    it('the SDK’s own bot signal', async () => {
      const checks = await flagged({ meta: { locale: 'en', sdk: '0.1.0', fillMs: 800, suspect: true } });
      assert.deepEqual(checks.flags, ['suspect']);
    });
    it('an entry queued offline for a day is plausible, not flagged', async () => {
      const { handler } = setup({ ...CONFIG, closesAt: Date.UTC(2027, 1, 16) });
      const event = firehoseEvent([valid()], HALFTIME + 24 * 60 * 60_000);
      const [answer] = (await handler(event)).records;
      assert.deepEqual(JSON.parse(textOf(answer?.data ?? '')).checks.flags, []);
    });
  });

  it('answers a mixed batch one for one, in order, with the input ids', async () => {
    const payloads = [
      valid(),
      'garbage',
      valid({ campaignId: 'elsewhere' }),
      valid({ meta: { locale: 'es', sdk: '0.1.0', fillMs: null, suspect: true } }),
      valid({ schema: 3 }),
      new Uint8Array([0xc3, 0x28]),
      valid({ entryId: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d' }),
    ];
    const { handler, logs } = setup();
    const event = firehoseEvent(payloads);
    const { records } = await handler(event);
    assert.deepEqual(
      records.map((record) => record.recordId),
      event.records.map((record) => record.recordId),
    );
    assert.deepEqual(
      records.map((record) => record.result),
      ['Ok', 'ProcessingFailed', 'ProcessingFailed', 'Ok', 'ProcessingFailed', 'ProcessingFailed', 'Ok'],
    );
    const metrics = JSON.parse(logs.at(-1) ?? '{}');
    assert.deepEqual(metrics._aws.CloudWatchMetrics[0].Namespace, METRICS_NAMESPACE);
    assert.deepEqual(
      { records: metrics.Records, failed: metrics.ProcessingFailed, review: metrics.FlaggedForReview },
      { records: 7, failed: 4, review: 1 },
    );
    assert.equal(metrics.FunctionName, 'loungebeer-sb-prod-transform');
    assert.deepEqual(metrics.rejected, {
      'too-large': 0,
      'not-utf8': 1,
      'bad-shape': 2,
      'wrong-campaign': 1,
      'bad-meta': 0,
      invalid: 0,
      'internal-error': 0,
    });
  });

  it('refuses only the record whose check throws, and goes on with the batch', async () => {
    let reads = 0;
    const flaky: TransformConfig = {
      ...CONFIG,
      get spec() {
        reads += 1;
        if (reads === 2) throw new Error('bug in a rule');
        return CONFIG.spec;
      },
    };
    const { handler, logs } = setup(flaky);
    const { records } = await handler(firehoseEvent([valid(), valid(), valid()]));
    assert.deepEqual(
      records.map((record) => record.result),
      ['Ok', 'ProcessingFailed', 'Ok'],
    );
    assert.equal(rejection(logs).reason, 'internal-error');
    assert.match(rejection(logs).detail, /bug in a rule/);
  });

  it('logs at most maxRejectionLogs refusals per invocation, and counts all of them', async () => {
    const logs: string[] = [];
    const handler = createTransformHandler(CONFIG, { log: (text) => logs.push(text), maxRejectionLogs: 3 });
    await handler(firehoseEvent(Array.from({ length: 50 }, () => 'junk')));
    assert.equal(logs.filter((text) => text.includes('record-rejected')).length, 3);
    assert.equal(JSON.parse(logs.at(-1) ?? '{}').ProcessingFailed, 50);
  });

  describe('throws only when the whole invocation cannot be answered (Firehose retries, then keeps the batch)', () => {
    it('a configuration that does not name the campaign', async () => {
      const handler = createEnvironmentHandler({ FIELDS: 'name,email' }, { log: () => {} });
      await assert.rejects(handler(firehoseEvent([valid()])), { name: 'TransformError', code: 'invalid-config' });
    });
    it('an event that is not Firehose’s', async () => {
      const { handler } = setup();
      await assert.rejects(handler({ invocationId: 'x' } as never), { code: 'invalid-event' });
      await assert.rejects(handler({ ...firehoseEvent([]), records: [{ data: '' }] } as never), {
        code: 'invalid-event',
      });
    });
    it('an answer over the response limit', async () => {
      const { handler } = setup(CONFIG, 2_000);
      await assert.rejects(handler(firehoseEvent(Array.from({ length: 10 }, () => valid()))), {
        code: 'response-too-large',
      });
    });
  });

  it('stays under Lambda’s 6 MB response for a full 1 MB processor buffer of the smallest valid entries', async () => {
    // Smallest valid entry → the largest relative growth (server fields are a fixed ~110 bytes per record).
    const smallest = line(
      entryRecord({
        fields: { name: 'A', email: 'a@b.co' },
        meta: { locale: 'en', sdk: '0.1.0', fillMs: 0, suspect: true },
      }),
    );
    const count = Math.floor(PROCESSOR_BUFFER_BYTES / smallest.length);
    const { handler } = setup({ campaignId: 'loungebeer-sb', spec: { fields: ['name', 'email'] } });
    const event = firehoseEvent(Array.from({ length: count }, () => smallest));
    const result = await handler(event);
    const bytes = JSON.stringify(result).length;
    assert.equal(result.records.length, count);
    assert.ok(result.records.every((record) => record.result === 'Ok'));
    assert.ok(bytes < MAX_RESPONSE_BYTES / 2, `${bytes} bytes for ${count} records`);
  });

  it('is a Firehose transformation handler as @types/aws-lambda declares it', async () => {
    const typed: FirehoseTransformationHandler = lambdaHandler;
    assert.equal(typeof typed, 'function');
    const answer: FirehoseTransformationResult = await createTransformHandler(CONFIG, { log: () => {} })(
      firehoseEvent([valid()]),
    );
    assert.equal(answer.records[0]?.result, 'Ok');
  });
});
