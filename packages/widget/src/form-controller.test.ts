// The controller without a DOM: a page-made SDK client over the in-memory transport and store, outcomes and updates
// read as data.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { type CampaignClient, createCampaignClient } from '@campaign-entry/sdk';
import type { UnsentForm } from '@campaign-entry/sdk/stash';
import {
  createMemoryStore,
  createMemoryTransport,
  type MemoryTransportBehaviour,
  until,
} from '@campaign-entry/sdk/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type ClientNews, FormController, type ShowContext } from './form-controller.js';
import type { View } from './form-state.js';
import { en } from './strings/en.js';

const clients: CampaignClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
});

/** A host that only counts its controllers (the controller never needs more). */
function host(): ReactiveControllerHost & { controllers: ReactiveController[] } {
  const controllers: ReactiveController[] = [];
  return {
    controllers,
    addController: (controller) => controllers.push(controller),
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  };
}

function setup(behaviour?: MemoryTransportBehaviour, fields = 'name,email', receiptTimeoutMs = 3000) {
  const client = createCampaignClient({
    region: 'us-east-1',
    identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000',
    deliveryStreams: 'entries-0',
    campaignId: 'controller-test',
    transport: createMemoryTransport(behaviour),
    storage: createMemoryStore(),
    watchPage: false,
    receiptTimeoutMs,
  });
  clients.push(client);
  const news: ClientNews[] = [];
  const controller = new FormController(host(), (item) => news.push(item));
  const spec = { fields: fields.split(',') as ('name' | 'email' | 'birth-date')[], minAge: 21 };
  const problems = controller.connect({ client, locale: 'en', spec });
  return { controller, news, problems };
}

let ids = 0;
function form(fields: Record<string, string>, rules = true): UnsentForm {
  const entryId = `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
  return { entryId, input: { fields, consent: { rules } }, fillMs: 5000, suspect: false, locale: 'en' };
}

const ada = { name: 'Ada Lovelace', email: 'ada@example.com' };
const view = (): View => ({
  phase: 'sending',
  announcement: '',
  issues: new Map(),
  typed: new Set(),
});
const context = (entryId: string, overrides: Partial<ShowContext> = {}): ShowContext => ({
  entryId,
  view: view(),
  t: en,
  automatic: false,
  focused: true,
  ...overrides,
});

describe('FormController', () => {
  it('attaches to its host and has no problems with a usable client', () => {
    const target = host();
    const controller = new FormController(target, () => {});
    assert.deepEqual(target.controllers, [controller]);
    assert.deepEqual(setup().problems, []);
  });

  it('returns the configuration problems when no client can be made, and submits nothing', async () => {
    const controller = new FormController(host(), () => {});
    const problems = controller.connect({
      region: 'moon-1',
      campaignId: 'x',
      locale: 'en',
      spec: { fields: ['name'] },
    });
    assert.match(problems.join(' '), /region "moon-1"/u);
    const entry = form({ name: 'Ada' });
    assert.deepEqual(await controller.submit(entry), { status: 'misconfigured', entryId: entry.entryId });
    const original = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => logged.push(...args);
    try {
      const update = await controller.misconfiguration([...problems, 'rules-url', 'time-zone']);
      assert.equal(update.event?.[0], 'campaign-entry-error');
      const message = String(logged[0]);
      assert.match(message, /region "moon-1"/u);
      assert.match(message, /rules-url is missing: the official rules must be linked/u);
      assert.match(message, /time-zone must be an IANA time zone/u);
      assert.deepEqual(await controller.misconfiguration([]), {});
    } finally {
      console.error = original;
    }
  });

  it('names an unknown time zone as a problem (the links are checked in the browser tests: they need a location)', () => {
    const { controller } = setup();
    const options = { client: clients.at(-1), locale: 'en', spec: { fields: ['name' as const] } };
    assert.deepEqual(controller.connect({ ...options, timeZone: 'Mars/Olympus' }), ['time-zone']);
    assert.deepEqual(controller.connect({ ...options, timeZone: 'America/New_York' }), []);
  });

  it('answers delivered with the id only, and keeps the record Firehose acknowledged for the element', async () => {
    const { controller } = setup();
    const entry = form(ada);
    const outcome = await controller.submit(entry);
    assert.deepEqual(outcome, { status: 'delivered', entryId: entry.entryId });
    assert.equal(controller.record?.entryId, entry.entryId);
    assert.equal(controller.record?.fields.email, 'ada@example.com');
  });

  it('never reports the age before submit: an under-age date passes the field check, the submit says ineligible', async () => {
    const { controller } = setup(undefined, 'name,email,birth-date');
    const young = { ...ada, 'birth-date': '2015-05-05' };
    assert.equal(controller.check('birth-date', { fields: young, consent: { rules: true } }), undefined);
    assert.equal(
      controller.check('birth-date', { fields: { ...young, 'birth-date': '2015-13-45' }, consent: { rules: true } })
        ?.code,
      'invalid-date',
    );
    const outcome = await controller.submit(form(young));
    assert.equal(outcome.status, 'ineligible');
    assert.equal(controller.record, undefined, 'nothing stored');
    const update = controller.show(
      outcome,
      context(outcome.entryId, { view: { ...view(), announcement: en.sending } }),
    );
    assert.deepEqual(update.view, { phase: 'ineligible', announcement: '' });
  });

  it('answers invalid with every issue, and ineligible for an under-age entrant', async () => {
    const { controller } = setup();
    const invalid = await controller.submit(form({ name: '', email: 'nope' }, false));
    assert.equal(invalid.status, 'invalid');
    assert.deepEqual(invalid.status === 'invalid' && invalid.issues.map((issue) => [issue.field, issue.code]), [
      ['name', 'required'],
      ['email', 'invalid-format'],
      ['consent', 'consent-required'],
    ]);
    const young = setup(undefined, 'name,email,birth-date').controller;
    const year = new Date().getUTCFullYear() - 10;
    const outcome = await young.submit(form({ ...ada, 'birth-date': `${year}-01-01` }));
    assert.equal(outcome.status, 'ineligible');
    assert.equal(outcome.status === 'ineligible' && outcome.issues[0]?.limit, 21);
  });

  it('answers queued when Firehose is slow, and reports the delivery later', async () => {
    let answer: () => void = () => {};
    const slow = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const { controller, news } = setup(
      async (_stream, lines) => {
        await slow;
        return lines.map((_, index) => ({ ok: true as const, recordId: `r${index}` }));
      },
      undefined,
      50,
    );
    const entry = form(ada);
    const outcome = await controller.submit(entry);
    assert.equal(outcome.status, 'queued');
    assert.equal(outcome.status === 'queued' && outcome.storage, 'memory');
    answer();
    await until(() => news.some((item) => item.status === 'delivered'), 'the delivery news');
    // Said by the receipt and by the client's event: show() changes nothing the second time.
    assert.ok(news.every((item) => item.status === 'delivered' && item.entryId === entry.entryId));
  });

  it('answers failed, nothing stored, when the client refuses the entry', async () => {
    const { controller } = setup();
    clients[0]?.dispose();
    const outcome = await controller.submit(form(ada));
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.status === 'failed' && outcome.stored, false);
  });

  it('checks nothing before a refused submit, then one field at a time: what was typed in or shows a message', () => {
    const { controller } = setup();
    const input = { fields: { name: '', email: 'ada@example.com' }, consent: { rules: false } };
    assert.equal(controller.check('name', input)?.code, 'required');
    assert.equal(controller.check('email', input), undefined);
    const read = () => input;
    const untouched = controller.checked({ typed: false, name: 'name', next: 'email' }, view(), read);
    assert.equal(untouched.view?.issues, undefined, 'an untouched field is not nagged about');
    const typed = controller.checked({ typed: true, name: 'name', next: undefined }, view(), read);
    const typedSet = typed.view?.typed ?? new Set();
    const before = controller.checked(
      { typed: false, name: 'name', next: 'email' },
      { ...view(), typed: typedSet },
      read,
    );
    assert.equal(before.view?.issues, undefined, 'no message moves the form before the first submit');
    const refused = new Map([['consent', { field: 'consent', code: 'consent-required', message: 'x' }]] as const);
    const left = controller.checked(
      { typed: false, name: 'name', next: 'email' },
      { ...view(), typed: typedSet, issues: new Map(refused) },
      read,
    );
    assert.equal(left.view?.issues?.get('name')?.code, 'required');
    assert.deepEqual(controller.checked({ typed: true, name: 'marketing', next: undefined }, view(), read), {});
  });

  it('words issues and summaries with the copy, field message first', () => {
    const { controller } = setup();
    const issue = { field: 'email', code: 'invalid-format', message: 'x' } as const;
    assert.equal(controller.message(en, issue), en['email.invalid-format']);
    assert.equal(
      controller.message(en, { field: 'name', code: 'too-long', message: 'x', limit: 100 }),
      'Use 100 characters or fewer.',
    );
    assert.equal(controller.message(en, undefined), '');
    assert.equal(
      controller.summary(en, [issue, { field: 'consent', code: 'consent-required', message: 'x' }]),
      'Please check: Email, official rules.',
    );
  });

  it('turns outcomes into updates the element applies: state, event, focus', () => {
    const { controller } = setup();
    const delivered = controller.show({ status: 'delivered', entryId: 'e1' }, context('e1'));
    assert.equal(delivered.view?.phase, 'delivered');
    assert.equal(delivered.event?.[0], 'campaign-entry-delivered');
    assert.equal(delivered.focus, 'heading');
    const unseen = controller.show(
      { status: 'delivered', entryId: 'e1' },
      context('e1', { automatic: true, focused: false }),
    );
    assert.equal(unseen.view?.announcement, en.deliveredTitle, 'announced when focus is elsewhere');
    assert.equal(unseen.focus, undefined);
    assert.deepEqual(controller.show({ status: 'delivered', entryId: 'other' }, context('e1')), {});
    const issues = [{ field: 'name', code: 'required', message: 'x' }] as const;
    const invalid = controller.show({ status: 'invalid', entryId: 'e1', issues }, context('e1'));
    assert.equal(invalid.view?.phase, 'ready');
    assert.equal(invalid.view?.announcement, 'Please check: Full name.');
    assert.equal(invalid.focus, 'issue');
    const again = controller.show(
      { status: 'invalid', entryId: 'e1', issues },
      context('e1', { view: { ...view(), announcement: 'Please check: Full name.' } }),
    );
    assert.equal(again.view?.announcement, 'Please check: Full name.\u00a0', 'the same summary is announced again');
    const earlier = controller.show(
      { status: 'earlier-sending' },
      context('', { entryId: undefined, view: { ...view(), phase: 'ready' } }),
    );
    assert.equal(earlier.view?.announcement, en.earlierSending);
  });

  it('replaces a stale "still being sent" once the earlier entry landed, even above a form being filled in', () => {
    const { controller } = setup();
    const filling = { ...view(), phase: 'ready' } as const;
    const landed = controller.show(
      { status: 'earlier-delivered' },
      context('e2', { view: { ...filling, announcement: en.earlierSending } }),
    );
    assert.equal(landed.view?.announcement, en.earlierDelivered);
    const other = { ...filling, announcement: 'Please check: Full name.' };
    assert.deepEqual(controller.show({ status: 'earlier-delivered' }, context('e2', { view: other })), {});
  });
});
