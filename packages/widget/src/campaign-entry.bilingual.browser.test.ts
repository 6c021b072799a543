// Bilingual campaigns, US postal codes and e-mail typo suggestions, as an entrant meets them.
import { STORAGE_KEY_PREFIX } from '@campaign-entry/sdk/rules';
import { expect } from '@open-wc/testing';
import type { CampaignEntry } from './campaign-entry.component.js';
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

/** A campaign offering English and Spanish, on an English page. */
async function bilingualForm(): Promise<CampaignEntry> {
  const el = await entryForm({ locale: null, locales: 'en,es', pageLang: 'en' });
  await until(() => el.shadowRoot?.querySelector('.languages') !== null, 'the language switch');
  return el;
}

describe('<campaign-entry> in two languages', () => {
  beforeEach(() => sessionStorage.removeItem(`${STORAGE_KEY_PREFIX}:locale`));

  it('marks a Spanish form lang="es" so screen readers read it in a Spanish voice', async () => {
    const el = await entryForm({ locale: 'es' });
    await until(() => textOf(el).includes('Correo electrónico'), 'the Spanish copy');
    expect(part<HTMLElement>(el, 'form').closest('[lang]')?.getAttribute('lang')).to.equal('es');
    expect(textOf(el)).to.contain('reglas oficiales');
  });

  it('offers a language switch that changes the copy and lang, and keeps the choice for the visit', async () => {
    const el = await bilingualForm();
    const english = navigator.languages[0]?.startsWith('es') !== true;
    expect(part<HTMLElement>(el, 'form').closest('[lang]')?.getAttribute('lang')).to.equal(english ? 'en' : 'es');
    part<HTMLButtonElement>(el, '.languages button[lang=es]').click();
    await until(() => textOf(el).includes('Correo electrónico'), 'the Spanish copy');
    expect(part<HTMLElement>(el, 'form').closest('[lang]')?.getAttribute('lang')).to.equal('es');
    expect(part(el, '.languages button[lang=es]').getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
    el.remove();
    const again = await bilingualForm();
    await until(() => textOf(again).includes('Correo electrónico'), 'the choice kept');
    part<HTMLButtonElement>(again, '.languages button[lang=en]').click();
    await until(() => textOf(again).includes('Email'), 'English again');
  });

  it('refuses a postal code that is not a ZIP when the campaign is in the US, and takes 5 or 9 digits', async () => {
    const el = await entryForm({ fields: 'email,postal-code' });
    el.setAttribute('country', 'US');
    await el.updateComplete;
    await refuseOnce(el);
    for (const bad of ['ABC', 'SW1A 1AA']) {
      await fillIn(el, 'postal-code', bad);
      await until(() => errorOf(el, 'postal-code') === 'Enter a ZIP code like 90210.', `${bad} refused`);
    }
    for (const ok of ['90210', '90210-1234']) {
      await fillIn(el, 'postal-code', ok);
      await until(() => errorOf(el, 'postal-code') === '', `${ok} accepted`);
    }
  });

  it('asks "did you mean …?" for a mistyped e-mail domain, and still takes the entry as typed', async () => {
    const emulator = await useEmulator();
    const el = await entryForm({ fields: 'email' });
    await fillIn(el, 'email', 'ada@gmial.con', false);
    const status = () => part<HTMLElement>(el, '[role=status]').textContent?.trim() ?? '';
    await until(() => status().startsWith('Did you mean ada@gmail.com?'), 'the suggestion');
    await fillIn(el, 'email', 'ada@gmail.co', false);
    await until(() => status().startsWith('Did you mean ada@gmail.com?'), 'the suggestion kept');
    await fillIn(el, 'email', 'ada@gmial.con');
    await tick(el, 'consent');
    part(el, 'button[type=submit]').click();
    await until(() => el.state === 'delivered', 'the entry delivered as typed');
    await until(() => emulator.records().length === 1, 'the record');
    expect(records(emulator)[0]?.fields.email).to.equal('ada@gmial.con');
  });

  it('asks it in Spanish on a Spanish form', async () => {
    const el = await entryForm({ fields: 'email', locale: 'es' });
    await until(() => textOf(el).includes('Correo electrónico'), 'the Spanish copy');
    await fillIn(el, 'email', 'ana@hotmial.com', false);
    await until(() => textOf(el).includes('¿Quisiste decir ana@hotmail.com?'), 'the Spanish suggestion');
  });
});
