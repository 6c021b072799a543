// Where the campaign's objects are: the bucket Firehose writes (`entries/`, `errors/`) and the draw's own files
// (`draw/`). One interface, three implementations: memory (tests), local files (the demo's `.data`), S3.

/** A flat key → bytes store with S3's semantics, as far as the tools here need them. */
export interface ObjectStore {
  /** Every key under the prefix, in code-unit order. */
  list(prefix: string): Promise<string[]>;
  /** The object's bytes, or `undefined` when there is none. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Writes the object whole. On a versioned bucket, older versions of the key are removed too (erasure). */
  put(key: string, body: Uint8Array): Promise<void>;
  /** Removes the object; on a versioned bucket, every version of it. Removing a missing key is not an error. */
  remove(key: string): Promise<void>;
  /** Where this store is, for messages (`s3://bucket`, a directory). */
  readonly location: string;
}

/** An in-memory store, for tests. */
export function createMemoryObjectStore(initial: Record<string, Uint8Array> = {}): ObjectStore {
  const objects = new Map(Object.entries(initial));
  return {
    location: 'memory',
    async list(prefix) {
      return [...objects.keys()].filter((key) => key.startsWith(prefix)).sort();
    },
    async get(key) {
      return objects.get(key);
    },
    async put(key, body) {
      objects.set(key, body);
    },
    async remove(key) {
      objects.delete(key);
    },
  };
}
