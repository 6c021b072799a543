// <campaign-entry> on a page that is not a secure context (served over plain HTTP from a non-local address). Its own
// page: browsers never change `isSecureContext` while a page lives, and engines may rely on that once code has run.
import { expect } from '@open-wc/testing';
import type { CampaignEntryErrorEvent } from './events/campaign-entry-error.js';
import { entryForm, textOf, until } from './testing/harness.js';

describe('<campaign-entry> on a page served over plain HTTP', () => {
  const own = Object.getOwnPropertyDescriptor(window, 'isSecureContext');

  before(() => Object.defineProperty(window, 'isSecureContext', { configurable: true, value: false }));

  after(() => {
    if (own) Object.defineProperty(window, 'isSecureContext', own);
    else delete (window as { isSecureContext?: boolean }).isSecureContext;
  });

  it('says it needs HTTPS instead of showing a form that could not send, and fires campaign-entry-error', async () => {
    // Signing entries needs WebCrypto, which browsers give to secure contexts only (HTTPS, or localhost).
    const errors: CampaignEntryErrorEvent[] = [];
    const el = await entryForm({ onError: (event) => errors.push(event) });
    await until(() => el.state === 'misconfigured', 'the configuration panel');
    // The panel shows at once; the event comes with the behaviour chunk, which reports every problem in one event.
    await until(() => errors.length > 0, 'the configuration error event');
    expect(el.getAttribute('state')).to.equal('misconfigured');
    expect(el.shadowRoot?.querySelector('form')).to.equal(null);
    expect(textOf(el)).to.contain('Entries are unavailable right now');
    expect(errors.map((event) => event.detail.error.code)).to.deep.equal(['invalid-config']);
    expect(errors[0]?.detail.error.message).to.contain('secure context (HTTPS)');
    await expect(el).to.be.accessible();
  });
});
