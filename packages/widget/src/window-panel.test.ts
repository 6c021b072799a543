import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enWindow } from './strings/en-window.js';
import { es } from './strings/es.js';
import { windowCopy, zonedTime } from './window-panel.js';

const KICKOFF = Date.UTC(2027, 1, 14, 23, 30); // 6:30 PM in New York
// Some ICU versions put a narrow no-break space before PM.
const spaced = (text: string) => text.replace(/\s/gu, ' ');

describe('the panels outside the entry window', () => {
  it("says a time in the campaign's zone with its name, then in the entrant's when that differs", () => {
    assert.equal(
      spaced(zonedTime(KICKOFF, 'en', 'America/New_York', enWindow, 'America/Los_Angeles')),
      'Feb 14, 6:30 PM EST (Feb 14, 3:30 PM PST your time)',
    );
    assert.equal(
      spaced(zonedTime(KICKOFF, 'en', 'America/New_York', enWindow, 'America/New_York')),
      'Feb 14, 6:30 PM EST',
    );
    assert.equal(spaced(zonedTime(KICKOFF, 'en', undefined, enWindow, 'America/Chicago')), 'Feb 14, 5:30 PM CST');
  });

  it('words the not-open and closed panels, in English by default and in the copy given', () => {
    assert.deepEqual(windowCopy('not-open', KICKOFF, 'en', 'America/New_York', {}), [
      'Entries are not open yet',
      `Entries open on ${zonedTime(KICKOFF, 'en', 'America/New_York', enWindow)}.`,
    ]);
    const [title, body] = windowCopy('closed', KICKOFF, 'es', 'America/New_York', es);
    assert.equal(title, 'Este concurso ha terminado');
    assert.match(body, /^La participación se cerró el 14 feb/u);
  });
});
