/**
 * The SDK's version, written into every record's `meta.sdk`. A literal rather than an import of package.json, which
 * would ship the whole manifest to browsers through some bundlers; version.test.ts fails when the two differ.
 */
export const SDK_VERSION = '0.1.0';
