// The local twin of a bucket: `<root>/<key>` on disk, e.g. the demo's `.data/s3/<bucket>/`. Writes go to a temporary
// file first and are renamed over the object, so a reader never sees half an object.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { ObjectStore } from './object-store.js';

/** A store over the files under `root` (keys use `/` on every platform). */
export function createLocalObjectStore(root: string): ObjectStore {
  const path = (key: string) => {
    if (key.split('/').includes('..')) throw new RangeError(`key ${key} leaves the store`);
    return join(root, ...key.split('/'));
  };
  return {
    location: root,
    async list(prefix) {
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      return entries
        .filter((entry) => entry.isFile() && !entry.name.endsWith('.tmp'))
        .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
        .filter((key) => key.startsWith(prefix))
        .sort();
    },
    async get(key) {
      return readFile(path(key)).then(
        (bytes) => new Uint8Array(bytes),
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return undefined;
          throw error;
        },
      );
    },
    async put(key, body) {
      const file = path(key);
      await mkdir(dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, body);
      await rename(temporary, file);
    },
    async remove(key) {
      await rm(path(key), { force: true });
    },
  };
}
