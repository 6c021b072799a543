// "Load once, and forget a failed load": for dynamic imports (a chunk that failed to load while offline must be fetched
// again on the next call, not answered with the same rejection forever).

/**
 * Wraps `load` so concurrent and later calls share one promise; when it rejects, the next call starts a new load.
 * @example
 * ```ts
 * const loadController = lazy(() => import('./form-controller.js'));
 * ```
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
