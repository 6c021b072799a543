import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { suggestEmail } from './email-typo.js';

describe('email typo suggestions', () => {
  it('suggests the common domain a typo was meant to be', () => {
    assert.equal(suggestEmail('ada@gmial.con'), 'ada@gmail.com');
    assert.equal(suggestEmail('ada@hotmial.com'), 'ada@hotmail.com');
    assert.equal(suggestEmail('Ada.L@yaho.com'), 'Ada.L@yahoo.com');
    assert.equal(suggestEmail('ada@outlok.com'), 'ada@outlook.com');
    assert.equal(suggestEmail(' ada@icloud.co '), 'ada@icloud.com');
    assert.equal(suggestEmail('ada@GMAIL.CON'), 'ada@gmail.com');
  });

  it('leaves right, unknown and unfinished addresses alone', () => {
    for (const email of [
      'ada@gmail.com',
      'ada@mail.com',
      'ada@me.com',
      'ada@example.org',
      'ada@gm',
      'ada@',
      '',
      undefined,
    ])
      assert.equal(suggestEmail(email), undefined, String(email));
  });
});
