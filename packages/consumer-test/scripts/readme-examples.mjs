// The README examples marked `<!-- consumer-test: <file> -->`, exactly as printed in the packed packages' READMEs,
// written into the scratch app and typechecked by each compiler with its defaults plus `strict`: TypeScript 7 (whose
// default `types` is `[]`: no @types package unless imported or referenced) and the workspace's 5.x (every @types
// package in node_modules). Files under `node/` are checked as a Node project (nodenext), the rest as a browser app.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MARKER = /<!-- consumer-test: ([\w./-]+) -->\s*\n```\w*\n([\s\S]*?)\n```/gu;

const PROJECTS = {
  'tsconfig.json': {
    compilerOptions: {
      target: 'es2022',
      module: 'esnext',
      moduleResolution: 'bundler',
      lib: ['es2022', 'dom', 'dom.iterable'],
      jsx: 'react-jsx',
      strict: true,
      noEmit: true,
    },
    include: ['src/**/*'],
  },
  // A strict Node project: the emulator's declarations must hold under the app's flags, not only its own.
  'tsconfig.node.json': {
    compilerOptions: {
      target: 'es2022',
      module: 'nodenext',
      strict: true,
      noPropertyAccessFromIndexSignature: true,
      noEmit: true,
    },
    include: ['node/**/*'],
  },
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
  for (const [file, config] of Object.entries(PROJECTS)) {
    writeFileSync(join(app, file), `${JSON.stringify(config, null, 2)}\n`);
  }
  return written;
}

/**
 * Typechecks the examples with each compiler, every project at once.
 * @param {{ label: string, tsc: string }[]} compilers
 * @returns {Promise<string[]>} the failures, each with the compiler's output
 */
export async function typecheckExamples(app, compilers) {
  const projects = Object.keys(PROJECTS).filter((file) =>
    existsSync(join(app, PROJECTS[file].include[0].split('/')[0])),
  );
  const runs = compilers.flatMap(({ label, tsc }) =>
    projects.map((project) =>
      run(process.execPath, [tsc, '-p', project], { cwd: app }).then(
        () => undefined,
        (error) => `${label} rejects the README examples (${project}):\n${error.stdout}${error.stderr}`,
      ),
    ),
  );
  return (await Promise.all(runs)).filter(Boolean);
}
