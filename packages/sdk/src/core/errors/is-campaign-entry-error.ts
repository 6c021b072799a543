// The cross-realm check for CampaignEntryError, in its own module: code that only creates errors (a page's first chunk)
// does not carry it.
import { CampaignEntryError } from './campaign-entry-error.js';

/**
 * Whether `value` is a {@link CampaignEntryError}, also across realms (compares the `name`).
 */
export function isCampaignEntryError(value: unknown): value is CampaignEntryError {
  return (
    value instanceof CampaignEntryError ||
    (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'CampaignEntryError')
  );
}
