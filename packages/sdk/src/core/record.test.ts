import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createRecord,
  decodeRecord,
  encodeRecord,
  encodeRecordChecked,
  MAX_FILL_MS,
  MAX_RECORD_BYTES,
} from './record.js';

const context = {
  entryId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  campaignId: 'loungebeer-sb',
  now: Date.UTC(2027, 1, 14, 1, 12, 3, 512),
  meta: { locale: 'en', sdk: '0.1.0', fillMs: 14230.4, suspect: false },
};

describe('record', () => {
  it('encodes the documented format: one JSON line, fixed key order, newline-terminated', () => {
    const record = createRecord(
      { fields: { email: 'ada@example.com', name: 'Ada Lovelace' }, consent: { rules: true, marketing: false } },
      context,
    );
    assert.equal(
      encodeRecord(record),
      '{"schema":1,"entryId":"0f8fad5b-d9cb-469f-a165-70867728950e","campaignId":"loungebeer-sb","submittedAt":"2027-02-14T01:12:03.512Z",' +
        '"fields":{"name":"Ada Lovelace","email":"ada@example.com"},"consent":{"rules":true,"marketing":false},' +
        '"meta":{"locale":"en","sdk":"0.1.0","fillMs":14230,"suspect":false}}\n',
    );
  });

  it('round-trips through decodeRecord', () => {
    const record = createRecord({ fields: { name: 'Zoë' }, consent: { rules: true, marketing: true } }, context);
    const decoded = decodeRecord(encodeRecord(record));
    assert.ok(decoded.success);
    assert.deepEqual(decoded.record, record);
  });

  it('explains why a line is not a record', () => {
    const reasons = [
      'not json',
      '[]',
      '{"schema":2}',
      '{"schema":1,"entryId":"x"}',
      encodeRecord(createRecord({ fields: {}, consent: { rules: true, marketing: false } }, context)).replace(
        '"rules":true',
        '"rules":false',
      ),
    ].map((line) => {
      const result = decodeRecord(line);
      return result.success ? 'ok' : result.reason;
    });
    assert.deepEqual(reasons, [
      'not JSON',
      'not a JSON object',
      'unsupported schema 2',
      'entryId is not a UUID',
      'consent must be {rules: true, marketing: boolean}',
    ]);
  });

  it('refuses a record over Firehose’s 1,000 KiB limit', () => {
    const big = createRecord(
      { fields: { name: 'x'.repeat(MAX_RECORD_BYTES) }, consent: { rules: true, marketing: false } },
      context,
    );
    const result = encodeRecordChecked(big);
    assert.ok(!result.success);
    assert.equal(result.issues[0].code, 'too-large');
    const small = encodeRecordChecked(
      createRecord({ fields: { name: 'é' }, consent: { rules: true, marketing: false } }, context),
    );
    assert.ok(small.success);
    assert.equal(small.bytes, Buffer.byteLength(small.line));
  });

  it('refuses keys no SDK writes, a meta.sdk that is not a version and an unbounded fillMs', () => {
    const line = encodeRecord(
      createRecord({ fields: { name: 'Ada' }, consent: { rules: true, marketing: false } }, context),
    );
    const mutate = (edit: (value: Record<string, Record<string, unknown>>) => void) => {
      const value = JSON.parse(line) as Record<string, Record<string, unknown>>;
      edit(value);
      const result = decodeRecord(JSON.stringify(value));
      return result.success ? 'ok' : result.reason;
    };
    assert.deepEqual(
      [
        mutate((value) => {
          value.extra = {};
        }),
        mutate((value) => {
          (value.fields as Record<string, unknown>).nickname = '';
        }),
        mutate((value) => {
          (value.consent as Record<string, unknown>).sms = true;
        }),
        mutate((value) => {
          (value.meta as Record<string, unknown>).ip = '1.2.3.4';
        }),
        mutate((value) => {
          (value.meta as Record<string, unknown>).sdk = '=HYPERLINK("x")';
        }),
        mutate((value) => {
          (value.meta as Record<string, unknown>).fillMs = 1e308;
        }),
        mutate((value) => {
          (value.meta as Record<string, unknown>).fillMs = 12.5;
        }),
        mutate((value) => {
          (value.meta as Record<string, unknown>).fillMs = -1;
        }),
        mutate(() => {}),
      ],
      [
        'unknown key "extra"',
        'unknown field "nickname"',
        'consent must be {rules: true, marketing: boolean}',
        'meta must be {locale, sdk, fillMs, suspect}',
        'meta.sdk is not a version',
        `meta.fillMs must be null or a whole number from 0 to ${MAX_FILL_MS}`,
        `meta.fillMs must be null or a whole number from 0 to ${MAX_FILL_MS}`,
        `meta.fillMs must be null or a whole number from 0 to ${MAX_FILL_MS}`,
        'ok',
      ],
    );
  });

  it('clamps fillMs into the range decodeRecord accepts', () => {
    const make = (fillMs: number) =>
      createRecord(
        { fields: {}, consent: { rules: true, marketing: false } },
        { ...context, meta: { ...context.meta, fillMs } },
      ).meta.fillMs;
    assert.deepEqual([make(1e308), make(-5), make(Number.POSITIVE_INFINITY)], [MAX_FILL_MS, 0, MAX_FILL_MS]);
  });
});
