/**
 * Exact money. Amounts are bigint femtodollars (1e-15 USD): fine enough that every catalog
 * price (USD per million tokens, up to 6 decimals) times every modifier (batch 1/2, US 11/10,
 * fast-mode ratios) is a whole number per token, so sums never round.
 */
export type Femto = bigint;

export const FEMTO_PER_USD = 10n ** 15n;
const FEMTO_PER_MICRO = 10n ** 9n;

/**
 * Parses a non-negative or negative decimal string ("123.45", "-0.5", "1e-3" is rejected)
 * scaled by 10^scale into a bigint, exactly. Digits beyond the scale must be zero.
 */
export function parseScaledDecimal(text: string, scale: number): bigint | undefined {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole = '0', fraction = ''] = match;
  const kept = fraction.slice(0, scale).padEnd(scale, '0');
  if (/[1-9]/.test(fraction.slice(scale))) return undefined;
  const value = BigInt(whole) * 10n ** BigInt(scale) + BigInt(kept === '' ? '0' : kept);
  return sign ? -value : value;
}

/** "3.75" (USD) → femtodollars. */
export function usdToFemto(usd: string): Femto | undefined {
  return parseScaledDecimal(usd, 15);
}

/** Anthropic's cost report gives cents as a decimal string ("123.78912" = $1.2378912). */
export function centsToFemto(cents: string): Femto | undefined {
  return parseScaledDecimal(cents, 13);
}

/** Exact decimal string of an amount, trailing zeros trimmed ("0.125"). */
export function femtoToDecimalString(amount: Femto): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const whole = abs / FEMTO_PER_USD;
  const fraction = (abs % FEMTO_PER_USD).toString().padStart(15, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Rounds half-to-even to whole micro-dollars: the precision users and the ledger compare at. */
export function roundToMicro(amount: Femto): bigint {
  const quotient = amount / FEMTO_PER_MICRO;
  const remainder = amount % FEMTO_PER_MICRO;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  if (twice < FEMTO_PER_MICRO) return quotient;
  if (twice > FEMTO_PER_MICRO || quotient % 2n !== 0n) return amount < 0n ? quotient - 1n : quotient + 1n;
  return quotient;
}

/** The number closest to the exact amount; for JSON and display only, never for sums. */
export function femtoToUsdNumber(amount: Femto): number {
  // Up to 2^53 femto (about $9) the amount and 10^15 are exact doubles, and a division rounds their
  // exact quotient once: the same double as parsing the exact decimal, without building the string
  // (the view converts each hour of two periods).
  if (amount <= EXACT_DOUBLE && amount >= -EXACT_DOUBLE) return Number(amount) / 1e15;
  return Number(femtoToDecimalString(amount));
}
const EXACT_DOUBLE = 2n ** 53n;

/** USD as a number, rounded half-to-even to the micro-dollar: how views and reports show amounts. */
export function femtoToMicroUsd(amount: Femto): number {
  return femtoToUsdNumber(roundToMicro(amount) * FEMTO_PER_MICRO);
}

/** "$1,234.57" style, with a chosen number of decimals (rounded half-to-even). */
export function formatUsd(amount: Femto, decimals = 2): string {
  const step = 10n ** BigInt(15 - decimals);
  let units = amount / step;
  const rest = amount % step;
  const twice = 2n * (rest < 0n ? -rest : rest);
  if (twice > step || (twice === step && units % 2n !== 0n)) units += amount < 0n ? -1n : 1n;
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = decimals > 0 ? `.${digits.slice(-decimals)}` : '';
  return `${negative ? '-' : ''}$${whole}${fraction}`;
}
