import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FieldSpec } from './fields.js';
import { countryProblem } from './postal-codes.js';
import { type EntryInput, validateEntry, validateField } from './validate.js';

const NOW = Date.UTC(2027, 1, 14, 1, 0, 0); // 2027-02-14, game night
const ALL: FieldSpec = { fields: ['name', 'email', 'phone', 'postal-code', 'birth-date'] };

function entry(fields: EntryInput['fields'], rules = true): EntryInput {
  return { fields, consent: { rules, marketing: false } };
}

function codeFor(name: Parameters<typeof validateField>[0], value: string, spec: FieldSpec = ALL) {
  const result = validateField(name, value, spec, NOW);
  return result.success ? 'ok' : result.issue.code;
}

describe('validateEntry', () => {
  it('accepts a complete entry and normalizes it', () => {
    const result = validateEntry(
      entry({
        name: '  Ada   Lovelace ',
        email: 'Ada.Lovelace@Example.COM',
        phone: '+1 (555) 010-9999',
        'postal-code': 'sw1a 1aa',
        'birth-date': '1990-05-01',
      }),
      ALL,
      NOW,
    );
    assert.ok(result.success);
    assert.deepEqual(result.output.fields, {
      name: 'Ada Lovelace',
      email: 'Ada.Lovelace@example.com',
      phone: '+15550109999',
      'postal-code': 'SW1A 1AA',
      'birth-date': '1990-05-01',
    });
    assert.deepEqual(result.output.consent, { rules: true, marketing: false });
  });

  it('lists every issue at once, in form order, with the consent last', () => {
    const result = validateEntry(entry({ name: '', email: 'nope' }, false), { fields: ['name', 'email'] }, NOW);
    assert.ok(!result.success);
    assert.deepEqual(
      result.issues.map((issue) => [issue.field, issue.code]),
      [
        ['name', 'required'],
        ['email', 'invalid-format'],
        ['consent', 'consent-required'],
      ],
    );
  });

  it('refuses fields the campaign did not ask for instead of dropping them silently', () => {
    const result = validateEntry(
      entry({ name: 'Ada', email: 'a@b.co', phone: '5550100' }),
      { fields: ['name', 'email'] },
      NOW,
    );
    assert.ok(!result.success);
    assert.deepEqual(
      result.issues.map((issue) => [issue.field, issue.code]),
      [['phone', 'not-asked']],
    );
    const unknown = validateEntry(
      entry({ name: 'Ada', email: 'a@b.co', shoeSize: '9' }),
      { fields: ['name', 'email'] },
      NOW,
    );
    assert.ok(!unknown.success);
    assert.equal(unknown.issues[0].field, 'record');
  });

  it('normalizes to NFC so the same name typed two ways is stored the same', () => {
    const decomposed = 'Jose\u0301';
    const result = validateField('name', decomposed, ALL, NOW);
    assert.ok(result.success);
    assert.equal(result.output, 'Jos\u00e9');
  });

  it('never throws on hostile values', () => {
    for (const value of [null, undefined, '', ' ', '\u0000', '\ud800', 'a'.repeat(100_000)]) {
      validateEntry(entry({ name: value, email: value }), { fields: ['name', 'email'] }, NOW);
    }
  });
});

describe('validateField: names', () => {
  it('refuses markup so nothing downstream can be tricked into rendering HTML', () => {
    assert.equal(codeFor('name', '<script>alert(1)</script>'), 'invalid-characters');
    assert.equal(codeFor('name', 'Ada <b>Lovelace</b>'), 'invalid-characters');
    assert.equal(codeFor('name', '<img src=x onerror=alert(1)>'), 'invalid-characters');
  });

  it('refuses values a spreadsheet would run as a formula', () => {
    assert.equal(codeFor('name', '=HYPERLINK("http://x","click")'), 'formula');
    assert.equal(codeFor('name', "+cmd|' /C calc'!A0"), 'formula');
    assert.equal(codeFor('name', '@SUM(1+1)'), 'formula');
    assert.equal(codeFor('name', '-2+3'), 'formula');
    assert.equal(codeFor('name', '\uff1d1+1'), 'formula');
  });

  it('refuses control and invisible direction characters', () => {
    assert.equal(codeFor('name', 'Ada\u0007Lovelace'), 'invalid-characters');
    assert.equal(codeFor('name', 'Ada\u202eecalevoL'), 'invalid-characters');
    assert.equal(codeFor('name', 'Ada\tLovelace'), 'invalid-characters');
    assert.equal(codeFor('name', 'Ada\ud800'), 'invalid-characters');
  });

  it('accepts real names from many scripts', () => {
    for (const name of [
      "Seán O'Brien",
      'Zoë Saldaña-Nazario',
      '王小明',
      'Ngọc Trâm',
      'Ahmad Al-Farsi',
      'J.R.R. Tolkien',
      'Ольга',
    ]) {
      assert.equal(codeFor('name', name), 'ok', name);
    }
  });

  it('needs at least one letter and at most 100 characters', () => {
    assert.equal(codeFor('name', '12345'), 'invalid-format');
    assert.equal(codeFor('name', 'a'.repeat(101)), 'too-long');
    assert.equal(codeFor('name', `${'😀'.repeat(100)}a`), 'too-long');
    assert.equal(codeFor('name', 'a'.repeat(100)), 'ok');
  });
});

describe('validateField: email, phone, postal code', () => {
  it('checks email sensibly', () => {
    for (const ok of ['ada@example.com', 'a.b+tag@sub.example.co.uk', 'josé@exämple.de', 'x@xn--bcher-kva.example']) {
      assert.equal(codeFor('email', ok), 'ok', ok);
    }
    for (const bad of [
      'ada',
      'ada@',
      '@example.com',
      'ada@example',
      'ada@@example.com',
      'a..b@example.com',
      'ada@-example.com',
      'ada@example.c',
      'a b@example.com',
      'ada@exa_mple.com',
      '"><script>@x.com',
    ]) {
      assert.equal(codeFor('email', bad), 'invalid-format', bad);
    }
    assert.equal(codeFor('email', '=1+1@example.com'), 'formula');
    assert.equal(codeFor('email', `${'a'.repeat(65)}@example.com`), 'invalid-format');
  });

  it('keeps phone digits and a leading plus', () => {
    const result = validateField('phone', '(555) 010-9999', ALL, NOW);
    assert.ok(result.success);
    assert.equal(result.output, '5550109999');
    assert.equal(codeFor('phone', '555-CALL-NOW'), 'invalid-format');
    assert.equal(codeFor('phone', '12345'), 'invalid-format');
    assert.equal(codeFor('phone', '1234567890123456'), 'invalid-format');
    assert.equal(codeFor('phone', '55+5 0100 999'), 'invalid-format');
  });

  it('accepts postal codes of several countries and uppercases them', () => {
    for (const ok of ['94110', '94110-1234', 'SW1A 1AA', 'k1a 0b1', '28013', '1010'])
      assert.equal(codeFor('postal-code', ok), 'ok', ok);
    for (const bad of ['1', '=1+2', '941 10 123 45', '9411$']) assert.notEqual(codeFor('postal-code', bad), 'ok', bad);
  });

  it('takes only ZIP codes (5 or 9 digits) when the campaign is in the US', () => {
    const us: FieldSpec = { fields: ['postal-code'], country: 'US' };
    const code = (value: string) => {
      const result = validateField('postal-code', value, us, NOW);
      return result.success ? 'ok' : result.issue.code;
    };
    for (const ok of ['90210', '90210-1234', ' 02134 ']) assert.equal(code(ok), 'ok', ok);
    for (const bad of ['ABC', 'SW1A 1AA', '9021', '902101', '90210-12', '90210 1234', 'k1a 0b1'])
      assert.equal(code(bad), 'invalid-format', bad);
  });

  it('names an unsupported country as a problem, and none for US or unset', () => {
    assert.equal(countryProblem('US'), undefined);
    assert.equal(countryProblem(undefined), undefined);
    assert.match(countryProblem('constructor') ?? '', /country "constructor" is not supported \(use US\)/u);
  });
});

describe('validateField: birth date and age', () => {
  it('refuses entrants under the minimum age, counting birthdays on the UTC date', () => {
    assert.equal(codeFor('birth-date', '2006-02-14'), 'ok'); // 21 today
    assert.equal(codeFor('birth-date', '2006-02-15'), 'under-age'); // 21 tomorrow
    const result = validateField('birth-date', '2010-01-01', ALL, NOW);
    assert.ok(!result.success);
    assert.equal(result.issue.limit, 21);
  });

  it('uses the campaign minimum age when given', () => {
    assert.equal(codeFor('birth-date', '2008-01-01', { fields: ['birth-date'], minAge: 18 }), 'ok');
    assert.equal(codeFor('birth-date', '2008-01-01', { fields: ['birth-date'], minAge: 21 }), 'under-age');
  });

  it('refuses impossible and future dates', () => {
    for (const bad of ['2001-02-29', '1990-13-01', '1990-00-10', '1899-12-31', '2030-01-01'])
      assert.equal(codeFor('birth-date', bad), 'invalid-date', bad);
    for (const bad of ['01/02/1990', '1990-1-1', 'yesterday'])
      assert.equal(codeFor('birth-date', bad), 'invalid-format', bad);
    assert.equal(codeFor('birth-date', '2000-02-29'), 'ok');
  });
});
