import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { offeredLocales } from './language-switch.js';

describe('language switch', () => {
  it('reads the offered languages from a comma list, supported ones only, in order, once each', () => {
    assert.deepEqual(offeredLocales('en,es'), ['en', 'es']);
    assert.deepEqual(offeredLocales(' es-US , fr, EN, es'), ['es', 'en']);
    assert.deepEqual(offeredLocales(undefined), []);
  });
});
