// Masking personal data for screens (the live dashboard): enough to recognize a test entry, not to read it.

/** `Ada Lovelace` → `A** L*******`. */
export function maskName(name: string): string {
  return name
    .split(' ')
    .map((part) => {
      const [first = '', ...rest] = [...part];
      return first + '*'.repeat(rest.length);
    })
    .join(' ');
}

/** `ada.lovelace@example.com` → `a***@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${[...email][0]}***${email.slice(at)}`;
}

/** `94110` → `94***`, `SW1A 1AA` → `SW1***`. */
export function maskPostalCode(code: string): string {
  const keep = Math.min(3, Math.max(1, Math.floor(code.length / 2)));
  return `${code.slice(0, keep)}***`;
}
