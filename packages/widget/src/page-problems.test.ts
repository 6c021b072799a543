import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemText } from './page-problems.js';

describe('configuration problems in words', () => {
  it('words each problem the element keeps by name, naming the attribute and never its value', () => {
    assert.equal(problemText('rules-url'), 'rules-url is missing: the official rules must be linked');
    assert.match(problemText('opens-at'), /^opens-at is not an ISO date-time with a time zone/u);
    assert.equal(problemText('window'), 'closes-at must be later than opens-at');
    assert.equal(problemText('privacy-link'), 'privacy-url must be an http(s) or relative URL');
    assert.match(problemText('time-zone'), /^time-zone must be an IANA time zone/u);
    assert.equal(
      problemText('fields:mobile, age'),
      'fields names mobile, age: use name, email, phone, postal-code, birth-date',
    );
  });

  it("passes the SDK client's own problems through as they are", () => {
    assert.equal(problemText('region "moon-1" is not an AWS region'), 'region "moon-1" is not an AWS region');
  });
});
