// A Firehose call signed the way the AWS SDK signs it, without the SDK, as a page's service worker receives it.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SignedRequest } from '../services/sigv4.js';

/** What to vary in {@link signedFirehoseCall}. */
export interface SignedCallOptions {
  /** Signing time, ms since the epoch. @default now */
  at?: number;
  region?: string;
  service?: string;
  /** JSON body. @default `{"DeliveryStreamName":"entries-0"}` */
  body?: string;
  /** Signed along with the usual headers. */
  extraHeaders?: Record<string, string>;
  /** Sent but left out of `SignedHeaders` (e.g. `host`, which AWS requires to be signed). */
  unsignedHeaders?: string[];
}

/**
 * Signs a `Firehose_20150804.PutRecordBatch` POST to `https://firehose.us-east-1.amazonaws.com/`. `host` and
 * `content-length` are signed, then removed: browsers never show a service worker those forbidden headers.
 */
export async function signedFirehoseCall(
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  options: SignedCallOptions = {},
): Promise<SignedRequest> {
  const body = new TextEncoder().encode(options.body ?? '{"DeliveryStreamName":"entries-0"}');
  const signer = new SignatureV4({
    credentials,
    region: options.region ?? 'us-east-1',
    service: options.service ?? 'firehose',
    sha256: Sha256,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'https:',
      hostname: 'firehose.us-east-1.amazonaws.com',
      path: '/',
      query: {},
      headers: {
        host: 'firehose.us-east-1.amazonaws.com',
        'content-length': String(body.byteLength),
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'Firehose_20150804.PutRecordBatch',
        ...options.extraHeaders,
      },
      body,
    },
    {
      signingDate: new Date(options.at ?? Date.now()),
      ...(options.unsignedHeaders ? { unsignableHeaders: new Set(options.unsignedHeaders) } : {}),
    },
  );
  const headers = new Headers(signed.headers as Record<string, string>);
  headers.delete('host');
  headers.delete('content-length');
  return { method: 'POST', url: new URL('https://firehose.us-east-1.amazonaws.com/'), headers, body };
}
