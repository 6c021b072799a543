// Turns the stack's outputs into the small config the campaign page reads (region, identityPoolId, deliveryStreams,
// campaignId), so nobody copies stream names by hand on launch day.

/** What the demo page's config.json holds; the same values as the <campaign-entry> attributes. */
export interface PageConfig {
  /** `region` attribute. */
  readonly region: string;
  /** `identity-pool-id` attribute. */
  readonly identityPoolId: string;
  /** `delivery-stream` attribute (joined with commas there). */
  readonly deliveryStreams: readonly string[];
  /** `campaign-id` attribute. */
  readonly campaignId: string;
}

/** Stack outputs as `aws cloudformation describe-stacks --query 'Stacks[0].Outputs'` prints them, or a plain map. */
export type StackOutputs = readonly { OutputKey: string; OutputValue: string }[] | Readonly<Record<string, string>>;

/**
 * Builds the page config from the stack outputs.
 * @throws when an output the page needs is missing
 * @example pageConfigFromOutputs({Region: 'us-east-1', IdentityPoolId: 'us-east-1:…', CampaignId: 'x',
 *   DeliveryStreamNamePrefix: 'x-prod-entries-', DeliveryStreamIndexes: '0,1'})
 */
export function pageConfigFromOutputs(outputs: StackOutputs): PageConfig {
  const map: Record<string, string> = Array.isArray(outputs)
    ? Object.fromEntries(outputs.map((output) => [output.OutputKey, output.OutputValue]))
    : { ...(outputs as Record<string, string>) };
  const need = (key: string) => {
    const value = map[key];
    if (!value) throw new Error(`The stack has no output ${key}; is this the campaign-entry stack?`);
    return value;
  };
  const region = need('Region');
  const identityPoolId = need('IdentityPoolId');
  const prefix = need('DeliveryStreamNamePrefix');
  const deliveryStreams = need('DeliveryStreamIndexes')
    .split(',')
    .map((index) => `${prefix}${index.trim()}`);
  return { region, identityPoolId, deliveryStreams, campaignId: need('CampaignId') };
}
