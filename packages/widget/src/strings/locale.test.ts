import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from './en.js';
import { enIssues } from './en-issues.js';
import { enMessages } from './en-messages.js';
import { enWindow } from './en-window.js';
import { es } from './es.js';
import { completeEnglish, loadedStrings, loadStrings, pickLocale } from './locale.js';
import { format } from './strings.js';

describe('locale', () => {
  it('takes the first supported language: attribute, then page, then browser, else English', () => {
    assert.equal(pickLocale(['es', 'en']), 'es');
    assert.equal(pickLocale([undefined, 'es-MX', 'en-US']), 'es');
    assert.equal(pickLocale(['fr', null, 'ES_es']), 'es');
    assert.equal(pickLocale(['fr', 'de-DE']), 'en');
    assert.equal(pickLocale([]), 'en');
  });

  it('loads the Spanish copy on demand', async () => {
    assert.equal(await loadStrings('es'), es);
  });

  it('starts English with the form copy and completes it as the behaviour and a refused submit bring theirs', async () => {
    assert.equal((await loadStrings('en')).submit, en.submit);
    assert.equal(loadedStrings('en')?.deliveredTitle, undefined, 'outcomes are not in the first file');
    assert.equal(loadedStrings('en')?.closedTitle, undefined, 'nor the closed panel (window-panel.ts brings it)');
    completeEnglish(enMessages);
    assert.equal(loadedStrings('en')?.required, undefined, 'each problem comes with a refused submit');
    completeEnglish(enIssues);
    const english = await loadStrings('en');
    assert.equal(english.closedTitle, undefined);
    assert.deepEqual({ ...english, ...enWindow }, en);
  });

  it('has every text in both languages, with the same placeholders', () => {
    assert.deepEqual(Object.keys(es).sort(), Object.keys(en).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{[\w-]+\}/gu)].map((match) => match[0]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      assert.deepEqual(placeholders(es[key]), placeholders(en[key]), key);
    }
  });

  it('fills placeholders and leaves unknown ones', () => {
    assert.equal(format('Use {limit} characters {x}.', { limit: 100 }), 'Use 100 characters {x}.');
  });
});

describe('offered languages', () => {
  it('picks among the languages a campaign offers, else its first', () => {
    assert.equal(pickLocale(['fr-FR', 'es-MX', 'en'], ['en', 'es']), 'es');
    assert.equal(pickLocale(['fr-FR'], ['es', 'en']), 'es');
    assert.equal(pickLocale(['es'], ['en']), 'en');
  });
});
