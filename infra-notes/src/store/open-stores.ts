// Which stores a command works on: the demo's local `.data` layout by default, or an S3 bucket (`--bucket` with
// `--region`, credentials from the usual AWS chain).
import { fileURLToPath } from 'node:url';
import { S3Client } from '@aws-sdk/client-s3';
import { createLocalObjectStore } from './local-object-store.js';
import type { ObjectStore } from './object-store.js';
import { createS3ObjectStore } from './s3-object-store.js';

/** The demo's data directory (demo/src/server.ts `DEMO_PATHS.data`) and bucket (`DEMO_CAMPAIGN.bucket`). */
export const DEMO_DATA = {
  dir: fileURLToPath(new URL('../../../.data/', import.meta.url)),
  bucket: 'campaign-entries',
} as const;

/** Where to work, from the command line. */
export interface StoreOptions {
  /** Local data directory (`<data>/s3/<bucket>/…`, draw files in `<data>/draw/`). */
  readonly data?: string | undefined;
  /** With `region` (or `endpoint`): this S3 bucket instead of local files. Locally: the bucket folder's name. */
  readonly bucket?: string | undefined;
  readonly region?: string | undefined;
  /** A loopback S3 endpoint for tests (moto). */
  readonly endpoint?: string | undefined;
}

/** The bucket's store, the draw's state store, and whether they are S3. */
export interface OpenedStores {
  readonly bucket: ObjectStore;
  readonly state: ObjectStore;
  readonly remote: boolean;
}

/** Local files unless `region` or `endpoint` is given with `bucket`. */
export function openStores(options: StoreOptions): OpenedStores {
  if (options.bucket && (options.region || options.endpoint)) {
    const client = new S3Client({
      region: options.region ?? 'us-east-1',
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
    });
    const bucket = createS3ObjectStore(client, options.bucket);
    return { bucket, state: bucket, remote: true };
  }
  const data = options.data ?? DEMO_DATA.dir;
  const name = options.bucket ?? DEMO_DATA.bucket;
  return {
    bucket: createLocalObjectStore(`${data}/s3/${name}`),
    state: createLocalObjectStore(data),
    remote: false,
  };
}
