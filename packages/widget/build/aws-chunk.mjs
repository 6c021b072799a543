// Which modules go in the AWS chunk: everything the SDK's two sending modules (the delivery loop and the AWS
// transport, both imported lazily on first focus or submit) need that nothing loaded earlier needs. One chunk, so
// sending never waits for a second round trip; the AWS SDK's own lazy import of its Cognito client lands in it too.

/** The SDK's lazily imported sending modules. */
const SENDING = /\/sdk\/src\/(?:delivery-loop|adapters\/aws-transport)\.ts$/u;

/**
 * AWS SDK code no call of this product reaches: event streams (PutRecordBatch, GetId and GetCredentialsForIdentity
 * have none) and the CRC-32 only their message framing uses. It gets a chunk of its own that is never loaded.
 */
export const NEVER_LOADED = /\/@smithy\/core\/dist-es\/submodules\/(?:event-streams|checksum\/crc32)\//u;

/** A module made only of `export … from` lines (a package index): it uses nothing it re-exports. */
export function isReexportIndex(info) {
  return (
    info.ast?.body.every(
      (node) => node.directive !== undefined || (node.source && /^Export(?:Named|All)Declaration$/u.test(node.type)),
    ) ?? false
  );
}

/**
 * `output.manualChunks` (with `onlyExplicitManualChunks`) naming the `aws` and `event-streams` chunks.
 * @returns {import('rollup').GetManualChunk}
 */
export function awsChunk() {
  let sending;
  return (id, { getModuleIds, getModuleInfo }) => {
    sending ??= sendingModules([...getModuleIds()], getModuleInfo);
    if (sending.has(id)) return 'aws';
    return NEVER_LOADED.test(id) ? 'event-streams' : undefined;
  };
}

function sendingModules(ids, getModuleInfo) {
  // Everything reachable from the sending modules, short of the never-loaded code…
  const sending = new Set();
  const todo = ids.filter((id) => SENDING.test(id));
  while (todo.length > 0) {
    const id = todo.pop();
    if (sending.has(id) || NEVER_LOADED.test(id)) continue;
    sending.add(id);
    const info = getModuleInfo(id);
    todo.push(...info.importedIds, ...info.dynamicallyImportedIds);
  }
  // …less whatever is also imported from outside it (errors, events and the like, already loaded with the form).
  // A package index re-exporting a module does not use it, and never-loaded code may import from the AWS chunk.
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of sending) {
      if (SENDING.test(id)) continue;
      const info = getModuleInfo(id);
      const outside = [...info.importers, ...info.dynamicImporters].some(
        (importer) =>
          !sending.has(importer) && !NEVER_LOADED.test(importer) && !isReexportIndex(getModuleInfo(importer)),
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
 * Fails the build when a chunk other than the never-loaded one imports the AWS chunk statically (a module the form
 * needs early ended up in it), which would load the AWS SDK with the page.
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
        if (chunk.name !== 'event-streams' && chunk.imports.includes(aws.fileName)) {
          this.error(`${chunk.fileName} imports ${aws.fileName} statically: the AWS SDK would load with it`);
        }
      }
    },
  };
}
