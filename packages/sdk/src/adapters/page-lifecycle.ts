// The browser events that matter for delivery: the page going away, and the network coming back.

/** What to do on page lifecycle events. */
export interface PageHooks {
  /** The page is being hidden or unloaded: last chance for a best-effort send. */
  onLeave(): void;
  /** The device is back online. */
  onOnline(): void;
}

/** Subscribes to `visibilitychange`→hidden, `pagehide` and `online`; returns the unsubscribe. No-op outside browsers. */
export function watchPage(hooks: PageHooks): () => void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => {};
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') hooks.onLeave();
  };
  const onPageHide = () => hooks.onLeave();
  const onOnline = () => hooks.onOnline();
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('online', onOnline);
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('online', onOnline);
  };
}
