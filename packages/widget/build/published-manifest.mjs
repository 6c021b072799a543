// The custom elements manifest as the npm package ships it: the analyzer reads src/*.ts, but a consumer imports
// dist/lib/*.js, so every module path and reference becomes a path in the package that exists; references the
// analyzer leaves relative (`./events/events.js`) or rooted (`/src/…`) are resolved; only the modules the package's
// entry points export from are kept (the rest is internal), less those with no JavaScript (types only: the event
// types are named in the events' `type` instead); events without a name (dispatched from a variable) go.
import { existsSync } from 'node:fs';
import { posix } from 'node:path';

/** Where the npm build puts each source module (rollup.config.mjs, `dist/lib/`). */
export const publishedPath = (source) => source.replace(/^src\//u, 'dist/lib/').replace(/\.ts$/u, '.js');

/**
 * The source module a reference from `from` names, as a manifest path (`src/….ts`): the analyzer writes a module's own
 * declarations package-relative, re-exports as written (`./events/events.js`) and element definitions rooted (`/src/…`).
 */
function resolveReference(from, module) {
  const path = module.startsWith('/')
    ? module.slice(1)
    : /^\.\.?\//u.test(module)
      ? posix.join(posix.dirname(from), module)
      : module;
  return posix.normalize(path).replace(/\.js$/u, '.ts');
}

/** Every place a manifest names a module: exports, superclasses, mixins, inherited members. */
function* references(module) {
  for (const entry of module.exports ?? []) if (entry.declaration?.module) yield entry.declaration;
  for (const declaration of module.declarations ?? []) {
    if (declaration.superclass?.module) yield declaration.superclass;
    for (const mixin of declaration.mixins ?? []) if (mixin.module) yield mixin;
    for (const member of declaration.members ?? []) if (member.inheritedFrom?.module) yield member.inheritedFrom;
  }
}

/**
 * The analyzer plugin.
 * @param {{ entries: string[] }} options the source modules of the package's entry points (`src/index.ts`, …)
 */
export function publishedManifest({ entries }) {
  return {
    name: 'published-manifest',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const byPath = new Map(manifest.modules.map((module) => [module.path, module]));
      for (const module of manifest.modules) {
        for (const reference of references(module)) reference.module = resolveReference(module.path, reference.module);
      }
      // The modules the entry points export from, transitively.
      const kept = new Set();
      for (const todo = [...entries]; todo.length > 0; ) {
        const path = todo.pop();
        const module = byPath.get(path);
        if (kept.has(path) || !module) continue;
        kept.add(path);
        for (const entry of module.exports ?? []) if (entry.declaration?.module) todo.push(entry.declaration.module);
      }
      // Run after the npm build (`cem analyze` in the build script): a module without JavaScript there is types only.
      for (const path of kept) if (!existsSync(publishedPath(path))) kept.delete(path);
      manifest.modules = manifest.modules.filter((module) => kept.has(module.path));
      for (const module of manifest.modules) {
        module.exports = module.exports?.filter(
          (entry) => !entry.declaration?.module || kept.has(entry.declaration.module),
        );
        for (const declaration of module.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
        }
        for (const reference of references(module)) {
          if (!kept.has(reference.module)) {
            throw new Error(`${module.path} names ${reference.module}, which no entry point exports from`);
          }
          reference.module = publishedPath(reference.module);
        }
        module.path = publishedPath(module.path);
      }
    },
  };
}
