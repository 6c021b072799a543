// Drives the demo page like an entrant: Debian's Chromium through playwright-core, typing into <campaign-entry>.
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATHS } from '../../scripts/chromium.mjs';

/** An entrant's answers for the demo page's fields. */
export interface Entrant {
  readonly name: string;
  readonly email: string;
  readonly postalCode: string;
  /** ISO `YYYY-MM-DD`. */
  readonly birthDate: string;
  readonly marketing?: boolean;
}

/** Launches the system Chromium with the flags every tool here uses. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = CHROMIUM_PATHS.find((path) => existsSync(path));
  if (!executablePath) throw new Error('Chromium is not installed: sudo apt-get install -y chromium');
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}

/**
 * Types an entrant's answers into the form (locators pierce the element's shadow root) and taps Submit.
 * @param beforeTap called right before the tap (benchmarks start counting there)
 */
export async function enter(page: Page, entrant: Entrant, beforeTap?: () => void): Promise<void> {
  const form = page.locator('campaign-entry');
  const [year, month, day] = entrant.birthDate.split('-') as [string, string, string];
  await form.locator('#name').pressSequentially(entrant.name);
  await form.locator('#email').pressSequentially(entrant.email);
  await form.locator('#postal-code').pressSequentially(entrant.postalCode);
  await form.locator('[name="bday-month"]').pressSequentially(month);
  await form.locator('[name="bday-day"]').pressSequentially(day);
  await form.locator('[name="bday-year"]').pressSequentially(year);
  // Entrants tap the label (the large target), which toggles the box.
  await form.locator('label[for="consent"]').click();
  if (entrant.marketing) await form.locator('label[for="marketing"]').click();
  beforeTap?.();
  await form.locator('button[type="submit"]').click();
}

/** Resolves with the element's state once it is `delivered` or `queued` (what the entrant is told). */
export async function outcome(page: Page, timeoutMs = 15_000): Promise<string> {
  const handle = await page.waitForFunction(
    () => {
      const state = document.querySelector('campaign-entry')?.getAttribute('state');
      return state === 'delivered' || state === 'queued' ? state : undefined;
    },
    undefined,
    { timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as string;
}
