// Reading back what the Node server wrote: every gzip object under a folder, with its path and text (Node only).
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One object file: its path relative to the folder read, and its decompressed text. */
export interface GzipObject {
  readonly path: string;
  readonly text: string;
}

/** Every file under `dir` (recursively), gunzipped. */
export async function readGzipObjects(dir: string): Promise<GzipObject[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(
    files.map(async (file) => ({ path: relative(dir, file), text: gunzipSync(await readFile(file)).toString('utf8') })),
  );
}
