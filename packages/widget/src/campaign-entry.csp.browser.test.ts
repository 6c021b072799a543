// The BUILT script-tag bundle (dist/campaign-entry.js, made by `pnpm build`) on a page served with a strict
// Content-Security-Policy: the page (src/testing/csp.html) loads in an iframe, a probe script records every
// `securitypolicyviolation`, and the test fills in and submits the form inside it. The AWS chunk must load by its
// relative URL under `script-src 'self'`. The iframe is not one of msw's clients, so its AWS calls really go out and
// fail here (no network): the entry ends saved on the device, which is the point of storage before network.

import { until } from '@campaign-entry/sdk/testing';
import { expect } from '@open-wc/testing';
import type { CampaignEntry } from './campaign-entry.component.js';

type ProbedWindow = Window & { cspViolations?: string[] };

async function loadPage(): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.src = new URL('./testing/csp.html', import.meta.url).href;
  frame.width = '360';
  frame.height = '800';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

describe('<campaign-entry> from dist/ under a strict Content-Security-Policy', () => {
  it('renders, loads its AWS chunk and saves an entry without a single CSP violation', async () => {
    const bundle = await fetch(new URL('../dist/campaign-entry.js', import.meta.url));
    expect(bundle.ok, 'dist/campaign-entry.js is missing: run `pnpm --filter @campaign-entry/widget build`').to.equal(
      true,
    );
    const frame = await loadPage();
    const page = frame.contentWindow as ProbedWindow;
    expect(page.cspViolations, 'the probe script ran').to.be.an('array');
    const el = frame.contentDocument?.querySelector('campaign-entry') as CampaignEntry;
    await until(() => el.shadowRoot?.querySelector('form') !== null, 'the form');
    const root = el.shadowRoot as ShadowRoot;
    const input = (id: string) => root.querySelector(`#${id}`) as HTMLInputElement;
    for (const [id, value] of [
      ['name', 'Grace Hopper'],
      ['email', 'grace@example.com'],
      ['bday-month', '12'],
      ['bday-day', '09'],
      ['bday-year', '1906'],
    ] as const) {
      input(id).focus();
      input(id).value = value;
      input(id).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    input('consent').click();
    // Styles come from adopted constructable stylesheets, which the policy allows: the button is really styled.
    expect(page.getComputedStyle(root.querySelector('button') as HTMLElement).minHeight).to.equal('48px');
    (root.querySelector('button') as HTMLButtonElement).click();
    await until(() => el.state === 'queued' || el.state === 'delivered', 'the entry to be kept');
    const chunks = page.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname.split('/').pop() ?? '');
    expect(chunks.some((name) => /^aws-[\w-]+\.js$/u.test(name))).to.equal(true);
    expect(page.cspViolations).to.deep.equal([]);
    frame.remove();
  });
});
