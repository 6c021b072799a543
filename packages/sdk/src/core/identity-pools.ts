// Guest identities from identity pools in several regions: Cognito's GetId quota (25/s by default) is per account AND
// region, and IAM is global, so N pools in N regions serve N × 25 new devices a second with no quota increase. Each
// device keeps one pool (and that pool's identity id); it moves to the next pool only when Cognito in its region is
// throttling or unavailable (the failure policy's `otherPool`). Pure: the device's random seed and what it stored are
// passed in.
import { fnv1a } from './shard.js';

/** The region of a Cognito identity pool: the part of its id before the colon (`us-east-2:…` → `us-east-2`). */
export const poolRegion = (identityPoolId: string): string => identityPoolId.slice(0, identityPoolId.indexOf(':'));

/**
 * The pool a device uses: the one it stored (when the page still lists it), else the one `seed` hashes to, so devices
 * spread evenly over the pools and one device's choice does not change between visits once stored.
 * @param seed a device-local random id, made once when nothing usable was stored
 */
export function choosePool(pools: readonly string[], stored: string | undefined, seed: string): string {
  if (pools.length === 0) throw new RangeError('At least one identity pool is needed.');
  if (stored !== undefined && pools.includes(stored)) return stored;
  return pools[fnv1a(seed) % pools.length] as string;
}

/** The pool after `current` in the page's list, wrapping around (the same pool when there is only one). */
export function nextPool(pools: readonly string[], current: string): string {
  return pools[(pools.indexOf(current) + 1) % pools.length] as string;
}
