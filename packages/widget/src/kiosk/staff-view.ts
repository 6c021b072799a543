// The staff view of a kiosk: entries waiting on the tablet, the last delivery, storage used and left, and "send now".
// A plain <dialog> in the page (not in the element, which is replaced for every entrant). The PIN keeps entrants out;
// it is in the page's source, so it is no defence against anyone who can read that.
import type { CampaignClient } from '@campaign-entry/sdk';
import { nearlyFull, type StaffFacts } from './staff-facts.js';

const megabytes = (bytes: number | undefined) => (bytes === undefined ? 'unknown' : `${(bytes / 1e6).toFixed(1)} MB`);

function lines(facts: StaffFacts): string[] {
  const left =
    facts.quotaBytes !== undefined && facts.usedBytes !== undefined ? facts.quotaBytes - facts.usedBytes : undefined;
  return [
    `Entries waiting on this tablet: ${facts.pending} (at most ${facts.maxStoredEntries})`,
    `Last delivery: ${facts.lastDeliveryAt ? new Date(facts.lastDeliveryAt).toLocaleTimeString() : 'none yet'}`,
    `Storage used: ${megabytes(facts.usedBytes)}, left: ${megabytes(left)}`,
    ...(nearlyFull(facts) ? ['WARNING: storage nearly full. Get the tablet online, or swap it.'] : []),
  ];
}

/**
 * Opens the staff view (after the PIN, when there is one). Resolves once it is shown, or `false` for a wrong PIN.
 */
export async function openStaffView(
  pin: string | undefined,
  read: () => Promise<StaffFacts>,
  client: CampaignClient,
): Promise<boolean> {
  if (document.querySelector('dialog[data-campaign-entry-staff]')) return true;
  const dialog = document.createElement('dialog');
  dialog.dataset.campaignEntryStaff = '';
  document.body.append(dialog);
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  if (pin !== undefined) {
    const entered = await askPin(dialog);
    if (entered !== pin) {
      close();
      return false;
    }
  }
  const list = document.createElement('ul');
  const show = async () => {
    list.replaceChildren(
      ...lines(await read()).map((text) => Object.assign(document.createElement('li'), { textContent: text })),
    );
  };
  const send = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Send now' });
  send.addEventListener('click', () => {
    send.disabled = true;
    void client
      .flush()
      .then(show)
      .finally(() => {
        send.disabled = false;
      });
  });
  const done = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Close' });
  done.addEventListener('click', close);
  dialog.replaceChildren(Object.assign(document.createElement('h2'), { textContent: 'Staff' }), list, send, done);
  await show();
  if (!dialog.open) dialog.showModal();
  return true;
}

function askPin(dialog: HTMLDialogElement): Promise<string> {
  const form = document.createElement('form');
  form.method = 'dialog';
  const input = Object.assign(document.createElement('input'), {
    type: 'password',
    inputMode: 'numeric',
    autocomplete: 'off',
  });
  input.setAttribute('aria-label', 'Staff PIN');
  const ok = Object.assign(document.createElement('button'), { textContent: 'Open' });
  form.append(input, ok);
  dialog.replaceChildren(form);
  dialog.showModal();
  return new Promise((resolve) => {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = input.value;
      input.value = '';
      resolve(value);
    });
    dialog.addEventListener('cancel', () => resolve(''), { once: true });
  });
}
