/** `npm run bench [engine|forecast|claude-code|ledger|codex]`: prints ratios and throughputs. It never fails on speed. */
import { benchClaudeCode } from './claude-code-scan.ts';
import { benchCodex } from './codex-scan.ts';
import { benchEngine } from './engine-throughput.ts';
import { benchForecast } from './forecast-backtest.ts';
import { benchLedger } from './ledger-bench.ts';

const only = process.argv[2];
if (!only || only === 'engine') benchEngine();
if (!only || only === 'forecast') benchForecast();
if (!only || only === 'claude-code') benchClaudeCode();
if (!only || only === 'ledger') benchLedger();
if (!only || only === 'codex') await benchCodex();
