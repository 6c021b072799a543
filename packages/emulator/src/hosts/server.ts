// The Node host: one origin on 127.0.0.1 serving both AWS endpoints (routed by `X-Amz-Target`), the inspection API
// under /_emulator/, and anything else through a `fallback` so the demo can mount its site and dashboard beside them.
// Its declarations name Node's types: they say so (kept in the emitted .d.ts), for apps whose tsconfig lists no types.
/// <reference types="node" preserve="true" />
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { EmulatorOptions } from '../config/options.js';
import { createFileSink, prepareDataDir } from '../delivery/file-sink.js';
import { createEmulator } from '../emulator.js';
import type { Emulator } from '../emulator-api.js';
import { ConfigError, EmulatorErrorCode, StartupError } from '../services/errors.js';
import type { EmulatorResponse } from '../services/response.js';
import { createInspectionApi, INSPECTION_PREFIX, isLoopbackRequest } from './inspection.js';

/** The only address the server listens on. */
export const LISTEN_HOST = '127.0.0.1';
/** Largest request body read, in bytes; a PutRecordBatch at Firehose's 4 MiB limit is ~5.6 MB of base64. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** A Node request listener, as `http.createServer` takes. */
export type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/** Options of {@link createRequestListener}. */
export interface ListenerOptions {
  /** Serves every request that is neither an AWS call nor the inspection API. @default a JSON 404 */
  fallback?: RequestListener;
  /** Told one line per AWS call: method, target, status, milliseconds. @default silent */
  log?: (line: string) => void;
}

/** Options of {@link startEmulator}: the emulator's plus the server's. */
export interface ServerOptions extends EmulatorOptions, ListenerOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. @default 0 */
  port?: number;
  /** Directory delivered objects are written under, as `<dataDir>/s3/<bucket>/<key>`. @default none: kept in memory */
  dataDir?: string;
  /** How often buffers are checked against the interval hint, in milliseconds. @default 1000 */
  tickIntervalMs?: number;
}

/** A running server. */
export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`: the endpoint for both SDK clients. */
  url: string;
  /** The port it listens on. */
  port: number;
  /** The emulator it serves (records, stats, faults…). */
  emulator: Emulator;
  /** The Node server. */
  server: Server;
  /** Stops accepting connections, lets requests in flight finish, writes every buffered record, then resolves. */
  close(): Promise<void>;
}

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function readBody(request: IncomingMessage): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function send(response: ServerResponse, answer: EmulatorResponse): void {
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body);
}

/** The server's own error answer, for what never reaches the emulator: `{"error": "…"}`. */
function errorAnswer(status: number, error: string): EmulatorResponse {
  return { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ error }) };
}

/**
 * {@link isLoopbackRequest} for a Node request: the check a server of your own (e.g. the demo's `/api/…` routes) uses
 * to refuse what the inspection API refuses.
 */
export function isLoopbackNodeRequest(request: IncomingMessage): boolean {
  return isLoopbackRequest(headersOf(request));
}

const notFound: RequestListener = (_request, response) => {
  response.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ error: 'not found' }));
};

/**
 * A request listener serving `emulator`: AWS calls (POST or OPTIONS to `/`), the inspection API under `/_emulator/`,
 * and `fallback` for the rest. Use it to put the emulator on a server of your own.
 * @example
 * const emulator = createEmulator();
 * http.createServer(createRequestListener(emulator, { fallback: serveDemoSite })).listen(8787, '127.0.0.1');
 */
export function createRequestListener(emulator: Emulator, options: ListenerOptions = {}): RequestListener {
  const inspection = createInspectionApi(emulator);
  const fallback = options.fallback ?? notFound;
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const headers = headersOf(request);
    const url = `http://${headers.get('host') ?? LISTEN_HOST}${request.url ?? '/'}`;
    const path = URL.canParse(url) ? new URL(url).pathname : undefined;
    if (path === undefined) {
      send(response, errorAnswer(400, 'bad Host or URL'));
      return;
    }
    const target = headers.get('x-amz-target');
    const isAws = path === '/' && (request.method === 'OPTIONS' || (request.method === 'POST' && target !== null));
    if (!isAws && !path.startsWith(INSPECTION_PREFIX)) {
      fallback(request, response);
      return;
    }
    const body = await readBody(request);
    if (body === undefined) {
      send(response, errorAnswer(413, 'body too large'));
      return;
    }
    if (!isAws) {
      const answer = isLoopbackRequest(headers)
        ? await inspection({ method: request.method ?? 'GET', url, body })
        : errorAnswer(403, 'cross-origin use refused');
      if (answer) send(response, answer);
      return;
    }
    const answer = await emulator.handle({ method: request.method ?? 'POST', url, headers, body });
    const status = answer === 'drop' ? 'dropped' : String(answer.status);
    options.log?.(`${request.method} ${target ?? path} ${status} ${Math.round(performance.now() - started)} ms`);
    if (answer === 'drop') {
      request.socket.destroy();
      return;
    }
    send(response, answer);
  };
  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log?.(`internal error: ${error instanceof Error ? error.message : String(error)}`);
      const answer = errorAnswer(500, 'internal error');
      if (!response.headersSent) response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    });
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(
          new StartupError(EmulatorErrorCode.PortInUse, `port ${port} on ${LISTEN_HOST} is already in use`, {
            cause: error,
          }),
        );
      } else {
        const reason = error.code ?? error.message;
        reject(
          new StartupError(EmulatorErrorCode.StartFailed, `cannot listen on ${LISTEN_HOST}:${port} (${reason})`, {
            cause: error,
          }),
        );
      }
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, LISTEN_HOST);
  });
}

/** Waits for open connections to end after `server.close()`, then cuts any left after `graceMs`. */
function closeServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * Starts the emulator on `http://127.0.0.1:<port>`, serving Cognito Identity and Firehose on that one origin.
 * Throws {@link ConfigError} for bad options and {@link StartupError} when the port is taken or `dataDir` is not
 * writable. It installs no signal handlers: call `close()` on shutdown (the `campaign-emulator` bin does, on SIGINT
 * and SIGTERM) so buffered records are written.
 * @example
 * const { url, emulator, close } = await startEmulator({ dataDir: '.data', buffering: { intervalMs: 1000 } });
 * const firehose = new FirehoseClient({ region: 'us-east-1', endpoint: url, credentials });
 */
export async function startEmulator(options: ServerOptions = {}): Promise<RunningEmulator> {
  const { port = 0, dataDir, tickIntervalMs = 1000, fallback, log, ...emulatorOptions } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(`port must be an integer from 0 to 65535, got ${JSON.stringify(port)}`);
  }
  if (dataDir !== undefined && emulatorOptions.sink) throw new ConfigError('give either dataDir or sink, not both');
  if (dataDir !== undefined) await prepareDataDir(dataDir);
  const emulator = createEmulator({
    onError: (error) => log?.(`error: ${error.message}`),
    ...emulatorOptions,
    ...(dataDir === undefined ? {} : { sink: createFileSink(dataDir) }),
  });
  const server = createServer(
    createRequestListener(emulator, { ...(fallback ? { fallback } : {}), ...(log ? { log } : {}) }),
  );
  const bound = await listen(server, port);
  const timer = setInterval(() => emulator.tick(), tickIntervalMs);
  timer.unref();
  let closing: Promise<void> | undefined;
  return {
    url: `http://${LISTEN_HOST}:${bound}`,
    port: bound,
    emulator,
    server,
    close() {
      closing ??= (async () => {
        clearInterval(timer);
        await closeServer(server, 5000);
        await emulator.flush();
      })();
      return closing;
    },
  };
}

export { createFileSink, isLoopbackRequest, prepareDataDir };
