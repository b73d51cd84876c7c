/** A price finding as the view, the popover and `spendbar prices --check` show it. */
import { femtoToMicroUsd } from './money.ts';
import { usdPerMillion, type PriceFinding } from './price-findings.ts';
import type { TokenKind } from './usage-row.ts';
import type { PriceFindingView } from './view-types.ts';

const KIND_WORDS: Readonly<Record<TokenKind, string>> = {
  input: 'input',
  output: 'output',
  cache_write_5m: 'cache writes (5 min)',
  cache_write_1h: 'cache writes (1 h)',
  cache_read: 'cached input',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const shortDate = (day: string) => `${MONTHS[Number(day.slice(5, 7)) - 1] ?? ''} ${Number(day.slice(8, 10))}`;

/** $0.20/M, $1.25/M, $0.075/M: two decimals at least, and enough to show the rate's own digits. */
function perMillion(usd: number): string {
  const text = usd.toFixed(6).replace(/0+$/, '');
  const [whole = '0', fraction = ''] = text.split('.');
  return `$${whole}.${fraction.padEnd(2, '0')}/M`;
}

export function priceFindingView(f: PriceFinding): PriceFindingView {
  const billedRate = usdPerMillion(f.billedFemto, f.tokens);
  const catalogRate = f.catalogFemto === null ? null : usdPerMillion(f.catalogFemto, f.tokens);
  const what = `${f.model} ${f.tier === 'standard' ? '' : `${f.tier} `}${KIND_WORDS[f.kind]}`;
  const when = f.current ? `since ${shortDate(f.from)}` : `from ${shortDate(f.from)} to ${shortDate(f.through)}`;
  const ours = catalogRate === null ? 'our catalog has no price for it' : `our catalog says ${perMillion(catalogRate)}`;
  return {
    source: f.source,
    model: f.model,
    kind: f.kind,
    tier: f.tier,
    from: f.from,
    through: f.through,
    current: f.current,
    tokens: f.tokens,
    billedUsd: femtoToMicroUsd(f.billedFemto),
    billedUsdPerMillion: billedRate,
    catalogUsdPerMillion: catalogRate,
    priceSource: f.priceSource,
    message: `Your bill prices ${what} at ${perMillion(billedRate)} ${when}; ${ours}`,
  };
}
