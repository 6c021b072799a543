// What the element needs from the SDK beyond the few constants it imports statically, as one lazily loaded chunk.
// (A dynamic import of the SDK's index would pull in every export; naming them here lets the bundler drop the rest.)
export { createCampaignClient, validateEntry, validateField } from '@campaign-entry/sdk';
