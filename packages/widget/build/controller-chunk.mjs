// Which modules go in the controller's chunk: the element's controller (src/form-controller.ts) and everything it needs
// statically that the first file does not hold, the SDK's validation, storage and client included. Left to itself,
// rollup gives that SDK part a chunk of its own, because the kiosk chunk imports it too; but a kiosk page loads the
// controller anyway (right after the first render, as every page does), so one file downloads nothing more, costs one
// request less, and compresses better (one gzip dictionary for both: ~0.65 KB less).

import { isReexportIndex } from '../../sdk/build/aws-chunk.mjs';

/** The element's controller, loaded right after the first render. */
const CONTROLLER = /\/widget\/src\/form-controller\.ts$/u;

/** The import and `export … from` declarations of a module's AST, each with the names it takes (`null`: all). */
function declarations(info) {
  return (info.ast?.body ?? []).flatMap((node) => {
    if (node.type === 'ImportDeclaration') {
      const all = node.specifiers.some((specifier) => specifier.type === 'ImportNamespaceSpecifier');
      const names = node.specifiers.map((specifier) =>
        specifier.type === 'ImportDefaultSpecifier' ? 'default' : specifier.imported?.name,
      );
      return [{ node, names: all ? null : names }];
    }
    if (node.type === 'ExportAllDeclaration') return [{ node, names: null }];
    if (node.type === 'ExportNamedDeclaration' && node.source) {
      return [{ node, names: node.specifiers.map((specifier) => specifier.local.name ?? specifier.local.value) }];
    }
    return [];
  });
}

/**
 * The module each declaration imports from. Rollup lists a module's `importedIds` in the order their sources first
 * appear, which is how they are paired here; a count that does not match fails the build rather than guess.
 */
function sourcesOf(info) {
  const seen = new Map();
  for (const declaration of declarations(info)) {
    const source = declaration.node.source.value;
    if (!seen.has(source)) seen.set(source, []);
    seen.get(source).push(declaration);
  }
  if (seen.size !== info.importedIds.length) {
    throw new Error(
      `controller-chunk: ${info.id} imports ${seen.size} sources but rollup lists ${info.importedIds.length}`,
    );
  }
  return [...seen.values()].map((group, index) => ({ id: info.importedIds[index], group }));
}

/**
 * The modules whose code `starts` need, following static imports by name through package indexes as rollup does (an
 * index re-exporting a module does not make its importers need it all). `starts` are taken whole.
 */
function needed(starts, getModuleInfo) {
  const modules = new Set();
  const asked = new Map(); // index id → names already followed (null: all)
  const todo = starts.map((id) => ({ id, names: null }));
  while (todo.length > 0) {
    const { id, names } = todo.pop();
    const info = getModuleInfo(id);
    if (!info || info.isExternal) continue;
    if (!isReexportIndex(info)) {
      if (modules.has(id)) continue;
      modules.add(id);
      for (const { id: target, group } of sourcesOf(info)) {
        const all = group.some((declaration) => declaration.names === null);
        todo.push({ id: target, names: all ? null : group.flatMap((declaration) => declaration.names) });
      }
      continue;
    }
    // An index: only the modules that provide the names asked for.
    const before = asked.get(id);
    if (before === null || (names !== null && before && names.every((name) => before.has(name)))) continue;
    asked.set(id, names === null ? null : new Set([...(before ?? []), ...names]));
    for (const { id: target, group } of sourcesOf(info)) {
      for (const { node } of group) {
        if (node.type === 'ExportAllDeclaration') {
          todo.push({ id: target, names });
          continue;
        }
        const taken = node.specifiers.filter((specifier) => {
          const exported = specifier.exported.name ?? specifier.exported.value;
          return names === null || names.includes(exported);
        });
        const local = taken.map((specifier) => specifier.local.name ?? specifier.local.value);
        if (local.length > 0) todo.push({ id: target, names: local });
      }
    }
  }
  return modules;
}

/**
 * `output.manualChunks` (after the AWS chunk's) naming the `form-controller` chunk: what the controller needs that the
 * entry's own static imports do not.
 * @returns {import('rollup').GetManualChunk}
 */
export function controllerChunk() {
  let controller;
  return (id, { getModuleIds, getModuleInfo }) => {
    if (!controller) {
      const ids = [...getModuleIds()];
      const first = needed(
        ids.filter((module) => getModuleInfo(module).isEntry),
        getModuleInfo,
      );
      controller = needed(
        ids.filter((module) => CONTROLLER.test(module)),
        getModuleInfo,
      );
      for (const module of first) controller.delete(module);
    }
    return controller.has(id) ? 'form-controller' : undefined;
  };
}

/**
 * Fails the build when the entry imports the controller's chunk statically (a module the first render needs ended up
 * in it), which would load the controller before the form shows.
 * @returns {import('rollup').Plugin}
 */
export function controllerChunkStaysLazy() {
  return {
    name: 'controller-chunk-stays-lazy',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
      const controller = chunks.find((chunk) => chunk.name === 'form-controller');
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!controller || !entry) this.error('no controller chunk or no entry was made');
      if (entry.imports.includes(controller.fileName)) {
        this.error(`${entry.fileName} imports ${controller.fileName} statically: the controller would load first`);
      }
    },
  };
}
