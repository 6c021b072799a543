// Recomputes the winner draw from the published seed and list of eligible entry ids, without AWS or a database:
//   pnpm --filter @campaign-entry/infra-notes run verify-draw <seed> <eligible.csv> [places]
// The file may be the Athena result of winner-draw (entry_id is its second column) or one entry id per line.
import { readFileSync } from 'node:fs';
import { drawOrder } from '../src/models/fair-draw.js';

const [seed, file, places = '10'] = process.argv.slice(2);
if (!seed || !file) {
  console.error('usage: verify-draw <seed> <eligible-entry-ids file> [places]');
  process.exit(2);
}
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ids = readFileSync(file, 'utf8')
  .split('\n')
  .map((line) => line.match(uuid)?.[0])
  .filter((id): id is string => id !== undefined);
for (const place of drawOrder(ids, seed).slice(0, Number(places))) {
  console.log(`${place.position}\t${place.entryId}\t${place.drawHash}`);
}
