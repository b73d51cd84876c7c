import { describe, expect, it } from 'vitest';
import {
  centsToFemto,
  femtoToDecimalString,
  femtoToUsdNumber,
  formatUsd,
  parseScaledDecimal,
  roundToMicro,
  usdToFemto,
} from '../../../app/engine/money.ts';

describe('money', () => {
  it.each([
    ['123.78912', '1.2378912'],
    ['0', '0'],
    ['0.000001', '0.00000001'],
    ['-250', '-2.5'],
  ])('cost-report cents %s are $%s exactly', (cents, usd) => {
    expect(femtoToDecimalString(centsToFemto(cents)!)).toBe(usd);
  });
  it.each(['1e3', '12,5', '', 'NaN', '1.2.3', '0x10'])('rejects %j instead of guessing', (bad) => {
    expect(usdToFemto(bad)).toBeUndefined();
  });
  it('refuses digits beyond the scale rather than rounding them away', () => {
    expect(parseScaledDecimal('0.1234', 3)).toBeUndefined();
    expect(parseScaledDecimal('0.1230', 3)).toBe(123n);
  });
  it('0.1 + 0.2 is exactly 0.3', () => {
    expect(femtoToDecimalString(usdToFemto('0.1')! + usdToFemto('0.2')!)).toBe('0.3');
  });
  it.each([
    ['0.0000005', 0n],
    ['0.0000015', 2n],
    ['0.0000025', 2n],
    ['0.00000251', 3n],
    ['-0.0000015', -2n],
  ])('rounds %s to %s micro-dollars, half to even', (usd, micro) => {
    expect(roundToMicro(usdToFemto(usd)!)).toBe(micro);
  });
  it.each([
    ['1234.565', 2, '$1,234.56'],
    ['1234.575', 2, '$1,234.58'],
    ['0.125', 4, '$0.1250'],
    ['-12.5', 0, '-$12'],
    ['1000000', 0, '$1,000,000'],
  ])('formats %s with %i decimals as %s', (usd, decimals, text) => {
    expect(formatUsd(usdToFemto(usd)!, decimals)).toBe(text);
  });

  it('femto to a USD number is the double nearest the exact decimal, by the division and by the string alike', () => {
    const edge = 2n ** 53n;
    const amounts = [0n, 1n, -1n, 7n, 10n ** 15n, 123_456_789_012_345n, edge - 1n, edge, edge + 1n, -edge, -edge - 1n];
    // A fixed spread of amounts up to about $36, each side of 2^53 femto (where the division stops).
    let x = 1n;
    for (let i = 0; i < 5000; i++) {
      x = (x * 6_364_136_223_846_793_005n + 1_442_695_040_888_963_407n) % 2n ** 64n;
      amounts.push((x % (4n * edge)) - (i % 2 === 0 ? 0n : 2n * edge));
    }
    for (const femto of amounts) expect(femtoToUsdNumber(femto)).toBe(Number(femtoToDecimalString(femto)));
  });
});
