// Facts about the AWS services' models (the schemas the AWS SDK clients serialize and deserialize with) that decide
// which AWS SDK code this bundle can leave out (unreachable-aws-code.mjs). Read from the clients the SDK depends on,
// at the versions installed, so a client update that makes left-out code reachable fails the build.
import { createRequire } from 'node:module';

const fromSdk = createRequire(new URL('../package.json', import.meta.url));
const fromCognitoProvider = createRequire(fromSdk.resolve('@aws-sdk/credential-provider-cognito-identity'));

/**
 * The AWS SDK clients in the bundle, by the folder of their schema modules: Firehose (the SDK's transport) and Cognito
 * Identity (the credential provider's nested client).
 */
export const MODELLED_CLIENTS = {
  '@aws-sdk/client-firehose/dist-es/schemas/': () => fromSdk('@aws-sdk/client-firehose'),
  '@aws-sdk/nested-clients/dist-es/submodules/cognito-identity/schemas/': () =>
    fromCognitoProvider('@aws-sdk/nested-clients/cognito-identity'),
};

let models;
/** Every schema each client exports (`Foo$`), with the schema helpers of the same @smithy/core. */
function load() {
  models ??= Object.values(MODELLED_CLIENTS).map((client) => {
    const exports = client();
    const schemas = Object.entries(exports).filter(([name, value]) => name.endsWith('$') && Array.isArray(value));
    return { schemas };
  });
  const { NormalizedSchema, translateTraits } = fromSdk(
    createRequire(fromSdk.resolve('@aws-sdk/client-firehose')).resolve('@smithy/core/schema'),
  );
  return { models, NormalizedSchema, translateTraits };
}

const OPERATION = 9;

/** Calls `visit` on every shape reachable from the clients' schemas, each once. */
function eachShape(visit) {
  const { models, NormalizedSchema } = load();
  const seen = new Set();
  const walk = (ns, path) => {
    const raw = ns.getSchema();
    if (typeof raw === 'object' && raw !== null) {
      if (seen.has(raw)) return;
      seen.add(raw);
    }
    visit(ns, path);
    if (ns.isStructSchema()) for (const [name, member] of ns.structIterator()) walk(member, `${path}.${name}`);
    else if (ns.isListSchema() || ns.isMapSchema()) walk(ns.getValueSchema(), `${path}[]`);
  };
  for (const { schemas } of models) {
    for (const [name, schema] of schemas) if (schema[0] !== OPERATION) walk(NormalizedSchema.of(schema), name);
  }
}

/** Problems, if any, with reading JSON without big-number parsing (needed for modelled bigInteger, bigDecimal, documents). */
export function noReviverNeeded() {
  const problems = [];
  eachShape((ns, path) => {
    if (ns.isBigIntegerSchema() || ns.isBigDecimalSchema() || ns.isDocumentSchema()) problems.push(path);
  });
  return problems.map((path) => `${path} is a big number or a document`);
}

/** Problems, if any, with leaving out timestamps in `date-time` (5) and `http-date` (6) formats. */
export function onlyEpochTimestamps() {
  const problems = [];
  eachShape((ns, path) => {
    const raw = ns.getSchema();
    if (ns.isTimestampSchema() && (raw === 5 || raw === 6)) problems.push(`${path} is a timestamp in format ${raw}`);
  });
  return problems;
}

/** Problems, if any, with leaving out host prefixes (an operation's `endpoint` trait). */
export function noHostPrefix() {
  const { models, translateTraits } = load();
  return models.flatMap(({ schemas }) =>
    schemas
      .filter(([, schema]) => schema[0] === OPERATION && translateTraits(schema[3] ?? 0).endpoint !== undefined)
      .map(([name]) => `${name} has a host prefix`),
  );
}

/** Problems, if any, with leaving out event streams (a structure member that is a streaming union). */
export function noEventStreams() {
  const problems = [];
  eachShape((ns, path) => {
    if (ns.isStructSchema() && ns.getEventStreamMember()) problems.push(`${path} has an event stream`);
  });
  return problems;
}

/**
 * Problems, if any, with leaving out what only REST and query-compatible protocols do: every client here must speak an
 * AWS JSON RPC protocol that is not query-compatible. Read from a client of each, as the AWS SDK configures it.
 */
export function rpcNotQueryCompatible() {
  // The AWS SDK's documented switch for its Node-version warning (scripts/quiet-aws-sdk.mjs sets it for commands).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return Object.values(MODELLED_CLIENTS).flatMap((load) => {
    const Client = Object.values(load()).find(
      (value) => typeof value === 'function' && /^\w+Client$/u.test(value.name) && value.name !== 'Client',
    );
    const protocol = new Client({ region: 'us-east-1' }).config.protocol;
    const name = protocol?.constructor?.name;
    if (!/^AwsJson1_[01]Protocol$/u.test(name ?? '')) return [`${Client.name} speaks ${name}, not AWS JSON RPC`];
    return protocol.awsQueryCompatible ? [`${Client.name} is query-compatible`] : [];
  });
}
