import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_ENTRANT_KEY_POLICY, entrantKeyForEntry, entrantKeyOf } from './entrant-key.js';

describe('entrantKeyOf', () => {
  it('makes Gmail dot, googlemail, +tag, case, space and NFKC variants one entrant', () => {
    const variants = [
      'john@gmail.com',
      'j.ohn@gmail.com',
      'J.O.H.N@Gmail.com',
      ' john+promo@googlemail.com ',
      'jo.hn+1@GOOGLEMAIL.COM',
      'ｊｏｈｎ@ｇｍａｉｌ.ｃｏｍ', // full-width forms, folded by NFKC
      'john@gmail.com.',
    ];
    for (const email of variants) assert.equal(entrantKeyOf(email), 'john@gmail.com', email);
  });

  it('keeps dots where the provider does not ignore them, and removes +tags everywhere', () => {
    assert.equal(entrantKeyOf('Vic.Tim+x@Example.com'), 'vic.tim@example.com');
    assert.notEqual(entrantKeyOf('vic.tim@example.com'), entrantKeyOf('victim@example.com'));
  });

  it('case-folds beyond lower-casing and writes domains in ASCII', () => {
    assert.equal(entrantKeyOf('STRASSE@example.com'), entrantKeyOf('straße@example.com'));
    assert.equal(entrantKeyOf('ada@Bücher.de'), 'ada@xn--bcher-kva.de');
  });

  it('follows a campaign’s own policy table', () => {
    const policy = {
      ...DEFAULT_ENTRANT_KEY_POLICY,
      domains: { ...DEFAULT_ENTRANT_KEY_POLICY.domains, 'corp.example': { dropDots: true, aliasOf: 'example.com' } },
    };
    assert.equal(entrantKeyOf('a.da@corp.example', policy), 'a.da@example.com');
    assert.equal(entrantKeyOf('j.ohn@gmail.com', { domains: {}, tagSeparator: '+' }), 'j.ohn@gmail.com');
  });

  it('has no key for what is not an address; such an entry is its own entrant', () => {
    for (const email of [undefined, null, '', 'no-at', '@example.com', 'ada@']) {
      assert.equal(entrantKeyOf(email), undefined, String(email));
    }
    assert.equal(entrantKeyForEntry('e1', 'nope'), 'entry:e1');
    assert.equal(entrantKeyForEntry('e1', 'A+b@x.org'), 'a@x.org');
  });
});
