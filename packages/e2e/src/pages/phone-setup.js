// Sets up a simulated phone's campaign page from its query string: breaks storage the way some browsers do (private
// modes, storage disabled) when asked, then places <campaign-entry> pointed at the emulator.
//   ?campaign=ID&endpoint=http://127.0.0.1:PORT&streams=entries-0,entries-1&storage=default|no-indexeddb|none
const params = new URLSearchParams(window.location.search);
const storage = params.get('storage') ?? 'default';

if (storage === 'no-indexeddb' || storage === 'none') {
  // As in browsers that ship without it or hide it (some embedded web views, older private modes).
  Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
}
if (storage === 'none') {
  // As with storage disabled: every access to localStorage throws a SecurityError.
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
}

const element = document.createElement('campaign-entry');
const attributes = {
  region: 'us-east-1',
  'identity-pool-id': 'us-east-1:00000000-0000-4000-8000-000000000000',
  'delivery-stream': params.get('streams') ?? 'entries-0,entries-1',
  'campaign-id': params.get('campaign') ?? 'e2e',
  fields: 'name,email',
  'rules-url': '/rules',
  'privacy-url': '/privacy',
  locale: 'en',
  'cognito-endpoint': params.get('endpoint') ?? '',
  'firehose-endpoint': params.get('endpoint') ?? '',
};
for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
document.body.append(element);
