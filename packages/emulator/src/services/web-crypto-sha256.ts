// SHA-256 and HMAC-SHA-256 for signature checks, in the shape @smithy/signature-v4 takes (`new Sha256(secret?)`,
// `update`, `digest`). Web Crypto hashes natively, off the JavaScript thread: a 500-record PutRecordBatch is hashed
// twice per check, which in the pure-JS hash was a good part of the emulator's time. Where Web Crypto is missing (a
// page outside a secure context) @aws-crypto/sha256-js does the same in JavaScript.
import { Sha256 as JsSha256 } from '@aws-crypto/sha256-js';
import { concatBytes } from './bytes.js';

type SourceData = string | ArrayBuffer | ArrayBufferView;

const encoder = new TextEncoder();

function bytesOf(data: SourceData): Uint8Array {
  if (typeof data === 'string') return encoder.encode(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/** SHA-256 through Web Crypto; with a secret, HMAC-SHA-256 keyed with it. */
class WebCryptoSha256 {
  readonly #secret: Uint8Array<ArrayBuffer> | undefined;
  #chunks: Uint8Array[] = [];

  constructor(secret?: SourceData) {
    this.#secret = secret === undefined ? undefined : concatBytes([bytesOf(secret)]);
  }

  update(data: SourceData): void {
    this.#chunks.push(bytesOf(data));
  }

  async digest(): Promise<Uint8Array> {
    const data = concatBytes(this.#chunks);
    const { subtle } = globalThis.crypto;
    if (this.#secret === undefined) return new Uint8Array(await subtle.digest('SHA-256', data));
    const key = await subtle.importKey('raw', this.#secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return new Uint8Array(await subtle.sign('HMAC', key, data));
  }

  reset(): void {
    this.#chunks = [];
  }
}

/** The SHA-256 constructor to check signatures with: Web Crypto's where there is one. */
export const Sha256: typeof JsSha256 =
  globalThis.crypto?.subtle === undefined ? JsSha256 : (WebCryptoSha256 as unknown as typeof JsSha256);
