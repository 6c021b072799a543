// The Node server's sink: objects land under `<dataDir>/s3/<bucket>/<key>`, the layout Firehose gives S3, so DuckDB or
// Athena-style globs (`s3/campaign-entries/entries/**/*.gz`) read them. Each object is written to a `.partial` file,
// synced and renamed into place, so a reader never sees half an object and an acknowledged record survives a crash
// right after its write.
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { EmulatorErrorCode, StartupError } from '../services/errors.js';
import type { S3Sink } from './s3-sink.js';

/** Where a data directory keeps its objects: `<dataDir>/s3`. */
export function objectRoot(dataDir: string): string {
  return resolve(dataDir, 's3');
}

/**
 * Creates the data directory if needed and proves it is writable. Throws {@link StartupError}
 * (`data-dir-unwritable`) with a one-line message otherwise.
 */
export async function prepareDataDir(dataDir: string): Promise<void> {
  const root = objectRoot(dataDir);
  const probe = resolve(root, `.write-test-${process.pid}`);
  try {
    await mkdir(root, { recursive: true });
    const handle = await open(probe, 'w');
    await handle.close();
    await rm(probe, { force: true });
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw new StartupError(
      EmulatorErrorCode.DataDirUnwritable,
      `cannot write to data directory ${resolve(dataDir)} (${reason})`,
      {
        cause,
      },
    );
  }
}

/**
 * An {@link S3Sink} writing under `<dataDir>/s3/`.
 * @example const sink = createFileSink('.data'); // .data/s3/campaign-entries/entries/2027/02/14/01/…gz
 */
export function createFileSink(dataDir: string): S3Sink {
  const root = objectRoot(dataDir);
  return {
    async putObject({ bucket, key, body }) {
      const path = resolve(root, bucket, key);
      if (!path.startsWith(root + sep)) throw new Error(`object key "${bucket}/${key}" leaves the data directory`);
      await mkdir(dirname(path), { recursive: true });
      const partial = `${path}.partial`;
      const handle = await open(partial, 'w');
      try {
        await handle.writeFile(body);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(partial, path);
    },
  };
}
