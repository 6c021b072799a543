// What each entrant types: valid entries (the simulation is about delivery, not validation), with ids the simulator
// can read back, and the fields a campaign asks for.
import type { EntryInput, FieldName } from '@campaign-entry/sdk';
import type { Random } from '../engine/random.js';

const FIRST = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Radia'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson'];

const hex = (random: Random, digits: number) =>
  Math.floor(random() * 16 ** digits)
    .toString(16)
    .padStart(digits, '0');

/** A v4 UUID from `random` whose last 12 hex digits are the entrant's index (read back by the simulated AWS). */
export function entryIdFor(index: number, random: Random): string {
  return `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${(8 + Math.floor(random() * 4)).toString(16)}${hex(random, 3)}-${index.toString(16).padStart(12, '0')}`;
}

/** The form entrant `index` submits for a campaign asking `fields`. */
export function entryInputFor(index: number, fields: readonly FieldName[], random: Random): EntryInput {
  const values: Partial<Record<FieldName, string>> = {};
  for (const field of fields) {
    if (field === 'name') values.name = `${FIRST[index % FIRST.length]} ${LAST[Math.floor(index / 10) % LAST.length]}`;
    else if (field === 'email') values.email = `fan${index}@example.com`;
    else if (field === 'postal-code') values['postal-code'] = String(10_000 + Math.floor(random() * 89_999));
    else if (field === 'phone') values.phone = `+1202555${String(index % 10_000).padStart(4, '0')}`;
    else if (field === 'birth-date')
      values['birth-date'] =
        `19${60 + Math.floor(random() * 40)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
  }
  return { fields: values, consent: { rules: true, marketing: random() < 0.4 } };
}
