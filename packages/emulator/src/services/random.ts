// Randomness, injected: a seeded generator for fault decisions (same seed + same requests = same faults) and a byte
// source for identifiers and secrets (crypto by default, so two runs never write the same object key).

/**
 * mulberry32: a tiny, fast 32-bit generator; good enough to decide faults, never for secrets.
 * @returns a function giving numbers in [0, 1)
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Drawn 4 KiB at a time: record ids take 56 bytes each, thousands a second in a drain, and a call per id costs more than
// the bytes.
let pool = new Uint8Array(0);
let used = 0;

/** A new array of cryptographically strong bytes (Web Crypto: browsers and Node). */
export function cryptoRandomBytes(length: number): Uint8Array {
  if (used + length > pool.length) {
    // getRandomValues fills at most 65,536 bytes a call.
    pool = globalThis.crypto.getRandomValues(new Uint8Array(Math.min(65_536, Math.max(4096, length))));
    used = 0;
  }
  used += length;
  return pool.slice(used - length, used);
}

const HEX = Array.from({ length: 256 }, (_, index) => index.toString(16).padStart(2, '0'));
const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Identifiers and secrets in the shapes AWS uses, drawn from one byte source. */
export interface IdSource {
  /** A version-4 UUID. */
  uuid(): string;
  /** A temporary access key id: `ASIA` + 16 of `A-Z2-7`. */
  accessKeyId(): string;
  /** A 40-character secret access key. */
  secretKey(): string;
  /** An opaque session token. */
  sessionToken(): string;
  /** An opaque Firehose record id. */
  recordId(): string;
  /** A request id (UUID). */
  requestId(): string;
}

/** Builds an {@link IdSource} over `randomBytes`. */
export function createIdSource(randomBytes: (length: number) => Uint8Array): IdSource {
  // A plain loop: record ids are made once per acknowledged record, thousands per second in a drain.
  const text = (length: number, alphabet: string) => {
    let out = '';
    for (const byte of randomBytes(length)) out += alphabet.charAt(byte % alphabet.length);
    return out;
  };
  const uuid = () => {
    const bytes = randomBytes(16);
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = Array.from(bytes, (byte) => HEX[byte]).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  return {
    uuid,
    accessKeyId: () => `ASIA${text(16, UPPER_ALPHANUMERIC)}`,
    secretKey: () => text(40, BASE64_ALPHABET),
    sessionToken: () => `IQoJb3JpZ2luX2VtdWxhdG9y${text(200, BASE64_ALPHABET)}`,
    recordId: () => text(56, BASE64_ALPHABET.slice(0, 62)),
    requestId: uuid,
  };
}
