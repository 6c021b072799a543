// The table of AWS errors both suites (Node server, browser msw) must see the real SDK parse: each case produces one
// error and names the SDK's modelled class (when the service models it) and the error name. Not published.
import {
  ResourceNotFoundException as CognitoResourceNotFoundException,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  NotAuthorizedException,
  TooManyRequestsException,
} from '@aws-sdk/client-cognito-identity';
import {
  InvalidArgumentException,
  PutRecordBatchCommand,
  PutRecordCommand,
  ResourceNotFoundException,
  ServiceUnavailableException,
} from '@aws-sdk/client-firehose';
import {
  type AwsTestBed,
  CLOSED_POOL,
  OPEN_POOL,
  putBatch,
  records,
  rewriteAuthorization,
  STREAMS,
} from './aws-test-bed.js';

/** An AWS error both suites must see the SDK parse. */
export interface ErrorCase {
  /** What the user sees, as a test name. */
  title: string;
  /** Produces the error. */
  act(bed: AwsTestBed): Promise<unknown>;
  /** The SDK's modelled exception class, when the service models it. */
  type?: abstract new (
    ...args: never[]
  ) => Error;
  /** `error.name`. */
  name: string;
  /** Pattern the message must match. */
  message?: RegExp;
}

const MIB = 1024 * 1024;

/** Every AWS error the emulator produces, each as the SDK parses it. */
export const ERROR_CASES: ErrorCase[] = [
  {
    title: 'GetId on an unknown pool is ResourceNotFoundException',
    act: (bed) =>
      bed.cognito.send(new GetIdCommand({ IdentityPoolId: 'us-east-1:22222222-2222-4222-8222-222222222222' })),
    type: CognitoResourceNotFoundException,
    name: 'ResourceNotFoundException',
    message: /IdentityPool 'us-east-1:2{8}-.*' not found\./,
  },
  {
    title: 'GetId on a pool without guest access is NotAuthorizedException',
    act: (bed) => bed.cognito.send(new GetIdCommand({ IdentityPoolId: CLOSED_POOL })),
    type: NotAuthorizedException,
    name: 'NotAuthorizedException',
    message: /Unauthenticated access is not supported/,
  },
  {
    title: 'GetCredentialsForIdentity for an unknown identity is ResourceNotFoundException',
    act: (bed) =>
      bed.cognito.send(
        new GetCredentialsForIdentityCommand({ IdentityId: 'us-east-1:33333333-3333-4333-8333-333333333333' }),
      ),
    type: CognitoResourceNotFoundException,
    name: 'ResourceNotFoundException',
  },
  {
    title: 'GetId over its per-second quota is TooManyRequestsException',
    async act(bed) {
      bed.emulator.setQuotas({ getIdPerSecond: 2 });
      for (let call = 0; call < 3; call += 1) await bed.cognito.send(new GetIdCommand({ IdentityPoolId: OPEN_POOL }));
    },
    type: TooManyRequestsException,
    name: 'TooManyRequestsException',
    message: /Rate exceeded/,
  },
  {
    title: 'injected Cognito throttling is TooManyRequestsException',
    async act(bed) {
      bed.emulator.setFaults({ cognitoThrottleRate: 1 });
      await bed.cognito.send(new GetIdCommand({ IdentityPoolId: OPEN_POOL }));
    },
    type: TooManyRequestsException,
    name: 'TooManyRequestsException',
  },
  {
    title: 'PutRecordBatch to an unknown stream is ResourceNotFoundException',
    act: async (bed) => putBatch(await bed.firehose(), 1, 'entries-9'),
    type: ResourceNotFoundException,
    name: 'ResourceNotFoundException',
    message: /Firehose entries-9 under account 000000000000 not found\./,
  },
  {
    title: 'PutRecordBatch with 501 records is InvalidArgumentException',
    act: async (bed) => putBatch(await bed.firehose(), 501),
    type: InvalidArgumentException,
    name: 'InvalidArgumentException',
    message: /less than or equal to 500/,
  },
  {
    title: 'PutRecordBatch over 4 MiB is InvalidArgumentException',
    act: async (bed) =>
      (await bed.firehose()).send(
        new PutRecordBatchCommand({ DeliveryStreamName: STREAMS[0], Records: records(5, 1000 * 1024) }),
      ),
    type: InvalidArgumentException,
    name: 'InvalidArgumentException',
    message: /exceeds 4 MB/,
  },
  {
    title: 'a record over 1,000 KiB is InvalidArgumentException',
    act: async (bed) =>
      (await bed.firehose()).send(
        new PutRecordCommand({ DeliveryStreamName: STREAMS[0], Record: records(1, 1000 * 1024 + 1)[0] }),
      ),
    type: InvalidArgumentException,
    name: 'InvalidArgumentException',
    message: /1024000/,
  },
  {
    title: 'going over requests/s on a stream is ServiceUnavailableException "Slow down."',
    async act(bed) {
      bed.emulator.setQuotas({ requestsPerSecond: 1 });
      const client = await bed.firehose();
      await putBatch(client);
      await putBatch(client);
    },
    type: ServiceUnavailableException,
    name: 'ServiceUnavailableException',
    message: /^Slow down\.$/,
  },
  {
    title: 'going over records/s on a stream is ServiceUnavailableException',
    async act(bed) {
      bed.emulator.setQuotas({ recordsPerSecond: 10 });
      await putBatch(await bed.firehose(), 11);
    },
    type: ServiceUnavailableException,
    name: 'ServiceUnavailableException',
  },
  {
    title: 'going over bytes/s on a stream is ServiceUnavailableException',
    async act(bed) {
      bed.emulator.setQuotas({ bytesPerSecond: MIB });
      const client = await bed.firehose();
      const big = { DeliveryStreamName: STREAMS[0], Records: records(1, 600 * 1024) };
      await client.send(new PutRecordBatchCommand(big));
      await client.send(new PutRecordBatchCommand(big));
    },
    type: ServiceUnavailableException,
    name: 'ServiceUnavailableException',
  },
  {
    title: 'injected throttling is ServiceUnavailableException',
    async act(bed) {
      bed.emulator.setFaults({ throttleRate: 1 });
      await putBatch(await bed.firehose());
    },
    type: ServiceUnavailableException,
    name: 'ServiceUnavailableException',
  },
  {
    title: 'an injected server error is a 500 InternalFailure or a 503 ServiceUnavailable',
    async act(bed) {
      bed.emulator.setFaults({ serverErrorRate: 1 });
      await putBatch(await bed.firehose());
    },
    name: 'InternalFailure|ServiceUnavailable',
  },
  {
    title: 'a call without Authorization is MissingAuthenticationTokenException',
    async act(bed) {
      const client = await bed.firehose();
      rewriteAuthorization(client, () => undefined);
      await putBatch(client);
    },
    name: 'MissingAuthenticationTokenException',
  },
  {
    title: 'a garbled Authorization header is IncompleteSignatureException',
    async act(bed) {
      const client = await bed.firehose();
      rewriteAuthorization(client, (value) => value.replace(/SignedHeaders=[^,]*, /, ''));
      await putBatch(client);
    },
    name: 'IncompleteSignatureException',
    message: /requires 'SignedHeaders' parameter/,
  },
  {
    title: 'a call signed with the wrong secret key is InvalidSignatureException',
    async act(bed) {
      const credentials = await bed.guestCredentials();
      await putBatch(await bed.firehose({ ...credentials, secretAccessKey: `${credentials.secretAccessKey}x` }));
    },
    name: 'InvalidSignatureException',
    message: /signature we calculated does not match/,
  },
  {
    title: 'a call signed with a key the emulator never issued is UnrecognizedClientException',
    act: async (bed) => putBatch(await bed.firehose({ accessKeyId: 'ASIAEXAMPLEEXAMPLE00', secretAccessKey: 'x' })),
    name: 'UnrecognizedClientException',
  },
  {
    title: 'a call with expired credentials is ExpiredTokenException',
    async act(bed) {
      const client = await bed.firehose();
      bed.emulator.expireAllCredentials();
      await putBatch(client);
    },
    name: 'ExpiredTokenException',
  },
  {
    title: 'a call signed more than 5 minutes off the server clock is InvalidSignatureException "Signature expired"',
    async act(bed) {
      const client = await bed.firehose();
      bed.emulator.setFaults({ serverClockOffsetMs: 10 * 60 * 1000 });
      await putBatch(client);
    },
    name: 'InvalidSignatureException',
    message: /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/,
  },
];
