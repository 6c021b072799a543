// Reads the deployment's config.json (region, identity pool, streams, campaign; endpoints only for the local emulator)
// and hands it to <campaign-entry>, then loads the element. The same page deploys to real AWS by replacing config.json.
const element = document.querySelector('campaign-entry');

const ATTRIBUTES = {
  region: (config) => config.region,
  'identity-pool-id': (config) => config.identityPoolId,
  'delivery-stream': (config) => [].concat(config.deliveryStreams ?? []).join(','),
  'campaign-id': (config) => config.campaignId,
  'cognito-endpoint': (config) => config.endpoints?.cognito,
  'firehose-endpoint': (config) => config.endpoints?.firehose,
  'opens-at': (config) => config.opensAt,
  'closes-at': (config) => config.closesAt,
};

try {
  const response = await fetch('config.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  const config = await response.json();
  for (const [name, read] of Object.entries(ATTRIBUTES)) {
    const value = read(config);
    if (value) element?.setAttribute(name, String(value));
  }
} catch (error) {
  // Without a config the element still renders and explains that it is not configured.
  console.error('Could not load config.json', error);
}
await import('./campaign-entry.js');
