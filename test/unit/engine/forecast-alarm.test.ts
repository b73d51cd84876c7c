import { describe, expect, it } from 'vitest';
import { levelOf } from '../../../app/engine/build-view-sources.ts';
import { usdToFemto } from '../../../app/engine/money.ts';
import type { SourceView } from '../../../app/engine/view-types.ts';

const anthropic: SourceView = {
  id: 'anthropic',
  label: 'Anthropic',
  state: 'ok',
  counted: true,
  estimate: false,
  spentUsd: 500,
  capUsd: null,
};
const usd = (text: string) => usdToFemto(text)!;

describe('the tray level reads the projection with its range', () => {
  it('turns amber only when even the low end of the range passes the cap', () => {
    expect(levelOf([anthropic], usd('500'), usd('1000'), 1050)).toBe('near');
  });

  it('stays calm when only the projection or the high end would pass it: a "may" is not an alarm', () => {
    // Projection $1,100 with a low end of $950: the popover says "may reach the cap"; the icon stays ok.
    expect(levelOf([anthropic], usd('500'), usd('1000'), 950)).toBe('ok');
  });

  it('still turns amber at 90 % of the cap spent, whatever the forecast', () => {
    expect(levelOf([anthropic], usd('905'), usd('1000'), 0)).toBe('near');
  });
});
