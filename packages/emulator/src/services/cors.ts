// CORS as a browser needs it for signed AWS calls: every signed call is preflighted (it sends `authorization`,
// `x-amz-*`, `amz-sdk-*` and a non-simple `content-type`), and the SDK reads the request id and `Date` (clock-skew
// correction) from answers, so those must be exposed.
import type { EmulatorResponse } from './response.js';

/** Request headers a preflight may ask for. */
const ALLOWED_HEADER = /^(authorization|content-type|x-amz-[a-z0-9-]+|x-amzn-[a-z0-9-]+|amz-sdk-[a-z0-9-]+)$/;

/** Response headers a page may read. */
const EXPOSED = ['x-amzn-RequestId', 'x-amzn-ErrorType', 'x-amzn-ErrorMessage', 'x-amz-id-2', 'Date'].join(', ');

/** Headers added to every answer. */
export function corsHeaders(): Record<string, string> {
  return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSED };
}

/**
 * The answer to a CORS preflight: the requested headers are echoed if each is one AWS allows, otherwise the allowed
 * list is sent and the browser refuses the call, as it would against AWS.
 */
export function preflightAnswer(requestHeaders: Headers): EmulatorResponse {
  const asked = (requestHeaders.get('access-control-request-headers') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const allowed = asked.length > 0 && asked.every((name) => ALLOWED_HEADER.test(name));
  return {
    status: 200,
    headers: {
      ...corsHeaders(),
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': allowed
        ? asked.join(', ')
        : 'authorization, content-type, x-amz-date, x-amz-security-token, x-amz-target, x-amz-user-agent, x-amz-content-sha256, amz-sdk-invocation-id, amz-sdk-request',
      'Access-Control-Max-Age': '86400',
      'Content-Length': '0',
    },
    body: '',
  };
}
