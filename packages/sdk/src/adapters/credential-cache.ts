// Guest credentials: one fetch in flight shared by every caller, reused until shortly before they expire.

/** Temporary AWS credentials as the SDK uses them. */
export interface GuestCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

/** A shared, refreshing credential source. */
export interface CredentialCache {
  /** Cached credentials, or the one in-flight fetch, or a new fetch. */
  get(): Promise<GuestCredentials>;
  /** Forget the cached credentials (AWS refused them). */
  invalidate(): void;
}

/** Refresh this long before `expiration`, in ms: requests signed near the end must not arrive after it. */
export const CREDENTIAL_REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * Wraps a credential fetch so concurrent callers share one request (Cognito's GetCredentialsForIdentity quota is
 * account-wide) and credentials are reused until `refreshMarginMs` before they expire.
 * @param now AWS's idea of now in ms (device clock plus any correction), injected for tests
 */
export function createCredentialCache(
  fetchCredentials: () => Promise<GuestCredentials>,
  now: () => number,
  refreshMarginMs = CREDENTIAL_REFRESH_MARGIN_MS,
): CredentialCache {
  let cached: GuestCredentials | undefined;
  let inFlight: Promise<GuestCredentials> | undefined;
  const fresh = (credentials: GuestCredentials) =>
    !credentials.expiration || credentials.expiration.getTime() - refreshMarginMs > now();
  return {
    get() {
      if (cached && fresh(cached)) return Promise.resolve(cached);
      inFlight ??= fetchCredentials().then(
        (credentials) => {
          cached = credentials;
          inFlight = undefined;
          return credentials;
        },
        (error: unknown) => {
          inFlight = undefined;
          throw error;
        },
      );
      return inFlight;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
