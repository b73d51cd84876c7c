/**
 * GPT-5 to GPT-5.5 prices, USD per million tokens, each version citing the page it was typed from.
 */
import type { ModelEntry } from './catalog-types.ts';
import type { OpenAiSpec } from './openai-price-rules.ts';
import { FLEX_RULE, flexOf, gpt, half, LITELLM, PRIORITY, WITH_PRIORITY } from './openai-sources.ts';

/** A GPT-5.x line with 10 % cached input and optional flex (half) and priority rates. */
function line(
  from: string,
  [input, cached, output]: [string, string, string],
  tiers: { flex?: boolean; priority?: [string, string, string]; batch?: boolean; long?: boolean },
  source: string,
): OpenAiSpec {
  return {
    from,
    input,
    cached,
    output,
    ...(tiers.batch === false ? {} : { batch: [half(input), half(output)] as const }),
    ...(tiers.flex ? { flex: flexOf(input, cached, output) } : {}),
    ...(tiers.priority ? { priority: tiers.priority } : {}),
    // GPT-5.4 and later: ">272K input tokens ... 2x input and 1.5x output for the full request".
    ...(tiers.long
      ? {
          longContext: {
            input: String(Number(input) * 2),
            cached: String(Number(cached) * 2),
            output: String(Number(output) * 1.5),
          },
        }
      : {}),
    source: tiers.flex ? `${source}; ${FLEX_RULE}` : source,
  };
}

const P5: [string, string, string] = ['2.50', '0.25', '20.00'];
const P52: [string, string, string] = ['3.50', '0.35', '28.00'];

export function GPT_5_FAMILY(): ModelEntry[] {
  return [
    gpt(
      'gpt-5',
      'GPT-5',
      ['gpt-5-2025-08-07'],
      line('2025-08-07', ['1.25', '0.125', '10.00'], { flex: true, priority: P5 }, WITH_PRIORITY),
    ),
    gpt(
      'gpt-5-mini',
      'GPT-5 mini',
      ['gpt-5-mini-2025-08-07'],
      line('2025-08-07', ['0.25', '0.025', '2.00'], { flex: true, priority: ['0.45', '0.045', '3.60'] }, WITH_PRIORITY),
    ),
    // LiteLLM lists a priority input of 2.5 for gpt-5-nano; OpenAI's priority page has no nano row.
    gpt(
      'gpt-5-nano',
      'GPT-5 nano',
      ['gpt-5-nano-2025-08-07'],
      line('2025-08-07', ['0.05', '0.005', '0.40'], { flex: true }, LITELLM),
    ),
    gpt('gpt-5-chat-latest', 'GPT-5 Chat', [], line('2025-08-07', ['1.25', '0.125', '10.00'], {}, LITELLM)),
    gpt('gpt-5-codex', 'GPT-5 Codex', [], line('2025-09-15', ['1.25', '0.125', '10.00'], { priority: P5 }, WITH_PRIORITY)),
    gpt('gpt-5-pro', 'GPT-5 pro', ['gpt-5-pro-2025-10-06'], {
      from: '2025-10-06',
      input: '15.00',
      output: '120.00',
      batch: ['7.50', '60.00'],
      source: LITELLM,
    }),
    gpt(
      'gpt-5.1',
      'GPT-5.1',
      ['gpt-5.1-2025-11-13'],
      line('2025-11-13', ['1.25', '0.125', '10.00'], { flex: true, priority: P5 }, WITH_PRIORITY),
    ),
    gpt('gpt-5.1-chat-latest', 'GPT-5.1 Chat', [], line('2025-11-13', ['1.25', '0.125', '10.00'], { priority: P5 }, LITELLM)),
    gpt('gpt-5.1-codex', 'GPT-5.1 Codex', [], line('2025-11-13', ['1.25', '0.125', '10.00'], { priority: P5 }, WITH_PRIORITY)),
    gpt('gpt-5.1-codex-max', 'GPT-5.1 Codex Max', [], line('2025-11-19', ['1.25', '0.125', '10.00'], {}, LITELLM)),
    gpt(
      'gpt-5.1-codex-mini',
      'GPT-5.1 Codex mini',
      [],
      line('2025-11-13', ['0.25', '0.025', '2.00'], { priority: ['0.45', '0.045', '3.60'] }, LITELLM),
    ),
    gpt(
      'gpt-5.2',
      'GPT-5.2',
      ['gpt-5.2-2025-12-11'],
      line('2025-12-11', ['1.75', '0.175', '14.00'], { flex: true, priority: P52 }, WITH_PRIORITY),
    ),
    gpt('gpt-5.2-chat-latest', 'GPT-5.2 Chat', [], line('2025-12-11', ['1.75', '0.175', '14.00'], { priority: P52 }, LITELLM)),
    gpt('gpt-5.2-codex', 'GPT-5.2 Codex', [], line('2025-12-18', ['1.75', '0.175', '14.00'], { priority: P52 }, LITELLM)),
    gpt('gpt-5.2-pro', 'GPT-5.2 pro', ['gpt-5.2-pro-2025-12-11'], {
      from: '2025-12-11',
      input: '21.00',
      output: '168.00',
      batch: ['10.50', '84.00'],
      source: LITELLM,
    }),
    gpt('gpt-5.3-codex', 'GPT-5.3 Codex', [], line('2026-02-05', ['1.75', '0.175', '14.00'], { priority: P52 }, LITELLM)),
    gpt('gpt-5.3-chat-latest', 'GPT-5.3 Chat', [], line('2026-02-05', ['1.75', '0.175', '14.00'], { priority: P52 }, LITELLM)),
    gpt(
      'gpt-5.4',
      'GPT-5.4',
      ['gpt-5.4-2026-03-05'],
      line(
        '2026-03-05',
        ['2.50', '0.25', '15.00'],
        { flex: true, priority: ['5.00', '0.50', '30.00'], long: true },
        WITH_PRIORITY,
      ),
    ),
    gpt(
      'gpt-5.4-mini',
      'GPT-5.4 mini',
      ['gpt-5.4-mini-2026-03-17'],
      line('2026-03-17', ['0.75', '0.075', '4.50'], { flex: true, priority: ['1.50', '0.15', '9.00'] }, WITH_PRIORITY),
    ),
    gpt(
      'gpt-5.4-nano',
      'GPT-5.4 nano',
      ['gpt-5.4-nano-2026-03-17'],
      line('2026-03-17', ['0.20', '0.02', '1.25'], { flex: true }, LITELLM),
    ),
    gpt(
      'gpt-5.4-pro',
      'GPT-5.4 pro',
      ['gpt-5.4-pro-2026-03-05'],
      line('2026-03-05', ['30.00', '3.00', '180.00'], { flex: true, long: true }, LITELLM),
    ),
    // LiteLLM's priority 10 / 1 / 60 for gpt-5.5 is contradicted by OpenAI's priority page: 12.50 / 1.25 / 75.
    gpt(
      'gpt-5.5',
      'GPT-5.5',
      ['gpt-5.5-2026-04-23'],
      line(
        '2026-04-23',
        ['5.00', '0.50', '30.00'],
        { flex: true, priority: ['12.50', '1.25', '75.00'], long: true },
        `${LITELLM}; priority from ${PRIORITY}`,
      ),
    ),
    gpt(
      'gpt-5.5-pro',
      'GPT-5.5 pro',
      ['gpt-5.5-pro-2026-04-23'],
      line('2026-04-23', ['30.00', '3.00', '180.00'], { flex: true, long: true }, LITELLM),
    ),
  ];
}
