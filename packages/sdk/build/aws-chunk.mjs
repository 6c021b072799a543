// Which modules go in the AWS chunk: everything the SDK's two sending modules (the delivery loop and the AWS
// transport, both imported lazily on first focus or submit) need that nothing loaded earlier needs. One chunk, so
// sending never waits for a second round trip; the AWS SDK's own lazy import of its Cognito client lands in it too.
// Used by the SDK's npm build (dist/send.js) and the widget's script-tag build (aws-*.js). (The AWS SDK's event-stream
// code, which no call here reaches, is left out: see unreachable-aws-code.mjs.)

/** The SDK's lazily imported sending modules. */
const SENDING = /\/sdk\/src\/(?:delivery-loop|adapters\/aws-transport)\.ts$/u;

/** A module made only of `export … from` lines (a package index): it uses nothing it re-exports. */
export function isReexportIndex(info) {
  return (
    info.ast?.body.every(
      (node) => node.directive !== undefined || (node.source && /^Export(?:Named|All)Declaration$/u.test(node.type)),
    ) ?? false
  );
}

/**
 * `output.manualChunks` (with `onlyExplicitManualChunks`) naming the `aws` chunk.
 * @returns {import('rollup').GetManualChunk}
 */
export function awsChunk() {
  let sending;
  return (id, { getModuleIds, getModuleInfo }) => {
    sending ??= sendingModules([...getModuleIds()], getModuleInfo);
    return sending.has(id) ? 'aws' : undefined;
  };
}

function sendingModules(ids, getModuleInfo) {
  // Everything reachable from the sending modules…
  const sending = new Set();
  const todo = ids.filter((id) => SENDING.test(id));
  while (todo.length > 0) {
    const id = todo.pop();
    if (sending.has(id)) continue;
    sending.add(id);
    const info = getModuleInfo(id);
    todo.push(...info.importedIds, ...info.dynamicallyImportedIds);
  }
  // …less whatever is also imported from outside it (errors, events and the like, already loaded with the form).
  // A package index re-exporting a module does not use it.
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of sending) {
      if (SENDING.test(id)) continue;
      const info = getModuleInfo(id);
      const outside = [...info.importers, ...info.dynamicImporters].some(
        (importer) => !sending.has(importer) && !isReexportIndex(getModuleInfo(importer)),
      );
      if (outside) {
        sending.delete(id);
        changed = true;
      }
    }
  }
  return sending;
}

/**
 * Fails the build when a chunk imports the AWS chunk statically (a module the form needs early ended up in it), which
 * would load the AWS SDK with the page.
 * @returns {import('rollup').Plugin}
 */
export function awsChunkStaysLazy() {
  return {
    name: 'aws-chunk-stays-lazy',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
      const aws = chunks.find((chunk) => chunk.name === 'aws');
      if (!aws) this.error('no AWS chunk was made');
      for (const chunk of chunks) {
        if (chunk.imports.includes(aws.fileName)) {
          this.error(`${chunk.fileName} imports ${aws.fileName} statically: the AWS SDK would load with it`);
        }
      }
    },
  };
}
