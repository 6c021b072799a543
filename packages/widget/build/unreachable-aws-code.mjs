// AWS SDK code and data this bundle can never use, left out. Each entry says why it is unreachable here; stubs throw a
// clear error should that ever change. The browser tests of the BUILT bundle against the emulator (the real AWS SDK,
// SigV4 verified, Chromium, Firefox and WebKit) check the rest of the SDK still works without them.

/** Modules replaced by stubs. `stub` gets the statement that throws. */
export const UNREACHABLE_AWS_MODULES = [
  {
    // Pure-JS SHA-256. Sha256WebCrypto falls back to it only where `crypto.subtle` is missing, i.e. outside secure
    // contexts (the element shows a configuration message there instead of a form: see #readPage in
    // src/campaign-entry.component.ts), or past 8 MiB of input (a
    // PutRecordBatch body is at most 4 MiB of records, base64-encoded: under 5.4 MiB).
    file: '@smithy/core/dist-es/submodules/checksum/sha256/Sha256Js.js',
    why: 'SHA-256 without WebCrypto (a secure context)',
    stub: (fail) => `export class Sha256Js { constructor() { ${fail} } }`,
  },
  {
    // Formats event-stream message headers for signing (SignatureV4.signMessage). PutRecordBatch, GetId and
    // GetCredentialsForIdentity have no event streams.
    file: '@smithy/signature-v4/dist-es/HeaderFormatter.js',
    why: 'event-stream signing',
    stub: (fail) => `export class HeaderFormatter { format() { ${fail} } }`,
  },
  {
    // The AWS SDK's retry engine, built only for a client without a `retryStrategy`: the SDK's AWS transport gives
    // both of its clients NO_RETRIES (its delivery loop owns retries).
    file: '@smithy/core/dist-es/submodules/retry/util-retry/StandardRetryStrategy.js',
    why: 'the AWS SDK retry engine',
    stub: (fail) => `export class StandardRetryStrategy { constructor() { ${fail} } }`,
  },
  {
    file: '@smithy/core/dist-es/submodules/retry/util-retry/AdaptiveRetryStrategy.js',
    why: 'the AWS SDK retry engine',
    stub: (fail) => `export class AdaptiveRetryStrategy { constructor() { ${fail} } }`,
  },
  {
    // Endpoint parameters rewritten for S3 only (`serviceId` "s3"); this bundle has Firehose and Cognito Identity.
    file: '@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/service-customizations/s3.js',
    why: 'S3 endpoint parameters',
    stub: (fail) => `export const resolveParamsForS3 = async () => { ${fail} };`,
  },
  {
    // Endpoint rule functions only S3's rules call; Firehose's and Cognito Identity's (endpoint/bdd.js) call
    // aws.partition alone (checked below).
    file: '@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/isVirtualHostableS3Bucket.js',
    why: 'S3 endpoint rules',
    stub: (fail) => `export const isVirtualHostableS3Bucket = () => { ${fail} };`,
  },
  {
    file: '@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/parseArn.js',
    why: 'ARN endpoint rules',
    stub: (fail) => `export const parseArn = () => { ${fail} };`,
  },
  {
    // The Cognito provider's default identity-id cache (IndexedDB, else localStorage, else memory), used only when it
    // is given no `cache`: the SDK's AWS transport always gives it one.
    file: '@aws-sdk/credential-provider-cognito-identity/dist-es/localStorage.js',
    why: "the Cognito provider's default cache",
    stub: (fail) => `export const localStorage = () => { ${fail} };`,
  },
];

// Every region's human-readable name ("Asia Pacific (Tokyo)"): aws.partition() returns it with the region's
// partition, but endpoint rules read only the partition's DNS suffixes and flags.
const PARTITIONS = '@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partitions.js';
// The endpoint rules of the clients in the bundle.
const ENDPOINT_RULES = /\/endpoint\/(?:bdd|ruleset)\.js$/u;
// What rules would name to reach what is left out: the two stubbed rule functions and a region's description.
const LEFT_OUT_NAMES = ['aws.isVirtualHostableS3Bucket', 'aws.parseArn', 'description'];

/**
 * Loads {@link UNREACHABLE_AWS_MODULES} as stubs and drops region descriptions; fails the build if an endpoint rule set
 * in the bundle uses what was left out.
 * @returns {import('rollup').Plugin}
 */
export function leaveOutUnreachableAwsCode() {
  const helper = '\0unreachable-aws-code';
  const inPackage = (id, file) => id.endsWith(`/node_modules/${file}`);
  return {
    name: 'leave-out-unreachable-aws-code',
    resolveId: (source) => (source === helper ? source : null),
    load(id) {
      if (id === helper) {
        return 'export function unreachable(what) { throw new Error("campaign-entry: " + what + " is not in this bundle"); }';
      }
      const stub = UNREACHABLE_AWS_MODULES.find(({ file }) => inPackage(id, file));
      if (!stub) return null;
      return `import { unreachable } from ${JSON.stringify(helper)};\n${stub.stub(`unreachable(${JSON.stringify(stub.why)});`)}`;
    },
    transform(code, id) {
      if (ENDPOINT_RULES.test(id)) {
        const used = LEFT_OUT_NAMES.filter((name) => code.includes(`"${name}"`));
        if (used.length > 0) this.error(`${id} uses ${used.join(', ')}, which this bundle leaves out`);
        return null;
      }
      if (!inPackage(id, PARTITIONS)) return null;
      // Keeps every region (they pick the partition) and the line breaks (the source map stays right).
      return { code: code.replace(/"description": "[^"]*"/gu, ''), map: null };
    },
  };
}
