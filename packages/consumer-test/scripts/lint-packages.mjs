#!/usr/bin/env node
// publint (strict) and attw (ESM-only profile: CommonJS and node10 resolution ignored, the packages are ESM only) on
// the packed packages, and the editor metadata a package ships (its custom elements manifest and web-types: every
// module they name is in the manifest and in the package), in one process so each tool loads once; run as a child of
// consumer.mjs, which serves the emulator meanwhile. Prints every finding and exits 1 if there is any.
//
//   node lint-packages.mjs <app> <tarball>...   (the app's node_modules holds the tools and the unpacked tarballs)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [app, ...tarballs] = process.argv.slice(2);
const tool = (path) => import(pathToFileURL(join(app, 'node_modules', path)).href);
const { publint } = await tool('publint/src/index-node.js');
const { formatMessage } = await tool('publint/src/utils.js');
const attw = await tool('@arethetypeswrong/core/dist/index.js');
const { profiles } = await tool('@arethetypeswrong/cli/dist/profiles.js');
const ignored = new Set(profiles['esm-only'].ignoreResolutions);

/** Problems with the custom elements manifest and web-types of the unpacked package in `dir`. */
function editorMetadataProblems(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (!pkg.customElements) return [];
  const problems = [];
  const manifest = JSON.parse(readFileSync(join(dir, pkg.customElements), 'utf8'));
  const paths = new Set(manifest.modules.map((module) => module.path));
  for (const module of manifest.modules) {
    if (!existsSync(join(dir, module.path))) problems.push(`${module.path} is not in the package`);
    for (const entry of module.exports ?? []) {
      const named = entry.declaration?.module;
      if (named && !paths.has(named)) problems.push(`${module.path} exports from ${named}, not in the manifest`);
    }
  }
  const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.customElement);
  for (const element of elements) {
    for (const event of element.events ?? []) {
      if (!event.name || !event.type?.text) problems.push(`<${element.tagName}>: an event without a name or type`);
    }
  }
  const webTypes = pkg['web-types'] ? JSON.parse(readFileSync(join(dir, pkg['web-types']), 'utf8')) : undefined;
  const described = webTypes?.contributions?.html?.elements?.map((element) => element.name) ?? [];
  for (const element of elements) {
    if (!described.includes(element.tagName)) problems.push(`web-types do not describe <${element.tagName}>`);
  }
  return problems.map((problem) => `${pkg.name} editor metadata: ${problem}`);
}

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
  findings.push(...editorMetadataProblems(join(app, 'node_modules', pkg.name)));
}
for (const finding of findings) console.log(finding);
process.exitCode = findings.length > 0 ? 1 : 0;
