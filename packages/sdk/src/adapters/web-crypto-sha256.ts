// SHA-256 and HMAC-SHA-256 with WebCrypto, in the shape the SigV4 signer takes (`new Sha256(secret?)`, `update`,
// `digest`). Browsers give WebCrypto to secure contexts only (HTTPS, localhost): the element says so instead of showing
// a form elsewhere.

type Data = string | ArrayBuffer | ArrayBufferView;

const encoder = new TextEncoder();

function toBytes(data: Data): Uint8Array<ArrayBuffer> {
  if (typeof data === 'string') return encoder.encode(data);
  const view = ArrayBuffer.isView(data) ? data : new Uint8Array(data);
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice();
}

/** SHA-256, or HMAC-SHA-256 keyed with `secret`. */
export class WebCryptoSha256 {
  readonly #secret: Uint8Array<ArrayBuffer> | undefined;
  #chunks: Uint8Array<ArrayBuffer>[] = [];

  constructor(secret?: Data) {
    this.#secret = secret === undefined ? undefined : toBytes(secret);
  }

  update(data: Data): void {
    this.#chunks.push(toBytes(data));
  }

  async digest(): Promise<Uint8Array> {
    const data = new Uint8Array(this.#chunks.reduce((length, chunk) => length + chunk.length, 0));
    let offset = 0;
    for (const chunk of this.#chunks) {
      data.set(chunk, offset);
      offset += chunk.length;
    }
    if (!this.#secret) return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
    const key = await crypto.subtle.importKey('raw', this.#secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return new Uint8Array(await crypto.subtle.sign('HMAC', key, data));
  }

  reset(): void {
    this.#chunks = [];
  }
}
