/** Where the bill contradicts our catalog: the latest finding per model and kind, in a few lines. */
import type { SpendView } from '../../app/engine/view-types.ts';
import { h } from '../dom.ts';

/** One line at a glance (the popover must fit without scrolling); the rest are counted, and listed by `spendbar prices --check`. */
const SHOWN = 1;

export function priceFindings(view: SpendView): HTMLElement | null {
  // Standard-tier rates first: they are the ones learned; batch and regional runs follow from them.
  const current = view.priceFindings
    .filter((f) => f.current)
    // A bill that contradicts a price we hold comes before one that prices a model we lack.
    .sort(
      (a, b) =>
        Number(b.catalogUsdPerMillion !== null) - Number(a.catalogUsdPerMillion !== null) ||
        Number(b.tier === 'standard') - Number(a.tier === 'standard'),
    );
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
      // Short, to keep the glance on one screen; the README explains learned rates.
      `${more > 0 ? `${more} more · ` : ''}today uses the bill's rate · spendbar prices --check`,
    ),
  );
}
