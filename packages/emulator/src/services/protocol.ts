// AWS JSON 1.1 answers: a JSON body, `x-amzn-RequestId`, a `Date` the SDK can correct its clock from, and for errors
// `__type` + `message` in the body and `x-amzn-ErrorType` in the headers. Every answer carries the CORS headers a
// browser needs to read it.
import { corsHeaders } from './cors.js';
import type { AwsServiceError } from './errors.js';
import type { EmulatorResponse } from './response.js';
import { toHttpDate } from './time-format.js';

/** What every answer is stamped with. */
export interface AnswerContext {
  /** Emulator time, in milliseconds since the epoch. */
  now: number;
  /** The request id. */
  requestId: string;
}

const AMZ_JSON = 'application/x-amz-json-1.1';

function headersFor(context: AnswerContext): Record<string, string> {
  return {
    'Content-Type': AMZ_JSON,
    'x-amzn-RequestId': context.requestId,
    Date: toHttpDate(context.now),
    ...corsHeaders(),
  };
}

/** A 200 answer with `body` as JSON. */
export function jsonAnswer(body: unknown, context: AnswerContext): EmulatorResponse {
  return { status: 200, headers: headersFor(context), body: JSON.stringify(body) };
}

/** `error` in AWS JSON 1.1's error shape. */
export function errorAnswer(error: AwsServiceError, context: AnswerContext): EmulatorResponse {
  return {
    status: error.status,
    headers: { ...headersFor(context), 'x-amzn-ErrorType': error.awsType },
    body: JSON.stringify({ __type: error.awsType, message: error.message }),
  };
}
