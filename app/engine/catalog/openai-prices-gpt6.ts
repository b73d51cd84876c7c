/**
 * GPT-5.6 and GPT-6.x prices. OpenAI's pages state the same multiples for every model of these
 * families (openai-price-rules.ts), so each version is typed as input / cached input / output.
 *
 * Known to exist but left unpriced (usage shows as unpriced, never guessed), because no OpenAI page
 * in the stored copies gives a price:
 * - gpt-6-astra-pro: resellers list it as Astra's "pro reasoning mode"; OpenAI's pages show none.
 * - chat-latest: the rolling alias "pointing to GPT-5.5 Instant" (reseller docs); no OpenAI price.
 * - the "ultrafast" service tier ("3 times the Standard rate through February 28, 2027, and 6 times
 *   the Standard rate starting March 1", gpt-6.2-sol page; a reseller lists GPT-6.1 Sol ultrafast
 *   at 6x): not modelled yet, so a usage row with that tier is still priced at standard (too low).
 * - 12-hour cache writes on every model except GPT-6.1 Terra ($2.50) and GPT-6.2 Sol ($5).
 * The first version's date of a model is its release; usage before it is priced at that version.
 */
import type { ModelEntry } from './catalog-types.ts';
import { modernSpec } from './openai-price-rules.ts';
import { gpt, page } from './openai-sources.ts';

const SOL_56 = page('gpt-5.6-sol', 'ja-JP/pt-BR, promotional $4/$20 "at least through 2026-11-21"');

export function GPT_56_AND_6(): ModelEntry[] {
  return [
    gpt(
      'gpt-5.6',
      'GPT-5.6 Sol',
      ['gpt-5.6-sol'],
      modernSpec(
        '2026-07-09',
        ['5.00', '0.50', '30.00'],
        `${page('gpt-5.6-sol', 'at launch')}; launch price, LiteLLM 2026-07-24 agrees`,
      ),
      // The promotion has no announced end: the page guarantees it only through 2026-11-21.
      modernSpec('2026-08-21', ['4.00', '0.40', '20.00'], SOL_56, { promotionalThrough: '2026-11-21' }),
    ),
    gpt(
      'gpt-5.6-terra',
      'GPT-5.6 Terra',
      [],
      modernSpec('2026-07-09', ['2.50', '0.25', '15.00'], `${page('gpt-5.6-terra', 'at launch')}; LiteLLM 2026-07-24 agrees`),
      modernSpec('2026-07-30', ['2.00', '0.20', '12.00'], page('gpt-5.6-terra', 'after the 2026-07-30 cut (-20 %)')),
    ),
    gpt(
      'gpt-5.6-luna',
      'GPT-5.6 Luna',
      [],
      modernSpec('2026-07-09', ['1.00', '0.10', '6.00'], `${page('gpt-5.6-luna', 'at launch')}; LiteLLM 2026-07-24 agrees`),
      modernSpec('2026-07-30', ['0.20', '0.02', '1.20'], page('gpt-5.6-luna', 'after the 2026-07-30 cut (-80 %)')),
    ),
    gpt(
      'gpt-6-astra',
      'GPT-6 Astra',
      [],
      modernSpec('2026-09-03', ['10.00', '1.00', '50.00'], page('gpt-6-astra', 'of 2026-09 (cache writes $12.50)')),
    ),
    gpt(
      'gpt-6-sol',
      'GPT-6 Sol',
      [],
      modernSpec('2026-09-22', ['2.00', '0.20', '10.00'], page('gpt-6-sol', 'of 2026-09-22 (cache writes $2.50)')),
    ),
    gpt(
      'gpt-6-luna',
      'GPT-6 Luna',
      [],
      modernSpec('2026-09-22', ['0.10', '0.01', '0.50'], page('gpt-6-luna', 'ja-JP (cache writes $0.125)')),
    ),
    gpt(
      'gpt-6.1-sol',
      'GPT-6.1 Sol',
      [],
      modernSpec('2026-09-29', ['2.00', '0.10', '10.00'], page('gpt-6.1-sol', 'of 2026-09-29 (DevDay)')),
    ),
    gpt(
      'gpt-6.1-terra',
      'GPT-6.1 Terra',
      [],
      modernSpec(
        '2026-10-26',
        ['1.00', '0.05', '5.00'],
        page('gpt-6.1-terra', 'of 2026-10-26 (30-minute write $1.25, 12-hour $2.50)'),
        {
          cacheWrite12h: '2.50',
        },
      ),
    ),
    gpt(
      'gpt-6.2-astra',
      'GPT-6.2 Astra',
      [],
      modernSpec(
        '2026-11-17',
        ['8.00', '0.40', '40.00'],
        page('gpt-6.2-astra', 'of 2026-11-18 ($8/$40, cached input 60 % below GPT-6 Astra)'),
      ),
    ),
    gpt(
      'gpt-6.2-sol',
      'GPT-6.2 Sol',
      [],
      modernSpec('2026-11-17', ['2.00', '0.10', '10.00'], page('gpt-6.2-sol', 'of 2026-11 (30-minute write $2.50, 12-hour $5)'), {
        cacheWrite12h: '5.00',
      }),
    ),
  ];
}
