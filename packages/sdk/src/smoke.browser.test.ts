import { expect } from '@open-wc/testing';
import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-provider-cognito-identity';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';

describe('smoke', () => {
  it('runs the sdk', async () => {
    const worker = setupWorker(
      http.post('https://cognito-identity.us-east-1.amazonaws.com/', async ({ request }) => {
        const target = request.headers.get('x-amz-target');
        if (target?.endsWith('GetId')) return HttpResponse.json({ IdentityId: 'us-east-1:abc' });
        return HttpResponse.json({ IdentityId: 'us-east-1:abc', Credentials: { AccessKeyId: 'AK', SecretKey: 'SK', SessionToken: 'ST', Expiration: Date.now() / 1000 + 3600 } });
      }),
      http.post('https://firehose.us-east-1.amazonaws.com/', async ({ request }) => {
        console.log([...request.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n'));
        return HttpResponse.json({ FailedPutCount: 1, Encrypted: false, RequestResponses: [{ RecordId: 'x' }, { ErrorCode: 'ServiceUnavailableException', ErrorMessage: 'slow' }] });
      }),
    );
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
    const credentials = fromCognitoIdentityPool({ client: new CognitoIdentityClient({ region: 'us-east-1' }), identityPoolId: 'us-east-1:pool' });
    const client = new FirehoseClient({ region: 'us-east-1', credentials });
    const out = await client.send(new PutRecordBatchCommand({ DeliveryStreamName: 's', Records: [{ Data: new TextEncoder().encode('a') }, { Data: new TextEncoder().encode('b') }] }));
    expect(out.FailedPutCount).to.equal(1);
    worker.stop();
  });
});
