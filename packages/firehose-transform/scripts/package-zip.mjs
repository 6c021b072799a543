// Zips the bundle for Lambda: dist/firehose-transform.zip holding `index.mjs` (handler `index.handler`). The archive is
// byte-for-byte reproducible (fixed timestamp), so its SHA-256, printed here, names the S3 key: a new key per change
// is what makes CloudFormation update the function's code.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';

const dist = new URL('../dist/', import.meta.url);
const bundle = readFileSync(new URL('index.mjs', dist));
const zip = zipSync({ 'index.mjs': [bundle, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }] });
writeFileSync(new URL('firehose-transform.zip', dist), zip);
const sha256 = createHash('sha256').update(zip).digest('hex');
writeFileSync(new URL('firehose-transform.zip.sha256', dist), `${sha256}\n`);
console.log(`  firehose-transform.zip ${zip.byteLength} B, sha256 ${sha256}`);
console.log(`  S3 key suggestion: firehose-transform/${sha256.slice(0, 16)}.zip`);
