// AWS SDK code and data this bundle can never use, left out. Each entry says why it is unreachable here; stubs throw a
// clear error should that ever change, and where "unreachable" depends on the services' models, the build checks the
// models (see aws-models.mjs) and fails if they changed. The browser tests of the BUILT bundle against the emulator
// (the real AWS SDK, SigV4 verified, Chromium, Firefox and WebKit) check the rest of the SDK still works without them.
import { readFileSync } from 'node:fs';
import {
  MODELLED_CLIENTS,
  noEventStreams,
  noHostPrefix,
  noReviverNeeded,
  onlyEpochTimestamps,
  rpcNotQueryCompatible,
} from './aws-models.mjs';

/** Problems, if any, with the AWS transport's clients logging to NoOpLogger: it must configure no `logger`. */
function noLoggerGiven() {
  const transport = readFileSync(new URL('../src/adapters/aws-transport.ts', import.meta.url), 'utf8');
  return /\blogger\b/u.test(transport) ? ['packages/sdk/src/adapters/aws-transport.ts configures a logger'] : [];
}

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
    // Turns JSON numbers too big or too precise for a double into BigInt / NumericValue. No modelled shape of these
    // clients is a bigInteger, bigDecimal or document (checked below), but error bodies are read as documents: the
    // stand-in keeps every value as JSON.parse made it, which is exact for everything but such numbers.
    file: '@smithy/core/dist-es/submodules/protocols/json/jsonReviver.js',
    why: 'big-number JSON parsing',
    stub: () => 'export function jsonReviver(_key, value) { return value; }',
    check: noReviverNeeded,
  },
  {
    // Filters sensitive members out of what is logged; only the logger middleware calls it (see above).
    file: '@smithy/core/dist-es/submodules/client/smithy-client/schemaLogFilter.js',
    why: 'log filtering',
    stub: () => 'export function schemaLogFilter(_schema, data) { return data; }',
    check: noLoggerGiven,
  },
  {
    // The Cognito provider's default identity-id cache (IndexedDB, else localStorage, else memory), used only when it
    // is given no `cache`: the SDK's AWS transport always gives it one.
    file: '@aws-sdk/credential-provider-cognito-identity/dist-es/localStorage.js',
    why: "the Cognito provider's default cache",
    stub: (fail) => `export const localStorage = () => { ${fail} };`,
  },
];

/** Packages imported by specifier (dynamically), replaced by stubs. */
export const UNREACHABLE_AWS_IMPORTS = [
  {
    // Event-stream framing and serde (with the CRC-32 only it uses), which the protocols import on the first call of
    // an operation with an event-stream member. No input or output of these clients has one (checked below).
    source: '@smithy/core/event-streams',
    why: 'event streams',
    stub: (fail) =>
      `export class EventStreamSerde { constructor() { ${fail} } }\nexport const eventStreamSerdeProvider = () => { ${fail} };`,
    check: noEventStreams,
  },
];

/**
 * Exports replaced by stubs inside modules the bundle otherwise needs (the rest of the module stays as it is).
 * `stubs` maps an export's name to its stub.
 */
export const UNREACHABLE_AWS_EXPORTS = [
  {
    // The REST binding view of a schema. In an RPC protocol (awsJson1_1: both clients here) only HttpProtocol's
    // setHostPrefix reads it, and only for an operation with a host prefix (the `endpoint` trait); none has one.
    file: '@smithy/core/dist-es/submodules/protocols/HttpBindingNormalizedSchema.js',
    why: 'HTTP bindings (REST protocols, host prefixes)',
    stubs: { HttpBindingNormalizedSchema: (fail) => `class HttpBindingNormalizedSchema { static of() { ${fail} } }` },
    check: noHostPrefix,
  },
  {
    // Logs each call to the client's logger, with its input and output filtered of sensitive members. The SDK's AWS
    // transport gives its clients no logger, so they log to NoOpLogger (checked): the middleware, still registered
    // under its name, passes calls through.
    file: '@aws-sdk/core/dist-es/submodules/client/middleware-logger/loggerMiddleware.js',
    why: 'logging to a logger the clients do not have',
    stubs: { loggerMiddleware: () => 'const loggerMiddleware = () => (next) => next;' },
    check: noLoggerGiven,
  },
  {
    // Timestamps in `date-time` or `http-date` format: awsJson1_1 writes and reads epoch seconds unless a member's
    // `timestampFormat` trait says otherwise, and no member of these clients does. (RFC 7231 dates stay: the retry
    // middleware reads `Retry-After` with them.)
    file: '@smithy/core/dist-es/submodules/serde/date-utils.js',
    why: 'date-time and http-date timestamps',
    stubs: {
      dateToUtcString: (fail) => `function dateToUtcString() { ${fail} }`,
      parseRfc3339DateTime: (fail) => `const parseRfc3339DateTime = () => { ${fail} };`,
      parseRfc3339DateTimeWithOffset: (fail) => `const parseRfc3339DateTimeWithOffset = () => { ${fail} };`,
    },
    check: onlyEpochTimestamps,
  },
];

/**
 * Methods of classes the bundle otherwise needs, whose bodies are replaced by stubs (parameters and the rest of the
 * class stay). `methods` names them in class `className`.
 */
export const UNREACHABLE_AWS_METHODS = [
  {
    // Signing anything but an HTTP request: presigned URLs, event-stream messages and events, bare strings (which
    // only those two sign). The AWS SDK's signer middleware calls sign() with the HTTP request alone, which sign()
    // hands to signRequest(); these clients make no presigned URL and have no event stream (checked below).
    file: '@smithy/signature-v4/dist-es/SignatureV4.js',
    className: 'SignatureV4',
    why: 'presigning and event-stream signing',
    methods: ['presign', 'signEvent', 'signMessage', 'signString'],
    check: noEventStreams,
  },
  {
    // The event-stream part of the protocols, loaded by an operation with an event-stream member: none here (checked
    // below; the import itself is a stand-in, see UNREACHABLE_AWS_IMPORTS).
    file: '@smithy/core/dist-es/submodules/protocols/HttpProtocol.js',
    className: 'HttpProtocol',
    why: 'event streams',
    methods: [
      'serializeEventStream',
      'deserializeEventStream',
      'loadEventStreamCapability',
      'getEventStreamMarshaller',
      'resolveEventStreamMarshaller',
    ],
    check: noEventStreams,
  },
  {
    // What the AWS protocols share that only REST protocols (a request's content type from its HTTP bindings) and
    // query-compatible services (errors in the AWS Query shape) use: both clients here speak AWS JSON 1.1, not
    // query-compatible (checked below).
    file: '@aws-sdk/core/dist-es/submodules/protocols/ProtocolLib.js',
    className: 'ProtocolLib',
    why: 'REST content types and query-compatible errors',
    methods: ['resolveRestContentType', 'setQueryCompatError', 'queryCompatOutput', 'findQueryCompatibleError'],
    check: rpcNotQueryCompatible,
  },
  {
    // String methods on the JSON request body (a Uint8Array), kept for middleware written when bodies were strings.
    // The bundle adds no middleware, and the AWS SDK's own (signing, content length, fetch) read the bytes.
    file: '@smithy/core/dist-es/submodules/protocols/json/codec-v2/JsonBytesStringAdapter.js',
    className: 'JsonBytesStringAdapter',
    why: 'string methods on a request body',
    methods: [
      'toString',
      'valueOf',
      'includes',
      'indexOf',
      'lastIndexOf',
      'startsWith',
      'endsWith',
      'match',
      'replace',
      'search',
      'split',
      'substring',
      'trim',
      'trimStart',
      'trimEnd',
      'charAt',
      'charCodeAt',
      'padStart',
      'padEnd',
      'repeat',
      'toUpperCase',
      'toLowerCase',
      's',
    ],
  },
];

// Every region's human-readable name ("Asia Pacific (Tokyo)"): aws.partition() returns it with the region's
// partition, but endpoint rules read only the partition's DNS suffixes and flags.
const PARTITIONS = '@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partitions.js';
// The endpoint rules of the clients in the bundle.
const ENDPOINT_RULES = /\/endpoint\/(?:bdd|ruleset)\.js$/u;
// What rules would name to reach what is left out: the two stubbed rule functions and a region's description.
const LEFT_OUT_NAMES = ['aws.isVirtualHostableS3Bucket', 'aws.parseArn', 'description'];
// Schema modules of AWS SDK clients: the models checked (aws-models.mjs) must be those of every client in the bundle.
const SCHEMAS = /\/node_modules\/(@aws-sdk\/.+\/schemas\/)schemas_\d+\.js$/u;

/**
 * The partitions without region descriptions, and without the regions listed where aws.partition() finds them anyway:
 * it looks a region up in every partition's list first, then tries each partition's `regionRegex` in order. A region
 * whose own entry is empty (once its description is gone) and whose partition's regex is the first to match it
 * resolves to the same outputs without its entry; the others (`aws-global`, …) stay.
 */
export function trimPartitions(info) {
  const partitions = info.partitions.map(({ regions, ...partition }) => ({
    ...partition,
    regions: Object.fromEntries(Object.entries(regions).map(([region, { description, ...rest }]) => [region, rest])),
  }));
  const byRegex = (region) => partitions.find(({ regionRegex }) => new RegExp(regionRegex).test(region));
  const listings = (region) => partitions.filter(({ regions }) => Object.hasOwn(regions, region)).length;
  for (const partition of partitions) {
    for (const [region, entry] of Object.entries(partition.regions)) {
      const redundant = Object.keys(entry).length === 0 && listings(region) === 1 && byRegex(region) === partition;
      if (redundant) delete partition.regions[region];
    }
  }
  return { ...info, partitions };
}

/** Replaces the declarations of `stubs`' exports in `code` (an ES module) by their stubs, keeping line numbers. */
function stubExports(ast, code, stubs, fail) {
  const edits = [];
  const found = new Set();
  for (const node of ast.body) {
    const declaration = node.type === 'ExportNamedDeclaration' ? node.declaration : null;
    const declarators = declaration?.declarations ?? [declaration];
    const name = declarators.length === 1 ? declarators[0]?.id?.name : undefined;
    if (!name || !Object.hasOwn(stubs, name)) continue;
    found.add(name);
    const lines = code.slice(declaration.start, declaration.end).split('\n').length - 1;
    edits.push([declaration.start, declaration.end, stubs[name](fail) + '\n'.repeat(lines)]);
  }
  const missing = Object.keys(stubs).filter((name) => !found.has(name));
  let stubbed = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) {
    stubbed = stubbed.slice(0, start) + text + stubbed.slice(end);
  }
  return { code: stubbed, missing };
}

/** Replaces the bodies of `methods` of class `className` in `code` by `fail`, keeping line numbers. */
function stubMethods(ast, code, className, methods, fail) {
  const edits = [];
  const found = new Set();
  const visit = (node) => {
    if (/^Class(?:Declaration|Expression)$/u.test(node?.type ?? '') && node.id?.name === className) {
      for (const member of node.body.body) {
        const name = member.key?.name;
        if (member.type !== 'MethodDefinition' || member.static || !methods.includes(name)) continue;
        found.add(name);
        const body = member.value.body;
        const lines = code.slice(body.start, body.end).split('\n').length - 1;
        edits.push([body.start, body.end, `{ ${fail} }${'\n'.repeat(lines)}`]);
      }
      return;
    }
    for (const value of Object.values(node ?? {})) {
      if (Array.isArray(value)) for (const item of value) visit(item);
      else if (typeof value?.type === 'string') visit(value);
    }
  };
  visit(ast);
  let stubbed = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) {
    stubbed = stubbed.slice(0, start) + text + stubbed.slice(end);
  }
  return { code: stubbed, missing: methods.filter((name) => !found.has(name)) };
}

/**
 * Loads {@link UNREACHABLE_AWS_MODULES} and {@link UNREACHABLE_AWS_IMPORTS} as stubs, replaces
 * {@link UNREACHABLE_AWS_EXPORTS} and the bodies of {@link UNREACHABLE_AWS_METHODS}, trims the partitions
 * ({@link trimPartitions}); fails the build if an endpoint rule set in the bundle uses what was left out, or if the
 * services' models make a left-out part reachable.
 * @returns {import('rollup').Plugin}
 */
export function leaveOutUnreachableAwsCode() {
  const helper = '\0unreachable-aws-code';
  const inPackage = (id, file) => id.endsWith(`/node_modules/${file}`);
  // The reason stays in this file, not in the bundle: every byte of the AWS chunk counts against the budget.
  const fail = () => 'unreachable();';
  const checked = new Map();
  const check = (context, { file, check }) => {
    if (!check) return;
    if (!checked.has(check)) checked.set(check, check());
    const problems = checked.get(check);
    if (problems.length > 0) context.error(`${file} cannot be left out: ${problems.join('; ')}`);
  };
  return {
    name: 'leave-out-unreachable-aws-code',
    resolveId(source) {
      if (source === helper) return source;
      return UNREACHABLE_AWS_IMPORTS.some((entry) => entry.source === source) ? `\0unreachable:${source}` : null;
    },
    load(id) {
      const imported = UNREACHABLE_AWS_IMPORTS.find(({ source }) => id === `\0unreachable:${source}`);
      if (imported) {
        check(this, { file: imported.source, check: imported.check });
        return `import { unreachable } from ${JSON.stringify(helper)};\n${imported.stub(fail(imported.why))}`;
      }
      if (id === helper) {
        return 'export function unreachable() { throw new Error("campaign-entry: AWS SDK code left out of this bundle was reached (see build/unreachable-aws-code.mjs)"); }';
      }
      const stub = UNREACHABLE_AWS_MODULES.find(({ file }) => inPackage(id, file));
      if (!stub) return null;
      check(this, stub);
      return `import { unreachable } from ${JSON.stringify(helper)};\n${stub.stub(fail(stub.why))}`;
    },
    transform(code, id) {
      if (ENDPOINT_RULES.test(id)) {
        const used = LEFT_OUT_NAMES.filter((name) => code.includes(`"${name}"`));
        if (used.length > 0) this.error(`${id} uses ${used.join(', ')}, which this bundle leaves out`);
        return null;
      }
      const schemas = SCHEMAS.exec(id)?.[1];
      if (schemas && !Object.keys(MODELLED_CLIENTS).includes(schemas)) {
        this.error(`${id}: add its client to MODELLED_CLIENTS (build/aws-models.mjs) so its models are checked`);
      }
      const partial = UNREACHABLE_AWS_EXPORTS.find(({ file }) => inPackage(id, file));
      if (partial) {
        check(this, partial);
        const stubbed = stubExports(this.parse(code), code, partial.stubs, fail(partial.why));
        if (stubbed.missing.length > 0)
          this.error(`${id} no longer declares ${stubbed.missing.join(', ')} as expected`);
        // The stubs take as many lines as what they replace: the existing source map still fits.
        return { code: `${stubbed.code}\nimport { unreachable } from ${JSON.stringify(helper)};`, map: null };
      }
      const methods = UNREACHABLE_AWS_METHODS.find(({ file }) => inPackage(id, file));
      if (methods) {
        check(this, methods);
        const stubbed = stubMethods(this.parse(code), code, methods.className, methods.methods, fail(methods.why));
        if (stubbed.missing.length > 0) {
          this.error(`${id}: ${methods.className} no longer has ${stubbed.missing.join(', ')} as expected`);
        }
        return { code: `${stubbed.code}\nimport { unreachable } from ${JSON.stringify(helper)};`, map: null };
      }
      if (!inPackage(id, PARTITIONS)) return null;
      const prefix = 'export const partitionsInfo = ';
      if (!code.startsWith(prefix)) this.error(`${id} no longer starts with \`${prefix}\``);
      const info = JSON.parse(code.slice(prefix.length).trim().replace(/;$/u, ''));
      return { code: `${prefix}${JSON.stringify(trimPartitions(info))};`, map: { mappings: '' } };
    },
  };
}
