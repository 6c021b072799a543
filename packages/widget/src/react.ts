// @campaign-entry/widget/react — types only: <campaign-entry>'s props in React 19's JSX (`import type {} from
// '@campaign-entry/widget/react'`). React 19 sets a custom element's properties (`strings`, `client`) and listens to
// `on<event>` props, so attributes, properties and the four events are all typed here. The module is empty at run time.
import type { CampaignClient } from '@campaign-entry/sdk';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CampaignEntry } from './campaign-entry.component.js';
import type { CampaignEntryEventDetails } from './events/events.js';
import type { CampaignEntryStrings } from './strings/strings.js';

/** The element's listeners as React 19 props: `oncampaign-entry-delivered={(event) => …}`. */
export type CampaignEntryEventProps = {
  [K in keyof CampaignEntryEventDetails as `on${K}`]?: (event: CustomEvent<CampaignEntryEventDetails[K]>) => void;
};

/** <campaign-entry>'s props in JSX: its attributes (as written in HTML), its properties and its events. */
export interface CampaignEntryProps
  extends DetailedHTMLProps<HTMLAttributes<CampaignEntry>, CampaignEntry>,
    CampaignEntryEventProps {
  region?: string;
  'identity-pool-id'?: string;
  'delivery-stream'?: string;
  'campaign-id'?: string;
  fields?: string;
  'min-age'?: number | string;
  country?: string;
  'rules-url'?: string;
  'privacy-url'?: string;
  locale?: string;
  locales?: string;
  'opens-at'?: string;
  'closes-at'?: string;
  'time-zone'?: string;
  'next-steps'?: string;
  'cognito-endpoint'?: string;
  'firehose-endpoint'?: string;
  /** An existing SDK client (a property). */
  client?: CampaignClient;
  /** Copy overrides (a property). */
  strings?: Partial<CampaignEntryStrings>;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'campaign-entry': CampaignEntryProps;
    }
  }
}
