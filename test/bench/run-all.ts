/** `npm run bench`: prints ratios and throughputs. It never fails on speed; it reports. */
import { benchEngine } from './engine-throughput.ts';

const only = process.argv[2];
if (!only || only === 'engine') benchEngine();
