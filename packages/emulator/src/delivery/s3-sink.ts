// Where delivered objects go. The core only knows this interface; the in-memory sink serves browser tests and the
// Node server plugs in a file sink (see file-sink.ts) that mirrors S3 under a data directory.

/** One object as Firehose writes it to S3. */
export interface S3ObjectWrite {
  /** Bucket name. */
  bucket: string;
  /** Object key, e.g. `entries/2027/02/14/01/entries-0-1-2027-02-14-01-12-03-<uuid>.gz`. */
  key: string;
  /** Object body (gzip-compressed records). */
  body: Uint8Array;
}

/** Destination of delivered objects. */
export interface S3Sink {
  /** Stores one object; the promise settles once it is durable (for a file sink: written and renamed into place). */
  putObject(object: S3ObjectWrite): Promise<void>;
}

/** An {@link S3Sink} that keeps objects in memory, for tests. */
export interface MemorySink extends S3Sink {
  /** Every object written, in write order. */
  objects(): S3ObjectWrite[];
  /** Forgets every object. */
  clear(): void;
}

/**
 * Builds a {@link MemorySink}.
 * @example
 * const sink = createMemorySink();
 * const emulator = createEmulator({ sink });
 * await emulator.flush();
 * const text = new TextDecoder().decode(await gunzip(sink.objects()[0].body));
 */
export function createMemorySink(): MemorySink {
  let stored: S3ObjectWrite[] = [];
  return {
    async putObject(object) {
      stored.push({ bucket: object.bucket, key: object.key, body: object.body.slice() });
    },
    objects: () => stored.slice(),
    clear() {
      stored = [];
    },
  };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Parts of a Firehose object key. */
export interface ObjectKeyParts {
  /** The destination prefix (`entries/`), or an error prefix such as `errors/processing-failed/`. */
  prefix: string;
  /** Delivery stream name. */
  stream: string;
  /** Milliseconds since the epoch; gives the UTC `YYYY/MM/DD/HH/` folder and the name's timestamp. */
  time: number;
  /** Unique suffix. */
  uuid: string;
  /** Delivery stream version. @default 1 */
  version?: number;
}

/**
 * Firehose's default S3 object key: `<prefix>YYYY/MM/DD/HH/<stream>-<version>-YYYY-MM-DD-HH-MM-SS-<uuid>.gz`, in UTC.
 * @example firehoseObjectKey({ prefix: 'entries/', stream: 'entries-0', time: Date.UTC(2027, 1, 14, 1, 12, 3), uuid: 'u' })
 * // 'entries/2027/02/14/01/entries-0-1-2027-02-14-01-12-03-u.gz'
 */
export function firehoseObjectKey({ prefix, stream, time, uuid, version = 1 }: ObjectKeyParts): string {
  const date = new Date(time);
  const [year, month, day, hour, minute, second] = [
    pad(date.getUTCFullYear(), 4),
    pad(date.getUTCMonth() + 1),
    pad(date.getUTCDate()),
    pad(date.getUTCHours()),
    pad(date.getUTCMinutes()),
    pad(date.getUTCSeconds()),
  ];
  return `${prefix}${year}/${month}/${day}/${hour}/${stream}-${version}-${year}-${month}-${day}-${hour}-${minute}-${second}-${uuid}.gz`;
}
