// The transport one page visit injects into the SDK: the simulated AWS behind a simulated network. Guest credentials
// are fetched as the SDK's AWS transport does: GetId once per device (the id is kept on the device), then
// GetCredentialsForIdentity once per visit, one fetch in flight shared by every caller.
import type { FirehoseTransport, RecordResult } from '@campaign-entry/sdk';
import type { Random } from '../engine/random.js';
import type { VirtualTime } from '../engine/virtual-time.js';
import type { DeviceNetwork } from '../world/network.js';
import { requestRtt } from '../world/network.js';
import { NETWORK_FAILURE } from './aws-errors.js';
import type { SimulatedAws } from './simulated-aws.js';

/** What a device keeps between visits, and what the world knows about its connection. */
export interface DeviceLink {
  /** The identity pool's region (index) this device uses. */
  readonly region: number;
  readonly network: DeviceNetwork;
  /** Whether GetId has answered (the identity id is stored on the device). */
  hasIdentity: boolean;
  /** Until when (virtual ms) the device has no connection. */
  offlineUntil: number;
}

/** A transport for one page visit; {@link VisitTransport.close} is the page going away. */
export interface VisitTransport extends FirehoseTransport {
  /** The page is gone: answers still in flight never reach it. */
  close(): void;
}

/** Shared parts of the world a transport uses. */
export interface TransportWorld {
  readonly time: VirtualTime;
  readonly aws: SimulatedAws;
  /** Per-request network draws (jitter, loss). */
  readonly random: Random;
  /** AWS's own time to answer, ms. */
  readonly serviceMs: number;
}

const CREDENTIAL_LIFETIME_MS = 3_600_000;
const CREDENTIAL_REFRESH_MARGIN_MS = 300_000;
// A connection that fails mid-request is noticed after the OS gives up on it; an offline phone fails at once.
const BROKEN_CONNECTION_MS = [2_000, 10_000] as const;
const OFFLINE_FAILURE_MS = 20;

/** Creates the transport for one visit of `device`. */
export function createVisitTransport(device: DeviceLink, world: TransportWorld): VisitTransport {
  const { time, aws, random } = world;
  let closed = false;
  let credentialsUntil = Number.NEGATIVE_INFINITY;
  let fetching: Promise<void> | undefined;

  /**
   * One request over the device's network; `serve` is AWS handling it. AWS decides when the request is sent rather
   * than half a round trip later (one event per request instead of two; quotas are per second, round trips are
   * milliseconds). A closed page never hears back: its promise never settles. One event and one promise per request,
   * no async function: a default-quota run makes millions of them.
   */
  function exchange<T>(serve: (now: number) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const fail = () => {
        if (!closed) reject(NETWORK_FAILURE);
      };
      if (time.now() < device.offlineUntil) {
        time.at(OFFLINE_FAILURE_MS, fail);
        return;
      }
      const rtt = requestRtt(device.network, random);
      const fate = device.network.loss > 0 ? random() : 1;
      if (fate < device.network.loss / 2) {
        // The connection broke before AWS saw the request.
        const [min, max] = BROKEN_CONNECTION_MS;
        time.at(rtt + min + random() * (max - min), fail);
        return;
      }
      let value: T;
      try {
        value = serve(time.now());
      } catch (error) {
        time.at(rtt + world.serviceMs, () => {
          if (!closed) reject(fate < device.network.loss ? NETWORK_FAILURE : error);
        });
        return;
      }
      time.at(rtt + world.serviceMs, () => {
        if (closed) return;
        // AWS did it, the answer was lost.
        if (fate < device.network.loss) reject(NETWORK_FAILURE);
        else resolve(value);
      });
    });
  }

  const fetched = () => {
    device.hasIdentity = true;
  };
  const valid = () => {
    credentialsUntil = time.now() + CREDENTIAL_LIFETIME_MS;
    fetching = undefined;
  };
  const failed = (error: unknown) => {
    fetching = undefined;
    throw error;
  };

  function credentials(): Promise<void> {
    if (credentialsUntil - CREDENTIAL_REFRESH_MARGIN_MS > time.now()) return Promise.resolve();
    if (!fetching) {
      const getCredentials = () => exchange((now) => aws.getCredentials(device.region, now));
      const chain = device.hasIdentity
        ? getCredentials()
        : exchange((now) => aws.getId(device.region, now)).then(() => {
            fetched();
            return getCredentials();
          });
      fetching = chain.then(valid, failed);
    }
    return fetching;
  }

  const put = (stream: string, lines: readonly string[]) => () =>
    exchange((now) => aws.putRecordBatch(stream, lines, now));

  return {
    putRecordBatch(stream, lines): Promise<RecordResult[]> {
      return credentials().then(put(stream, lines));
    },
    prepare: credentials,
    invalidateCredentials() {
      credentialsUntil = Number.NEGATIVE_INFINITY;
    },
    correctClock() {},
    close() {
      closed = true;
    },
  };
}
