// Errors shaped as the AWS SDK throws them (name, message, HTTP status), which the SDK's classifier reads. Plain
// objects: a million throttles need no stack traces.

/** An error as the AWS SDK v3 or `fetch` rejects with. */
export interface AwsShapedError {
  readonly name: string;
  readonly message: string;
  readonly $metadata?: { readonly httpStatusCode: number };
}

/** Firehose's whole-call throttle ("Slow down."). */
export const FIREHOSE_SLOW_DOWN: AwsShapedError = {
  name: 'ServiceUnavailableException',
  message: 'Slow down.',
  $metadata: { httpStatusCode: 503 },
};

/** Cognito's throttle. */
export const COGNITO_TOO_MANY_REQUESTS: AwsShapedError = {
  name: 'TooManyRequestsException',
  message: 'Rate exceeded',
  $metadata: { httpStatusCode: 400 },
};

/** What `fetch` rejects with when the connection fails (Chromium's wording). */
export const NETWORK_FAILURE: AwsShapedError = { name: 'TypeError', message: 'Failed to fetch' };
