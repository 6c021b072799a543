// <campaign-entry> as an entrant meets it: the form, its keyboards and autofill, validation messages, focus, and the
// copy in both languages. Delivery against the emulator is in campaign-entry.delivery.browser.test.ts.
import { FIELD_NAMES } from '@campaign-entry/sdk/rules';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CampaignEntry } from './campaign-entry.component.js';
import type { CampaignEntryErrorEvent } from './events/campaign-entry-error.js';
import type { CampaignEntryInvalidEvent } from './events/campaign-entry-invalid.js';
import {
  entryForm,
  errorOf,
  fillIn,
  part,
  records,
  refuseOnce,
  textOf,
  tick,
  until,
  useEmulator,
} from './testing/harness.js';

const ALL_FIELDS = 'name,email,phone,postal-code,birth-date';

function inputs(el: CampaignEntry): HTMLInputElement[] {
  return [...(el.shadowRoot?.querySelectorAll<HTMLInputElement>('input[enterkeyhint]') ?? [])];
}

function active(el: CampaignEntry): string | undefined {
  return (el.shadowRoot?.activeElement as HTMLElement | null)?.id;
}

describe('<campaign-entry>', () => {
  it('passes axe-core accessibility checks with every field shown', async () => {
    const el = await entryForm({ fields: ALL_FIELDS });
    await expect(el).to.be.accessible();
  });

  for (const fields of ['name,email', 'email', 'email,birth-date', 'phone,name', ALL_FIELDS]) {
    it(`shows exactly the fields asked for, in form order (fields="${fields}")`, async () => {
      const el = await entryForm({ fields });
      const expected = FIELD_NAMES.filter((name) => fields.split(',').includes(name)).flatMap((name) =>
        name === 'birth-date' ? ['bday-month', 'bday-day', 'bday-year'] : [name],
      );
      expect(inputs(el).map((input) => input.id)).to.deep.equal(expected);
      expect(part(el, '#consent').required).to.equal(true);
      expect(part(el, '#marketing').required).to.equal(false);
      expect(part(el, 'button[type=submit]').textContent?.trim()).to.equal('Enter now');
    });
  }

  it('gives every box the keyboard, autofill and Enter key a phone needs', async () => {
    const el = await entryForm({ fields: ALL_FIELDS });
    const attributes = inputs(el).map((input) => [
      input.id,
      input.type,
      input.getAttribute('autocomplete'),
      input.getAttribute('inputmode'),
      input.getAttribute('enterkeyhint'),
    ]);
    expect(attributes).to.deep.equal([
      ['name', 'text', 'name', 'text', 'next'],
      ['email', 'email', 'email', 'email', 'next'],
      ['phone', 'tel', 'tel', 'tel', 'next'],
      ['postal-code', 'text', 'postal-code', 'text', 'next'],
      ['bday-month', 'text', 'bday-month', 'numeric', 'next'],
      ['bday-day', 'text', 'bday-day', 'numeric', 'next'],
      ['bday-year', 'text', 'bday-year', 'numeric', 'send'],
    ]);
  });

  it('uses 16 px text in inputs (no zoom on iOS) and touch targets of at least 44 px', async () => {
    const el = await entryForm({ fields: ALL_FIELDS });
    for (const input of inputs(el)) {
      expect(Number.parseFloat(getComputedStyle(input).fontSize), input.id).to.be.at.least(16);
      expect(input.getBoundingClientRect().height, input.id).to.be.at.least(44);
    }
    for (const selector of ['button[type=submit]', '.check:has(#consent)', '.check:has(#marketing)']) {
      expect(part<HTMLElement>(el, selector).getBoundingClientRect().height, selector).to.be.at.least(44);
    }
  });

  it('ticks the consent box from anywhere on its row', async () => {
    const el = await entryForm();
    const row = part<HTMLElement>(el, '.check:has(#consent) label');
    const box = row.getBoundingClientRect();
    // A tap at the row's far right edge, away from the 24 px box itself.
    const target = el.shadowRoot?.elementFromPoint(box.right - 2, box.top + box.height / 2) as HTMLElement | null;
    target?.click();
    expect(part(el, '#consent').checked).to.equal(true);
  });

  it('fits a 320 px wide screen without sideways scrolling', async () => {
    const el = await entryForm({ fields: ALL_FIELDS, pageWidth: 320 });
    const right = (el.parentElement as HTMLElement).getBoundingClientRect().right;
    expect(el.scrollWidth).to.be.at.most(320);
    for (const node of el.shadowRoot?.querySelectorAll('*') ?? []) {
      if (node.closest('.hp')) continue; // the honeypot is clipped to 1 px on purpose
      expect(node.getBoundingClientRect().right, node.outerHTML.slice(0, 60)).to.be.at.most(right + 0.5);
    }
  });

  it('links the official rules and the privacy notice in a new tab from the consent label', async () => {
    const el = await entryForm();
    const links = [...(el.shadowRoot?.querySelectorAll<HTMLAnchorElement>('label[for=consent] a') ?? [])];
    expect(links.map((link) => [link.getAttribute('href'), link.target, link.textContent])).to.deep.equal([
      ['/rules', '_blank', 'official rules'],
      ['/privacy', '_blank', 'privacy notice'],
    ]);
    const rulesOnly = await entryForm({ privacyUrl: null });
    expect(part<HTMLElement>(rulesOnly, 'label[for=consent]').textContent?.trim()).to.equal(
      'I accept the official rules.',
    );
  });

  describe('validation', () => {
    const cases: [field: string, value: string, message: string][] = [
      ['name', '   ', 'Enter your name.'],
      ['name', '=HYPERLINK("x")', 'Do not start with =, +, - or @.'],
      ['name', 'Ada <b>', 'Remove symbols such as < > { } and hidden characters.'],
      ['name', '12345', 'Enter your name using letters.'],
      ['name', 'A'.repeat(101), 'Use 100 characters or fewer.'],
      ['email', 'ada@', 'Enter an email address like name@example.com.'],
      ['email', '=ada@example.com', 'Do not start with =, +, - or @.'],
      ['phone', '555 CALL NOW', 'Enter a phone number of 7 to 15 digits, like 555 123 4567.'],
      ['phone', '555\u202e1234567', 'Remove symbols such as < > { } and hidden characters.'],
      ['postal-code', '!!', 'Enter a ZIP code like 90210.'],
      ['postal-code', '@123', 'Do not start with =, +, - or @.'],
    ];
    for (const [field, value, message] of cases) {
      it(`says "${message}" when ${field} is left as ${JSON.stringify(value.slice(0, 20))} after a submit`, async () => {
        const el = await entryForm({ fields: ALL_FIELDS });
        await refuseOnce(el);
        await fillIn(el, field, value);
        expect(errorOf(el, field)).to.equal(message);
        const input = part(el, `#${field}`);
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(input.getAttribute('aria-describedby')).to.equal(`${field}-error`);
        await expect(el).to.be.accessible();
      });
    }

    it('says nothing about a field the entrant only tabbed through', async () => {
      const el = await entryForm();
      part(el, '#name').focus();
      part(el, '#email').focus();
      await el.updateComplete;
      expect(errorOf(el, 'name')).to.equal('');
    });

    it('shows no message before the first submit, so nothing below moves under the thumb', async () => {
      const el = await entryForm({ fields: ALL_FIELDS });
      const button = part<HTMLElement>(el, 'button[type=submit]');
      const before = button.getBoundingClientRect().top;
      await fillIn(el, 'email', 'ada@');
      await fillIn(el, 'phone', '12');
      await fillIn(el, 'bday-month', '13');
      await new Promise((resolve) => setTimeout(resolve, 100)); // the controller answers on the next tick
      await el.updateComplete;
      expect(errorOf(el, 'email')).to.equal('');
      expect(part(el, '#email').getAttribute('aria-invalid')).to.equal('false');
      expect(button.getBoundingClientRect().top).to.equal(before);
    });

    it('clears a message as soon as the value is fixed', async () => {
      const el = await entryForm();
      await refuseOnce(el);
      await fillIn(el, 'email', 'ada@');
      expect(errorOf(el, 'email')).to.not.equal('');
      await fillIn(el, 'email', 'ada@example.com', false);
      expect(errorOf(el, 'email')).to.equal('');
      expect(part(el, '#email').getAttribute('aria-invalid')).to.equal('false');
    });

    // (An under-age date is answered on submit by the polite panel below, never by a message on leaving the date.)
    const dates: [month: string, day: string, year: string, message: string][] = [
      ['12', '31', '90', 'Enter your date of birth as month, day and a 4-digit year.'],
      ['13', '01', '1990', 'Enter a real date of birth.'],
      ['02', '30', '1990', 'Enter a real date of birth.'],
    ];
    for (const [month, day, year, message] of dates) {
      it(`says "${message}" for the date of birth ${month}/${day}/${year} once the date is left after a submit`, async () => {
        const el = await entryForm({ fields: 'email,birth-date' });
        await refuseOnce(el);
        await fillIn(el, 'bday-month', month, false);
        await fillIn(el, 'bday-day', day, false);
        await fillIn(el, 'bday-year', year);
        expect(errorOf(el, 'birth-date')).to.equal(message);
        for (const box of ['bday-month', 'bday-day', 'bday-year']) {
          expect(part(el, `#${box}`).getAttribute('aria-invalid')).to.equal('true');
          expect(part(el, `#${box}`).getAttribute('aria-describedby')).to.equal('birth-date-hint birth-date-error');
        }
      });
    }

    it('on an empty submit marks every field, announces a summary and focuses a linked list of the problems at the top', async () => {
      const el = await entryForm({ fields: 'name,email,birth-date' });
      const invalid = new Promise<CampaignEntryInvalidEvent>((resolve) =>
        el.addEventListener('campaign-entry-invalid', resolve, { once: true }),
      );
      part(el, 'button[type=submit]').click();
      const event = await invalid;
      await el.updateComplete;
      expect(event.detail.issues.map((issue) => `${issue.field}:${issue.code}`)).to.deep.equal([
        'name:required',
        'email:required',
        'birth-date:required',
        'consent:consent-required',
      ]);
      expect(event.detail.entryId).to.match(/^[0-9a-f-]{36}$/u);
      expect(errorOf(el, 'name')).to.equal('Enter your name.');
      expect(errorOf(el, 'email')).to.equal('Enter your email address.');
      expect(errorOf(el, 'birth-date')).to.equal('Enter your date of birth.');
      expect(errorOf(el, 'consent')).to.equal('Check the box to accept the official rules.');
      const status = part<HTMLElement>(el, '[role=status]');
      expect(status.textContent?.trim()).to.equal('Please check: Full name, Email, Date of birth, official rules.');
      const summary = part<HTMLElement>(el, 'form > .summary');
      await until(() => el.shadowRoot?.activeElement === summary, 'focus on the error summary');
      expect(summary.querySelector('h2')?.textContent).to.equal('There is a problem');
      const links = [...summary.querySelectorAll('a')].map((link) => [link.getAttribute('href'), link.textContent]);
      expect(links).to.deep.equal([
        ['#name', 'Enter your name.'],
        ['#email', 'Enter your email address.'],
        ['#bday-month', 'Enter your date of birth.'],
        ['#consent', 'Check the box to accept the official rules.'],
      ]);
      await expect(el).to.be.accessible();
      summary.querySelectorAll('a')[2]?.click();
      await until(() => active(el) === 'bday-month', 'the link focuses its field');
    });

    it('lists only what is left to fix in the summary', async () => {
      const el = await entryForm();
      await fillIn(el, 'name', 'Ada Lovelace');
      await fillIn(el, 'email', 'ada@example.com');
      part(el, 'button[type=submit]').click();
      await until(() => el.shadowRoot?.activeElement?.classList.contains('summary') === true, 'focus on the summary');
      expect(part(el, '.summary a').getAttribute('href')).to.equal('#consent');
      expect(part(el, '[role=status]').textContent?.trim()).to.equal('Please check: official rules.');
    });

    it('replaces the form with a polite, final message for an entrant under the minimum age', async () => {
      const emulator = await useEmulator();
      const el = await entryForm({ fields: 'email,birth-date', minAge: '18' });
      await fillIn(el, 'email', 'kid@example.com');
      await fillIn(el, 'bday-month', '06', false);
      await fillIn(el, 'bday-day', '01', false);
      await fillIn(el, 'bday-year', String(new Date().getUTCFullYear() - 15));
      await tick(el, 'consent');
      part(el, 'button[type=submit]').click();
      await until(() => el.state === 'ineligible', 'the final message');
      expect(el.shadowRoot?.querySelector('form')).to.equal(null);
      expect(textOf(el)).to.contain('Sorry, you are not eligible to enter this competition.');
      expect(textOf(el)).to.not.match(/18|age/iu, 'the cut-off is never named');
      expect(part(el, '[role=status]').textContent?.trim()).to.equal('', 'no "Sending your entry…" left');
      await until(() => el.shadowRoot?.activeElement?.tagName === 'H2', 'focus on the heading');
      expect(emulator.records()).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('keyboard only', () => {
    it('can be filled in and sent with the keyboard alone', async () => {
      const emulator = await useEmulator();
      const el = await entryForm();
      part(el, '#name').focus();
      await sendKeys({ type: 'Ada Lovelace' });
      await sendKeys({ press: 'Enter' }); // "next": moves on, does not submit half a form
      expect(active(el)).to.equal('email');
      await sendKeys({ type: 'ada@example.com' });
      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal('consent');
      await sendKeys({ type: ' ' }); // the space bar ('Space' is unknown to Firefox's BiDi keyboard)
      expect(part(el, '#consent').checked).to.equal(true);
      part(el, '#email').focus();
      await sendKeys({ press: 'Enter' }); // "send" on the last box submits
      await until(() => el.state === 'delivered', 'the entry to be delivered');
      expect(el.shadowRoot?.activeElement?.tagName).to.equal('H2');
      expect(records(emulator).map((record) => record.fields)).to.deep.equal([
        { name: 'Ada Lovelace', email: 'ada@example.com' },
      ]);
    });

    it('moves focus from the page into the first box with Tab', async () => {
      const el = await entryForm();
      (document.activeElement as HTMLElement | null)?.blur();
      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal('name');
    });
  });

  describe('after success', () => {
    it('keeps the form\'s footprint, so a double tap on "Enter now" lands on the message, not on what was below', async () => {
      await useEmulator();
      const el = await entryForm();
      await fillIn(el, 'name', 'Ada Lovelace');
      await fillIn(el, 'email', 'ada@example.com');
      await tick(el, 'consent');
      const button = part<HTMLElement>(el, 'button[type=submit]').getBoundingClientRect();
      const height = el.getBoundingClientRect().height;
      const x = button.left + button.width / 2;
      const y = button.top + button.height / 2;
      part<HTMLElement>(el, 'button[type=submit]').click();
      await until(() => el.state === 'delivered', 'the entry to be delivered');
      await el.updateComplete;
      expect(el.getBoundingClientRect().height).to.be.at.least(height - 1);
      // The second tap of the double tap: still on the element (the message), not on a page link that moved up.
      expect(document.elementFromPoint(x, y)).to.equal(el);
    });
  });

  describe('when the competition is not open', () => {
    it('says when entries open, without a form', async () => {
      const opensAt = new Date(Date.now() + 3_600_000).toISOString();
      const el = await entryForm({ opensAt });
      expect(el.state).to.equal('not-open');
      expect(el.shadowRoot?.querySelector('form')).to.equal(null);
      await until(() => textOf(el).includes('Entries are not open yet'), 'the not-open panel');
      expect(textOf(el)).to.contain('Entries open on');
      await expect(el).to.be.accessible();
    });

    it('says the competition is closed, without a form', async () => {
      const el = await entryForm({ closesAt: new Date(Date.now() - 1000).toISOString() });
      expect(el.state).to.equal('closed');
      expect(el.shadowRoot?.querySelector('form')).to.equal(null);
      await until(() => textOf(el).includes('This competition is closed'), 'the closed panel');
      await expect(el).to.be.accessible();
    });

    it('opens by itself when the opening time comes', async () => {
      const el = await entryForm({ opensAt: new Date(Date.now() + 300).toISOString() });
      expect(el.state).to.equal('not-open');
      await until(() => el.shadowRoot?.querySelector('form') !== null, 'the form to appear');
      expect(el.state).to.equal('ready');
    });
  });

  describe('configuration errors', () => {
    it('tells entrants neutrally, and the developer what to fix in the console and campaign-entry-error', async () => {
      const errors: CampaignEntryErrorEvent[] = [];
      const wrapper = await fixture<HTMLDivElement>(html`<div
        @campaign-entry-error=${(event: CampaignEntryErrorEvent) => errors.push(event)}
      >
        <campaign-entry region="moon-1" delivery-stream="" campaign-id="x" fields="name,favourite-colour">
        </campaign-entry>
      </div>`);
      const el = wrapper.querySelector('campaign-entry') as CampaignEntry;
      await el.updateComplete;
      expect(el.state).to.equal('misconfigured');
      expect(el.getAttribute('state')).to.equal('misconfigured');
      expect(el.shadowRoot?.querySelector('form')).to.equal(null);
      const text = textOf(el);
      expect(text).to.contain('Entries are unavailable right now');
      await until(() => errors.length > 0, 'the configuration error event');
      for (const problem of ['favourite-colour', 'region "moon-1"', 'identityPoolId', 'names no stream', 'rules-url']) {
        expect(text).not.to.contain(problem);
        expect(errors[0]?.detail.error.message).to.contain(problem);
      }
      expect(errors).to.have.length(1);
      expect(errors[0]?.detail.error.code).to.equal('invalid-config');
      expect(errors[0]?.detail.stored).to.equal(false);
      expect(errors[0]?.composed).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  describe('languages', () => {
    it('speaks Spanish with locale="es", with the date in day-month-year order', async () => {
      const el = await entryForm({ locale: 'es', fields: 'name,email,birth-date' });
      await until(() => textOf(el).includes('Nombre completo'), 'the Spanish copy');
      expect(part(el, 'button[type=submit]').textContent?.trim()).to.equal('Participar');
      expect(inputs(el).map((input) => input.id)).to.deep.equal([
        'name',
        'email',
        'bday-day',
        'bday-month',
        'bday-year',
      ]);
      part(el, 'button[type=submit]').click();
      await until(() => errorOf(el, 'email') !== '', 'the messages');
      expect(errorOf(el, 'email')).to.equal('Escribe tu correo electrónico.');
      await expect(el).to.be.accessible();
    });

    it("follows the page's lang when there is no locale attribute", async () => {
      const el = await entryForm({ locale: null, pageLang: 'es-MX', privacyUrl: null });
      await until(() => textOf(el).includes('Correo electrónico'), 'the Spanish copy');
      expect(part<HTMLElement>(el, 'label[for=consent]').textContent?.trim()).to.equal('Acepto las reglas oficiales.');
    });

    it('lets the page override any text through the strings property', async () => {
      const el = await entryForm();
      el.strings = { submit: 'Count me in', 'email.required': 'We need your email to contact the winner.' };
      await el.updateComplete;
      expect(part(el, 'button[type=submit]').textContent?.trim()).to.equal('Count me in');
      part(el, 'button[type=submit]').click();
      await until(() => errorOf(el, 'email') !== '', 'the messages');
      expect(errorOf(el, 'email')).to.equal('We need your email to contact the winner.');
      expect(errorOf(el, 'name')).to.equal('Enter your name.');
    });
  });
});
