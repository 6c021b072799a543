// `pnpm lint` (after biome): fails when any module imports itself back, directly or through others.
// Scope: every package's `src` and `scripts`, and demo, infra-notes, bench and the root scripts.
// Every import counts: static, dynamic (`import()`), re-exports, and type-only ones too. `import type` is erased
// from the JavaScript (verbatimModuleSyntax), but a cycle through types still ties two modules' designs together,
// and the house rule is "no import cycles", not "no runtime ones".
// Usage: node scripts/check-cycles.mjs
import { relative } from 'node:path';
import { parseDependencyTree } from 'dpdm';

const root = new URL('..', import.meta.url).pathname;
const patterns = [
  'packages/*/src/**/*.{ts,mts,mjs,js}',
  'packages/*/scripts/**/*.{ts,mts,mjs,js}',
  'demo/**/*.{ts,mts,mjs,js}',
  'infra-notes/**/*.{ts,mts,mjs,js}',
  'bench/**/*.{ts,mts,mjs,js}',
  'scripts/**/*.{ts,mts,mjs,js}',
];

const tree = await parseDependencyTree(patterns, {
  cwd: root,
  context: root,
  // node_modules (other workspace packages included, through their links) and build output are not ours to check.
  exclude: /(^|\/)(node_modules|dist|\.data)\//,
  transform: false,
  skipDynamicImports: false,
  tsconfig: undefined,
});

/** @type {Map<string, string[]>} file → the project files it imports */
const graph = new Map();
const isProjectFile = (id) => id !== null && tree[id] != null && !id.startsWith('node:');
for (const [file, dependencies] of Object.entries(tree)) {
  if (!isProjectFile(file)) continue;
  const targets = (dependencies ?? []).map((d) => d.id).filter(isProjectFile);
  graph.set(file, [...new Set(targets)]);
}

const components = stronglyConnected(graph).filter(
  (component) => component.length > 1 || (graph.get(component[0]) ?? []).includes(component[0]),
);

const show = (file) => relative(root, file.startsWith('/') ? file : `${root}${file}`);
if (components.length === 0) {
  console.log(`check-cycles: ${graph.size} modules, no import cycle.`);
} else {
  console.error(`check-cycles: ${components.length} import cycle(s) in ${graph.size} modules:`);
  for (const component of components) {
    const members = new Set(component);
    console.error(`\n  ${component.map(show).sort().join('\n  ')}`);
    console.error(`  e.g. ${exampleCycle(component[0], members).map(show).join(' → ')}`);
  }
  process.exit(1);
}

/** Tarjan's algorithm: the groups of modules that each reach one another (iterative, no recursion limit). */
function stronglyConnected(edges) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const result = [];
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work = [[start, 0]];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, i] = frame;
      const targets = edges.get(node) ?? [];
      if (i < targets.length) {
        frame[1] = i + 1;
        const target = targets[i];
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push([target, 0]);
        } else if (onStack.has(target)) {
          low.set(node, Math.min(low.get(node), index.get(target)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === index.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        result.push(component);
      }
    }
  }
  return result;
}

/** One shortest path from `start` back to itself inside its group, for the message. */
function exampleCycle(start, members) {
  const previous = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]));
        return [...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start];
}
