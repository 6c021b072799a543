// Prints the page's config.json from the stack outputs:
//   aws cloudformation describe-stacks --stack-name <stack> --query 'Stacks[0].Outputs' --output json > outputs.json
//   pnpm --filter @campaign-entry/infra-notes run page-config outputs.json > config.json
// (with no file argument it reads the outputs JSON from standard input).
import { readFileSync } from 'node:fs';
import { pageConfigFromOutputs } from '../src/models/page-config.js';

const source = process.argv[2];
const text = readFileSync(source && source !== '-' ? source : 0, 'utf8');
process.stdout.write(`${JSON.stringify(pageConfigFromOutputs(JSON.parse(text)), null, 2)}\n`);
