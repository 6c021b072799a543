// One AWS JSON 1.1 call over `fetch` (Cognito Identity and Firehose speak it: POST `/` with `X-Amz-Target`), and the
// AWS endpoints of a region. Failures are thrown in the shape the AWS SDK gives them (`name` the error type, `message`,
// `$fault`, `$metadata.httpStatusCode`, `$response.headers`), the one core/classify.ts reads; a network failure is
// `fetch`'s own TypeError, as with the AWS SDK.

/** A JSON object as AWS sends it. */
export type Json = Record<string, unknown>;

/** An AWS service's answer: the parsed body and the headers (names in lower case). */
export interface AwsAnswer {
  readonly body: Json;
  readonly headers: Readonly<Record<string, string>>;
}

/** One call: where, which operation (`X-Amz-Target`), what. */
export interface AwsJsonRequest {
  readonly endpoint: string;
  readonly target: string;
  readonly input: Json;
  /** Adds the signature's headers (Firehose); Cognito's guest calls are unsigned. */
  readonly sign?: (request: {
    url: URL;
    headers: Record<string, string>;
    body: string;
  }) => Promise<Headers | Record<string, string>>;
  /** `fetch`'s keepalive: the request outlives the page (64 KiB of bodies at most). */
  readonly keepalive?: boolean;
}

// The DNS suffix of each AWS partition that is not `aws`, by region prefix (checked against the AWS SDK's partition
// data for every region in aws-json.test.ts).
const DNS_SUFFIXES: readonly (readonly [RegExp, string])[] = [
  [/^cn-/u, 'amazonaws.com.cn'],
  [/^us-iso-/u, 'c2s.ic.gov'],
  [/^us-isob-/u, 'sc2s.sgov.gov'],
  [/^[a-z]{2}-isoe-/u, 'cloud.adc-e.uk'],
  [/^[a-z]{2}-isof-/u, 'csp.hci.ic.gov'],
  [/^eusc-/u, 'amazonaws.eu'],
];

/** The DNS suffix of `region`'s partition (`amazonaws.com` for the `aws` and `aws-us-gov` partitions). */
export const dnsSuffix = (region: string): string =>
  DNS_SUFFIXES.find(([pattern]) => pattern.test(region))?.[1] ?? 'amazonaws.com';

/** A service's endpoint in `region`, as the AWS SDK's endpoint rules give it (neither FIPS nor dual-stack). */
export const awsEndpoint = (service: 'cognito-identity' | 'firehose', region: string): string =>
  `https://${service}.${region}.${dnsSuffix(region)}`;

/** An AWS error answer as the AWS SDK throws it. */
function awsError(status: number, headers: Record<string, string>, body: Json): Error {
  // As the AWS SDK reads it: the header first, then the body; `prefix#Name:suffix` → `Name`.
  const type = String(headers['x-amzn-errortype'] ?? body.__type ?? body.code ?? 'UnknownError');
  const name = type.split(':')[0]?.split('#').pop() || 'UnknownError';
  const message = body.message ?? body.Message;
  return Object.assign(new Error(typeof message === 'string' ? message : name), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, requestId: headers['x-amzn-requestid'] },
    $response: { statusCode: status, headers },
  });
}

/** A malformed answer from `service`: a service failure (`InternalFailure`), retried as one. */
export const malformedAnswer = (service: string, what: string): Error =>
  Object.assign(new Error(`${service} answered ${what}`), { name: 'InternalFailure' });

/** Makes the call; resolves with a 2xx answer, rejects with the AWS error of any other. */
export async function callAwsJson(request: AwsJsonRequest): Promise<AwsAnswer> {
  const url = new URL(request.endpoint);
  const body = JSON.stringify(request.input);
  const headers: Record<string, string> = {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': request.target,
  };
  const response = await fetch(url, {
    method: 'POST',
    headers: request.sign ? await request.sign({ url, headers, body }) : headers,
    body,
    ...(request.keepalive ? { keepalive: true } : {}),
  });
  const answerHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    answerHeaders[name] = value;
  });
  const text = await response.text();
  let parsed: Json = {};
  try {
    parsed = text ? (JSON.parse(text) as Json) : {};
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  if (!response.ok) throw awsError(response.status, answerHeaders, parsed);
  return { body: parsed, headers: answerHeaders };
}
