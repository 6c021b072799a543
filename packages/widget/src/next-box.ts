// The Enter key on a phone keyboard whose key says "next" (`enterkeyhint`, set by form-fields.ts): it moves to the next
// box instead of submitting half a form. In the controller's chunk: until it loads (a moment after the first render),
// Enter submits and the form says what is missing.

/** Moves focus from the box `event` came from to the next one in `root` when its Enter key says "next". */
export function nextBox(event: KeyboardEvent, root: ParentNode): void {
  const target = event.target as HTMLInputElement;
  if (event.key !== 'Enter' || target.getAttribute('enterkeyhint') !== 'next') return;
  event.preventDefault();
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[enterkeyhint]')];
  boxes[boxes.indexOf(target) + 1]?.focus();
}
