// US state from a ZIP code's first three digits (its sectional center), from USPS's published prefix ranges. Good
// enough to show marketing where entries come from; not an address check (a few prefixes straddle state lines).

/** `[first prefix, last prefix, state]`, inclusive, in prefix order. Gaps are unassigned prefixes. */
const RANGES: readonly (readonly [number, number, string])[] = [
  [5, 5, 'NY'],
  [6, 7, 'PR'],
  [8, 8, 'VI'],
  [9, 9, 'PR'],
  [10, 27, 'MA'],
  [28, 29, 'RI'],
  [30, 38, 'NH'],
  [39, 49, 'ME'],
  [50, 54, 'VT'],
  [55, 55, 'MA'],
  [56, 59, 'VT'],
  [60, 69, 'CT'],
  [70, 89, 'NJ'],
  [90, 99, 'AE'],
  [100, 149, 'NY'],
  [150, 196, 'PA'],
  [197, 199, 'DE'],
  [200, 200, 'DC'],
  [201, 201, 'VA'],
  [202, 205, 'DC'],
  [206, 219, 'MD'],
  [220, 246, 'VA'],
  [247, 268, 'WV'],
  [270, 289, 'NC'],
  [290, 299, 'SC'],
  [300, 319, 'GA'],
  [320, 349, 'FL'],
  [350, 369, 'AL'],
  [370, 385, 'TN'],
  [386, 397, 'MS'],
  [398, 399, 'GA'],
  [400, 427, 'KY'],
  [430, 459, 'OH'],
  [460, 479, 'IN'],
  [480, 499, 'MI'],
  [500, 528, 'IA'],
  [530, 549, 'WI'],
  [550, 567, 'MN'],
  [569, 569, 'DC'],
  [570, 577, 'SD'],
  [580, 588, 'ND'],
  [590, 599, 'MT'],
  [600, 629, 'IL'],
  [630, 658, 'MO'],
  [660, 679, 'KS'],
  [680, 693, 'NE'],
  [700, 714, 'LA'],
  [716, 729, 'AR'],
  [730, 749, 'OK'],
  [750, 799, 'TX'],
  [800, 816, 'CO'],
  [820, 831, 'WY'],
  [832, 838, 'ID'],
  [840, 847, 'UT'],
  [850, 865, 'AZ'],
  [870, 884, 'NM'],
  [885, 885, 'TX'],
  [889, 898, 'NV'],
  [900, 961, 'CA'],
  [962, 966, 'AP'],
  [967, 968, 'HI'],
  [969, 969, 'GU'],
  [970, 979, 'OR'],
  [980, 994, 'WA'],
  [995, 999, 'AK'],
];

/** The answer for a code that does not start with three digits, or whose prefix is unassigned. */
export const UNKNOWN_STATE = 'unknown';

/**
 * The two-letter state (or territory, or military `AE`/`AP`) of a US ZIP code, from its first three characters after
 * trimming: the same cut as `pnpm query --named entries-by-postal-region`, so its rows sum to the same states.
 * @example stateOfPostalCode('94110') // 'CA'
 * @example stateOfPostalCode('SW1A 1AA') // 'unknown'
 */
export function stateOfPostalCode(code: string | null | undefined): string {
  const region = (code ?? '').trim().slice(0, 3);
  if (!/^\d{3}$/u.test(region)) return UNKNOWN_STATE;
  const prefix = Number(region);
  return RANGES.find(([first, last]) => prefix >= first && prefix <= last)?.[2] ?? UNKNOWN_STATE;
}
