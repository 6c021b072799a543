import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configFromEnv } from './config.js';
import { MAX_CLOCK_AHEAD_MS, MAX_CLOCK_BEHIND_MS, reviewFlags } from './review.js';

describe('configFromEnv', () => {
  it('reads the campaign’s locales, refusing anything that is not a language tag', () => {
    assert.deepEqual(configFromEnv({ CAMPAIGN_ID: 'c', LOCALES: 'en, es,pt-BR' }).locales, ['en', 'es', 'pt-BR']);
    assert.throws(() => configFromEnv({ CAMPAIGN_ID: 'c', LOCALES: 'en,=1+1' }), { code: 'invalid-config' });
  });

  it('reads the campaign as the template sets it, with the element’s defaults', () => {
    assert.deepEqual(configFromEnv({ CAMPAIGN_ID: 'loungebeer-sb', MIN_AGE: '', OPENS_AT: '', CLOSES_AT: '' }), {
      campaignId: 'loungebeer-sb',
      spec: { fields: ['name', 'email'] },
    });
    assert.deepEqual(
      configFromEnv({
        CAMPAIGN_ID: 'loungebeer-sb',
        FIELDS: 'email, name ,birth-date',
        MIN_AGE: '18',
        OPENS_AT: '2027-02-14T00:30:00Z',
        CLOSES_AT: '2027-02-14T02:00:00.000Z',
        AWS_LAMBDA_FUNCTION_NAME: 'loungebeer-sb-prod-transform',
      }),
      {
        campaignId: 'loungebeer-sb',
        spec: { fields: ['name', 'email', 'birth-date'], minAge: 18 },
        opensAt: Date.UTC(2027, 1, 14, 0, 30),
        closesAt: Date.UTC(2027, 1, 14, 2, 0),
        functionName: 'loungebeer-sb-prod-transform',
      },
    );
  });

  it('refuses a configuration that would check nothing, naming every problem at once', () => {
    assert.throws(
      () =>
        configFromEnv({
          FIELDS: 'name,shoe-size',
          MIN_AGE: '21.5',
          OPENS_AT: 'tomorrow',
          CLOSES_AT: '2027-02-14T02:00:00Z',
        }),
      (error: Error & { code?: string }) =>
        error.name === 'TransformError' &&
        error.code === 'invalid-config' &&
        /CAMPAIGN_ID/.test(error.message) &&
        /shoe-size/.test(error.message) &&
        /MIN_AGE/.test(error.message) &&
        /OPENS_AT "tomorrow"/.test(error.message),
    );
    assert.throws(
      () => configFromEnv({ CAMPAIGN_ID: 'c', OPENS_AT: '2027-02-14T02:00:00Z', CLOSES_AT: '2027-02-14T01:00:00Z' }),
      /OPENS_AT must be before CLOSES_AT/,
    );
  });

  it('checks postal codes by the campaign’s COUNTRY, and refuses a country it has no rule for', () => {
    assert.deepEqual(configFromEnv({ CAMPAIGN_ID: 'c', FIELDS: 'email,postal-code', COUNTRY: ' US ' }).spec, {
      fields: ['email', 'postal-code'],
      country: 'US',
    });
    assert.throws(() => configFromEnv({ CAMPAIGN_ID: 'c', COUNTRY: 'XX' }), /COUNTRY "XX" is not supported/);
  });
});

describe('reviewFlags', () => {
  const arrivedAt = Date.UTC(2027, 1, 14, 1, 0);
  it('tolerates up to 5 minutes ahead and up to the SDK’s 7-day queue (plus 5 minutes) behind', () => {
    assert.deepEqual(reviewFlags({ submittedAt: arrivedAt + MAX_CLOCK_AHEAD_MS, arrivedAt, suspect: false }), []);
    assert.deepEqual(reviewFlags({ submittedAt: arrivedAt + MAX_CLOCK_AHEAD_MS + 1, arrivedAt, suspect: false }), [
      'clock-ahead',
    ]);
    assert.deepEqual(reviewFlags({ submittedAt: arrivedAt - MAX_CLOCK_BEHIND_MS, arrivedAt, suspect: false }), []);
    assert.deepEqual(reviewFlags({ submittedAt: arrivedAt - MAX_CLOCK_BEHIND_MS - 1, arrivedAt, suspect: false }), [
      'clock-behind',
    ]);
    assert.equal(MAX_CLOCK_BEHIND_MS, 7 * 24 * 3_600_000 + 300_000);
  });

  it('checks the window on the submit time, inclusive at both ends', () => {
    const window = { opensAt: arrivedAt - 1000, closesAt: arrivedAt + 1000, arrivedAt, suspect: false };
    assert.deepEqual(reviewFlags({ ...window, submittedAt: window.opensAt }), []);
    assert.deepEqual(reviewFlags({ ...window, submittedAt: window.closesAt }), []);
    assert.deepEqual(reviewFlags({ ...window, submittedAt: window.opensAt - 1 }), ['before-window']);
    assert.deepEqual(reviewFlags({ ...window, submittedAt: window.closesAt + 1 }), ['after-window']);
  });
});
