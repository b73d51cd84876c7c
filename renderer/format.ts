/** How numbers read at a glance: dollars with cents under $1,000, whole dollars above; relative times. */

export function money(usd: number, exact = false): string {
  const digits = exact || Math.abs(usd) < 1000 ? 2 : 0;
  return `${usd < 0 ? '−' : ''}$${Math.abs(usd).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

export function ago(iso: string | undefined, now: number): string {
  if (!iso) return 'not yet';
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

export function shortDate(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

export function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit' });
}

/** A range's ends read at a glance: whole dollars from $100 up (a range is not precise to the cent). */
export function moneyBrief(usd: number): string {
  return Math.abs(usd) >= 100 ? `$${Math.round(usd).toLocaleString('en-US')}` : money(usd);
}
