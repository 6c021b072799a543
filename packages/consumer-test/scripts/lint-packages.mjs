#!/usr/bin/env node
// publint (strict) and attw (ESM-only profile: CommonJS and node10 resolution ignored, the packages are ESM only) on
// the packed packages, in one process so each tool loads once; run as a child of consumer.mjs, which serves the
// emulator meanwhile. Prints every finding and exits 1 if there is any.
//
//   node lint-packages.mjs <app> <tarball>...   (the app's node_modules holds the tools and the unpacked tarballs)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [app, ...tarballs] = process.argv.slice(2);
const tool = (path) => import(pathToFileURL(join(app, 'node_modules', path)).href);
const { publint } = await tool('publint/src/index-node.js');
const { formatMessage } = await tool('publint/src/utils.js');
const attw = await tool('@arethetypeswrong/core/dist/index.js');
const { profiles } = await tool('@arethetypeswrong/cli/dist/profiles.js');
const ignored = new Set(profiles['esm-only'].ignoreResolutions);

const findings = [];
for (const tarball of tarballs) {
  const data = new Uint8Array(readFileSync(tarball));
  const checked = await attw.checkPackage(attw.createPackageFromTarballData(data));
  if (checked.types === false) findings.push(`attw ${tarball}: no types`);
  for (const problem of checked.problems ?? []) {
    if (problem.resolutionKind && ignored.has(problem.resolutionKind)) continue;
    findings.push(`attw ${checked.packageName}: ${JSON.stringify(problem)}`);
  }
  const { messages, pkg } = await publint({ pack: { tarball: data.buffer }, strict: true, level: 'suggestion' });
  for (const message of messages) findings.push(`publint ${pkg.name}: ${formatMessage(message, pkg) ?? message.code}`);
}
for (const finding of findings) console.log(finding);
process.exitCode = findings.length > 0 ? 1 : 0;
