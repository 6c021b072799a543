// The bucket itself, through @aws-sdk/client-s3. The campaign's data bucket is versioned (template.yaml), so a
// rewrite or delete also removes the key's older versions: otherwise an erased entrant's lines would survive as a
// noncurrent version until the lifecycle rule expires it.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ObjectStore } from './object-store.js';

/** A store over one bucket. */
export function createS3ObjectStore(client: S3Client, bucket: string): ObjectStore {
  async function versionsOf(key: string): Promise<{ versionId: string | undefined; latest: boolean }[]> {
    const versions: { versionId: string | undefined; latest: boolean }[] = [];
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    do {
      const page = await client.send(
        new ListObjectVersionsCommand({
          Bucket: bucket,
          Prefix: key,
          ...(keyMarker ? { KeyMarker: keyMarker } : {}),
          ...(versionIdMarker ? { VersionIdMarker: versionIdMarker } : {}),
        }),
      );
      for (const version of [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]) {
        if (version.Key === key) versions.push({ versionId: version.VersionId, latest: version.IsLatest === true });
      }
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      versionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
    } while (keyMarker);
    return versions;
  }

  async function removeVersions(key: string, keepLatest: boolean): Promise<void> {
    for (const version of await versionsOf(key)) {
      if (keepLatest && version.latest) continue;
      // An unversioned bucket lists the object once with the version id "null": deleting that is the object.
      if (!version.versionId || version.versionId === 'null') {
        if (!keepLatest) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
        continue;
      }
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: version.versionId }));
    }
  }

  return {
    location: `s3://${bucket}`,
    async list(prefix) {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: prefix,
            ...(token ? { ContinuationToken: token } : {}),
          }),
        );
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return keys.sort();
    },
    async get(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return answer.Body ? await answer.Body.transformToByteArray() : new Uint8Array();
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async put(key, body) {
      // The bucket's default encryption applies; no SSE parameters needed (or allowed to differ).
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
      await removeVersions(key, true);
    },
    async remove(key) {
      await removeVersions(key, false);
    },
  };
}
