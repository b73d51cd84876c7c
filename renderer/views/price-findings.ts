/** Where the bill contradicts our catalog: the latest finding per model and kind, in a few lines. */
import type { SpendView } from '../../app/engine/view-types.ts';
import { h } from '../dom.ts';

const SHOWN = 3;

export function priceFindings(view: SpendView): HTMLElement | null {
  // Standard-tier rates first: they are the ones learned; batch and regional runs follow from them.
  const current = view.priceFindings
    .filter((f) => f.current)
    .sort((a, b) => Number(b.tier === 'standard') - Number(a.tier === 'standard'));
  if (current.length === 0) return null;
  // Claude Code logs have no bill: their estimate keeps the catalog, so say where the bill differs.
  const logModels = new Set(view.byModel.filter((m) => m.sources.includes('claude-code')).map((m) => m.model));
  const more = current.length - SHOWN;
  return h(
    'section',
    { class: 'price-findings', 'aria-label': 'Prices from your bill', 'data-testid': 'price-findings' },
    h('h2', {}, 'Prices from your bill'),
    h(
      'ul',
      {},
      ...current
        .slice(0, SHOWN)
        .map((f) =>
          h(
            'li',
            { class: 'small' },
            f.message,
            logModels.has(f.model) ? ' (Claude Code estimates keep our catalog; this is the rate your bill uses)' : '',
          ),
        ),
    ),
    h(
      'p',
      { class: 'muted small' },
      `${more > 0 ? `${more} more. ` : ''}Estimates not yet billed use the bill's rate. Details: spendbar prices --check`,
    ),
  );
}
