#!/usr/bin/env node
// The installed `spendbar` command: the compiled CLI from out/ (npm run build makes it).
await import('../out/cli/spendbar.mjs');
