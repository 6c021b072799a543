// An entrant on a built page in Chromium: fills the form, ticks the rules, submits, and waits for the element to say
// the entry was delivered; then checks the emulator holds it and the README example's listener logged it. Each page in
// a browser context of its own (no storage shared between builds).

/** How long a loaded machine may take to load the page and deliver, in ms. */
const DEADLINE_MS = 60_000;

/**
 * @param {import('playwright-core').Browser} browser
 * @param {{ url: string, stream: string, records: (stream: string) => unknown[] }} page
 * @returns {Promise<string[]>} the URL paths of the scripts the page fetched
 */
export async function submitEntry(browser, { url, stream, records }) {
  const context = await browser.newContext();
  const fetched = [];
  const logged = [];
  try {
    const tab = await context.newPage();
    tab.on('console', (message) => logged.push(message.text()));
    tab.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.endsWith('.js')) fetched.push(path);
    });
    await tab.goto(url);
    const form = tab.locator('campaign-entry');
    await form.getByLabel('Full name', { exact: true }).fill('Ada Lovelace', { timeout: DEADLINE_MS });
    await form.getByLabel('Email', { exact: true }).fill('ada@example.com');
    // The rules label covers its checkbox (a bigger tap target): tick it from the keyboard, as an entrant can.
    await form.getByLabel(/I accept/u).focus();
    await tab.keyboard.press('Space');
    await form.getByRole('button', { name: 'Enter now' }).click();
    await tab.waitForFunction(() => document.querySelector('campaign-entry')?.getAttribute('state') === 'delivered', {
      timeout: DEADLINE_MS,
    });
    const delivered = records(stream);
    if (delivered.length !== 1) throw new Error(`${url}: the emulator holds ${delivered.length} records, not 1`);
    // The README example's listener logs the delivered entry's id: poll the page's console lines with a deadline.
    const entryId = await form.evaluate((element) => element.entryId);
    const deadline = Date.now() + 5000;
    while (!logged.some((line) => line.includes(entryId)) && Date.now() < deadline) await tab.waitForTimeout(50);
    if (!logged.some((line) => line.includes(entryId))) {
      throw new Error(`${url}: the README example's listener did not log ${entryId}: ${logged.join(' | ')}`);
    }
  } finally {
    await context.close();
  }
  return fetched;
}
