// The README examples marked `<!-- consumer-test: <file> -->`, exactly as printed in the packed packages' READMEs,
// written into the scratch app and typechecked by each compiler with its defaults plus `strict`:
// - TypeScript 7, whose default `types` is `[]` (no @types package unless imported or referenced), without
//   `skipLibCheck`: the packages' declarations themselves are checked under the app's flags;
// - the workspace's 5.x, whose default loads every @types package in node_modules, with `skipLibCheck` as Vite's and
//   most app templates set it (checking @types/node's own declarations again would only cost time).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MARKER = /<!-- consumer-test: ([\w./-]+) -->\s*\n```\w*\n([\s\S]*?)\n```/gu;

/**
 * The app's tsconfig: a browser app bundled by Vite (bundler resolution, DOM, React's JSX) with the strict flags apps
 * turn on and no `types` (each compiler's default). The emulator's Node example is checked in it as well: its
 * declarations say which Node types they need.
 */
const TSCONFIG = {
  compilerOptions: {
    target: 'es2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    lib: ['es2022', 'dom', 'dom.iterable'],
    jsx: 'react-jsx',
    strict: true,
    noPropertyAccessFromIndexSignature: true,
    noEmit: true,
  },
  include: ['src/**/*', 'node/**/*'],
};

/**
 * Writes every marked example of the packages in `app`'s node_modules into `app`.
 * @returns {string[]} `<package>/README.md → <file>` for each
 */
export function writeExamples(app, packageNames) {
  const written = [];
  for (const name of packageNames) {
    const readme = readFileSync(join(app, 'node_modules', name, 'README.md'), 'utf8');
    for (const [, file, code] of readme.matchAll(MARKER)) {
      written.push(`${name}/README.md → ${file}`);
      mkdirSync(dirname(join(app, file)), { recursive: true });
      writeFileSync(join(app, file), `${code}\n`);
    }
  }
  if (written.length === 0) throw new Error('no README example is marked `<!-- consumer-test: <file> -->`');
  writeFileSync(join(app, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  return written;
}

/**
 * Typechecks the examples with a compiler.
 * @param {{ label: string, tsc: string, skipLibCheck?: boolean }} compiler
 * @returns {Promise<string | undefined>} the failure with the compiler's output, if any
 */
export function typecheckExamples(app, { label, tsc, skipLibCheck = false }) {
  const args = [tsc, '-p', 'tsconfig.json', ...(skipLibCheck ? ['--skipLibCheck'] : [])];
  return run(process.execPath, args, { cwd: app }).then(
    () => undefined,
    (error) => `${label} rejects the README examples:\n${error.stdout}${error.stderr}`,
  );
}
