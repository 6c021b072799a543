// What an entrant reads and sees beyond the form itself (issue 14): times with their zones, the receipt, offline said at
// once, links that say they open a new tab, readable colours on a page's own accent, forced colours and 200 % text.
import { expect } from '@open-wc/testing';
import type { CampaignEntry } from './campaign-entry.component.js';
import type { CampaignEntryErrorEvent } from './events/campaign-entry-error.js';
import { entryForm, fillIn, part, refuseOnce, textOf, tick, until, useEmulator } from './testing/harness.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** The short name of the time zone `timeZone` (the device's by default) at `at`, as Intl writes it (`EST`, `GMT+9`). */
function zoneName(at: number, timeZone?: string): string {
  const format = new Intl.DateTimeFormat('en', { timeZoneName: 'short', ...(timeZone ? { timeZone } : {}) });
  return format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** A CSS colour as the sRGB pixel it paints (computed colours may keep another colour space). */
function painted(color: string): number[] {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
}

/** WCAG 2's contrast ratio of two sRGB colours. */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) => {
    const [r = 0, g = 0, bl = 0] = rgb.map((channel) => {
      const c = channel / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

async function fillValid(el: CampaignEntry): Promise<void> {
  await fillIn(el, 'name', 'Ada Lovelace');
  await fillIn(el, 'email', 'ada@example.com');
  await tick(el, 'consent');
}

describe('<campaign-entry> telling the truth and what comes next', () => {
  it("says when entries open in the campaign's time zone, and in the entrant's own when it differs", async () => {
    const opensAt = Date.UTC(2099, 1, 14, 23, 30);
    const el = await entryForm({ opensAt: new Date(opensAt).toISOString(), timeZone: 'Asia/Tokyo' });
    await until(() => textOf(el).includes('Entries open on'), 'the not-open panel');
    expect(textOf(el)).to.contain(zoneName(opensAt, 'Asia/Tokyo'));
    if (zoneName(opensAt) !== zoneName(opensAt, 'Asia/Tokyo')) {
      expect(textOf(el)).to.contain(`${zoneName(opensAt)} your time)`);
    }
    await expect(el).to.be.accessible();
  });

  it('says when entries closed, with the time zone', async () => {
    const closesAt = Date.now() - 60_000;
    const el = await entryForm({ closesAt: new Date(closesAt).toISOString(), timeZone: 'America/New_York' });
    await until(() => textOf(el).includes('Entries closed on'), 'the closed panel');
    expect(textOf(el)).to.contain(zoneName(closesAt, 'America/New_York'));
  });

  it('tells the developer, not the entrant, about a time zone Intl does not know', async () => {
    const errors: CampaignEntryErrorEvent[] = [];
    const original = console.error;
    console.error = () => {};
    cleanups.push(() => {
      console.error = original;
    });
    const el = await entryForm({ timeZone: 'Mars/Olympus', onError: (event) => errors.push(event) });
    await until(() => errors.length > 0, 'the configuration error event');
    expect(el.state).to.equal('misconfigured');
    expect(errors[0]?.detail.error.message).to.contain('time-zone must be an IANA time zone');
    expect(textOf(el)).to.contain('Entries are unavailable right now');
    expect(textOf(el)).to.not.contain('Mars');
  });

  it('repeats the e-mail address and says what happens next once the entry is in', async () => {
    await useEmulator();
    const nextSteps = 'The winner is drawn on February 20 and contacted by email.';
    const el = await entryForm({ nextSteps });
    await fillValid(el);
    part(el, 'button[type=submit]').click();
    await until(() => el.state === 'delivered', 'the delivered state');
    expect(textOf(el)).to.contain('Entered with ada@example.com.');
    expect(textOf(el)).to.contain(nextSteps);
    await expect(el).to.be.accessible();
  });

  it('says at once that the phone is offline and the entry is saved, then that it is in once back online', async () => {
    const emulator = await useEmulator({ faults: { offline: true } });
    const el = await entryForm();
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    const online = () => Reflect.deleteProperty(navigator, 'onLine');
    cleanups.push(online);
    await fillValid(el);
    part(el, 'button[type=submit]').click();
    await until(() => el.state === 'queued', 'the queued state');
    expect(textOf(el)).to.contain('This phone is offline: your entry is stored on this phone');
    expect(textOf(el)).to.contain('Entered with ada@example.com.');
    online();
    emulator.setFaults({ offline: false });
    window.dispatchEvent(new Event('online'));
    await until(() => el.state === 'delivered', 'the switch to delivered');
  });
});

describe('<campaign-entry> readable for everyone', () => {
  it('says, to screen readers, that the rules and privacy links open a new tab', async () => {
    const el = await entryForm();
    const links = [...(el.shadowRoot?.querySelectorAll('label[for=consent] a') ?? [])];
    expect(links.map((link) => link.getAttribute('aria-describedby'))).to.deep.equal(['new-tab', 'new-tab']);
    expect(part<HTMLElement>(el, '#new-tab').textContent).to.equal('(opens in a new tab)');
    await expect(el).to.be.accessible();
  });

  it("gives a page's own accent black or white text, whichever reads at 4.5:1 or better", async function () {
    if (!CSS.supports('color', 'color(from red xyz-d65 x y z)')) this.skip();
    const el = await entryForm();
    const button = part<HTMLButtonElement>(el, 'button[type=submit]');
    for (const accent of ['#ffd400', '#e4002b', '#00a3e0', '#767676', '#1d428a', '#f0f0f0']) {
      el.style.setProperty('--campaign-entry-accent', accent);
      const style = getComputedStyle(button);
      const ratio = contrast(painted(style.color), painted(style.backgroundColor));
      expect(ratio, `text on ${accent}`).to.be.at.least(4.5);
    }
    el.style.setProperty('--campaign-entry-accent-text', '#123456');
    expect(painted(getComputedStyle(button).color)).to.deep.equal([0x12, 0x34, 0x56], "the page's own text colour");
  });

  it('keeps the button outlined and errors marked by more than colour, as forced colours need', async () => {
    const el = await entryForm();
    const button = getComputedStyle(part(el, 'button[type=submit]'));
    // A transparent border: invisible here, drawn in forced colours, where the background goes.
    expect([button.borderTopStyle, button.borderTopWidth]).to.deep.equal(['solid', '2px']);
    await refuseOnce(el);
    const error = getComputedStyle(part(el, '#name-error'));
    expect([error.borderInlineStartStyle, error.borderInlineStartWidth]).to.deep.equal(['solid', '4px']);
  });

  it('keeps every label whole with 200 % text on a 320 px screen, without sideways scrolling', async () => {
    const root = document.documentElement;
    const size = root.style.fontSize;
    root.style.fontSize = '200%';
    cleanups.push(() => {
      root.style.fontSize = size;
    });
    const el = await entryForm({ fields: 'name,email,phone,postal-code,birth-date', pageWidth: 320 });
    expect(el.scrollWidth).to.be.at.most(320);
    for (const label of el.shadowRoot?.querySelectorAll('.date label') ?? []) {
      const range = document.createRange();
      range.selectNodeContents(label);
      expect(range.getClientRects().length, `"${label.textContent}" on one line`).to.equal(1);
    }
  });
});
