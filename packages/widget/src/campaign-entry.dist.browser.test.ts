// The BUILT script-tag bundle (dist/campaign-entry.js, made by `pnpm build`) in this page, against the emulator behind
// msw: what a phone runs, including the AWS SDK code the build leaves out (packages/sdk/build/unreachable-aws-code.mjs). The
// emulator verifies every SigV4 signature, so a delivered entry shows signing, credentials and endpoints still work.
// (campaign-entry.offline.browser.test.ts covers the same bundle when its lazy chunk cannot be fetched.)
import { expect } from '@open-wc/testing';
import { type BundlePage, enter, entryForm, loadBundle, records, until } from './testing/built-bundle.js';

/** The bundle's files this page fetched. */
function fetchedChunks(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.includes('/widget/dist/'))
    .map((path) => path.split('/').pop() ?? '');
}

describe('<campaign-entry> from dist/, against the emulator', () => {
  let page: BundlePage;

  before(async () => {
    page = await loadBundle();
  });

  after(() => page.worker.stop());

  it('delivers a signed entry and fetches only the chunks an English entrant needs', async () => {
    const before = page.emulator.records().length;
    const el = await entryForm();
    enter(el);
    await until(() => el.state === 'delivered', 'the delivered state');
    const [record] = records(page.emulator).slice(before);
    expect(record?.entryId).to.equal(el.entryId);
    expect(record?.fields).to.deep.equal({ name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(page.emulator.stats().cognito.getCredentials).to.be.greaterThan(0);
    const chunks = fetchedChunks();
    expect(chunks).to.include('campaign-entry.js');
    expect(chunks.some((name) => /^form-controller-[\w-]+\.js$/u.test(name))).to.equal(true);
    expect(chunks.some((name) => /^aws-[\w-]+\.js$/u.test(name))).to.equal(true);
    expect(chunks.filter((name) => /^(?:event-streams|es)-/u.test(name))).to.deep.equal([]);
    el.remove();
  });
});
