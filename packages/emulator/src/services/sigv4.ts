// Signature Version 4 verification with @smithy/signature-v4 and Web Crypto (no hand-rolled crypto): the request is rebuilt from
// exactly the headers the client signed, re-signed with the secret the emulator issued and the client's own signing
// date, and the two signatures are compared. Browsers hide `host` and `content-length` from service workers, so when
// signed but absent they are rebuilt from the URL and the body. Checks run in AWS's order and answer in its words.
import { SignatureV4 } from '@smithy/signature-v4';
import type { CredentialStore, KnownCredentials } from './credential-store.js';
import { AwsServiceError } from './errors.js';
import { parseAmzDate, toAmzDate } from './time-format.js';
import { Sha256 } from './web-crypto-sha256.js';

/** The signing algorithm AWS's SDKs use. */
const ALGORITHM = 'AWS4-HMAC-SHA256';
/** S3's opt-out of payload signing, which the services emulated here do not offer. */
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** How far a request's `X-Amz-Date` may be from the server's clock, in milliseconds (AWS: 5 minutes). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The parts of an `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` header. */
export interface AuthorizationParts {
  /** Access key id. */
  accessKeyId: string;
  /** Scope date, `YYYYMMDD`. */
  scopeDate: string;
  /** Scope region. */
  scopeRegion: string;
  /** Scope service (signing name). */
  scopeService: string;
  /** Scope terminator (`aws4_request`). */
  scopeTerminator: string;
  /** Lower-case names of the signed headers. */
  signedHeaders: string[];
  /** Hex signature. */
  signature: string;
}

/** The request as the verifier needs it. */
export interface SignedRequest {
  /** HTTP method. */
  method: string;
  /** Full URL the client called. */
  url: URL;
  /** Request headers. */
  headers: Headers;
  /** Raw body. */
  body: Uint8Array;
}

/** What the verifier checks against. */
export interface VerifyContext {
  /** Server time, in milliseconds since the epoch. */
  now: number;
  /** Region the credential scope must name. */
  region: string;
  /** Signing name the credential scope must name, e.g. `firehose`. */
  service: string;
  /** Credentials the emulator accepts. */
  credentials: CredentialStore;
}

const incomplete = (message: string) => new AwsServiceError('IncompleteSignatureException', message);
const invalid = (message: string) => new AwsServiceError('InvalidSignatureException', message);

/** Parses an `Authorization` header. Throws `IncompleteSignatureException` when it is garbled. */
export function parseAuthorization(value: string): AuthorizationParts {
  const trimmed = value.trim();
  const [algorithm = ''] = trimmed.split(' ', 1);
  if (algorithm !== ALGORITHM) throw incomplete(`Unsupported AWS 'algorithm': '${algorithm}'. Authorization=${value}`);
  const params = new Map<string, string>();
  for (const part of trimmed.slice(ALGORITHM.length).split(',')) {
    const pair = part.trim();
    if (!pair) continue;
    const equals = pair.indexOf('=');
    if (equals < 0) {
      throw incomplete(
        `'${pair}' not a valid key=value pair (missing equal-sign) in Authorization header: '${value}'.`,
      );
    }
    params.set(pair.slice(0, equals), pair.slice(equals + 1));
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((name) => !params.get(name));
  if (missing.length > 0) {
    throw incomplete(
      `${missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' ')} Authorization=${value}`,
    );
  }
  const credential = params.get('Credential') ?? '';
  const [accessKeyId, scopeDate, scopeRegion, scopeService, scopeTerminator, ...extra] = credential.split('/');
  if (!accessKeyId || !scopeDate || !scopeRegion || !scopeService || !scopeTerminator || extra.length > 0) {
    throw incomplete(
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    );
  }
  return {
    accessKeyId,
    scopeDate,
    scopeRegion,
    scopeService,
    scopeTerminator,
    signedHeaders: (params.get('SignedHeaders') ?? '').split(';').map((name) => name.trim().toLowerCase()),
    signature: params.get('Signature') ?? '',
  };
}

/** Checks `X-Amz-Date` against the server clock; throws AWS's "Signature expired" / "not yet current". */
function assertFresh(amzDate: string, signedAt: number, now: number): void {
  if (signedAt < now - MAX_CLOCK_SKEW_MS) {
    throw invalid(
      `Signature expired: ${amzDate} is now earlier than ${toAmzDate(now - MAX_CLOCK_SKEW_MS)} (${toAmzDate(now)} - 5 min.)`,
    );
  }
  if (signedAt > now + MAX_CLOCK_SKEW_MS) {
    throw invalid(
      `Signature not yet current: ${amzDate} is still later than ${toAmzDate(now + MAX_CLOCK_SKEW_MS)} (${toAmzDate(now)} + 5 min.)`,
    );
  }
}

function assertScope(parts: AuthorizationParts, amzDate: string, context: VerifyContext): void {
  if (parts.scopeDate !== amzDate.slice(0, 8)) {
    throw invalid(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parts.scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  if (parts.scopeRegion !== context.region) {
    throw invalid(`Credential should be scoped to a valid region, not '${parts.scopeRegion}'. `);
  }
  if (parts.scopeService !== context.service) {
    throw invalid(`Credential should be scoped to correct service: '${context.service}'. `);
  }
  if (parts.scopeTerminator !== 'aws4_request') {
    throw invalid(
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${parts.scopeTerminator}'. `,
    );
  }
}

function knownCredentials(parts: AuthorizationParts, request: SignedRequest, context: VerifyContext): KnownCredentials {
  const credentials = context.credentials.find(parts.accessKeyId);
  const token = request.headers.get('x-amz-security-token') ?? undefined;
  if (!credentials || credentials.sessionToken !== token) {
    throw new AwsServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  if (context.now >= credentials.expiresAt) {
    throw new AwsServiceError('ExpiredTokenException', 'The security token included in the request is expired');
  }
  return credentials;
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

async function sha256Hex(body: Uint8Array): Promise<string> {
  const hash = new Sha256();
  hash.update(body);
  return toHex(await hash.digest());
}

function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    difference |= (a.charCodeAt(index) || 0) ^ (b.charCodeAt(index) || 0);
  }
  return difference === 0;
}

/** Recomputes the signature of `request` over `parts.signedHeaders` with `credentials`. */
async function expectedSignature(
  request: SignedRequest,
  parts: AuthorizationParts,
  credentials: KnownCredentials,
  signedAt: number,
  bodyHash: string,
): Promise<string> {
  const headers: Record<string, string> = {};
  for (const name of parts.signedHeaders) {
    const value =
      request.headers.get(name) ??
      (name === 'host' ? request.url.host : name === 'content-length' ? String(request.body.byteLength) : null);
    if (value !== null) headers[name] = value;
  }
  // Firehose and Cognito are not S3: the payload is always part of the signature, whatever the client declares
  // (`UNSIGNED-PAYLOAD` included), so a body changed after signing never verifies. The signer takes the payload hash
  // from this header when it is there, so it is given the body's own hash.
  if (headers['x-amz-content-sha256'] !== undefined) headers['x-amz-content-sha256'] = bodyHash;
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of request.url.searchParams) {
    const previous = query[name];
    query[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken === undefined ? {} : { sessionToken: credentials.sessionToken }),
    },
    region: parts.scopeRegion,
    service: parts.scopeService,
    sha256: Sha256,
    applyChecksum: false,
  });
  const port = request.url.port ? Number(request.url.port) : undefined;
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: request.url.protocol,
      hostname: request.url.hostname,
      ...(port === undefined ? {} : { port }),
      path: request.url.pathname,
      query,
      headers,
      body: request.body,
    },
    { signingDate: new Date(signedAt), signableHeaders: new Set(parts.signedHeaders) },
  );
  return /Signature=([0-9a-f]+)/.exec(signed.headers.authorization ?? '')?.[1] ?? '';
}

/**
 * Verifies a SigV4-signed request. Resolves with the credentials it was signed with; rejects with an
 * {@link AwsServiceError}: `MissingAuthenticationTokenException`, `IncompleteSignatureException`,
 * `InvalidSignatureException` (wrong signature, wrong scope, or "Signature expired" when the clocks are > 5 min
 * apart), `UnrecognizedClientException` (unknown key or token) or `ExpiredTokenException`.
 */
export async function verifySignature(request: SignedRequest, context: VerifyContext): Promise<KnownCredentials> {
  const authorization = request.headers.get('authorization');
  if (!authorization) throw new AwsServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const parts = parseAuthorization(authorization);
  if (!parts.signedHeaders.includes('host') && !parts.signedHeaders.includes(':authority')) {
    // AWS requires the endpoint in the signature, so a signed request cannot be replayed against another host.
    throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  const amzDate = request.headers.get('x-amz-date') ?? '';
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined) {
    throw incomplete(
      `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${authorization}`,
    );
  }
  assertFresh(amzDate, signedAt, context.now);
  assertScope(parts, amzDate, context);
  const credentials = knownCredentials(parts, request, context);

  const bodyHash = await sha256Hex(request.body);
  const declaredHash = request.headers.get('x-amz-content-sha256');
  if (declaredHash && declaredHash !== UNSIGNED_PAYLOAD && declaredHash !== bodyHash) {
    throw invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  if (!sameText(await expectedSignature(request, parts, credentials, signedAt, bodyHash), parts.signature)) {
    throw invalid(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  return credentials;
}
