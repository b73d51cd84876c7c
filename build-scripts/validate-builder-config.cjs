// Validates electron-builder.yml against electron-builder's own schema, offline (no build, no download).
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util');

(async () => {
  const config = await getConfig(process.cwd(), null, null);
  await validateConfiguration(config, new DebugLogger(false));
  const targets = ['mac', 'win', 'linux'].map((os) => `${os}: ${JSON.stringify(config[os]?.target)}`).join('; ');
  console.log(`electron-builder config OK: ${config.appId} (${targets})`);
})().catch((error) => {
  console.error(`electron-builder config invalid: ${error.message.split('\n').slice(0, 3).join(' ')}`);
  process.exit(1);
});
