// Bundles the three entry points: the VS Code client, the language server and the CLI.
import * as esbuild from 'esbuild';
import { writeRuleIndexes } from './scripts/gen-rule-index.mjs';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';

writeRuleIndexes();
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { __V6READY_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
chmodSync('dist/cli.js', 0o755);
// The project is ESM ("type": "module"); the bundles are CommonJS, as VS Code loads extensions with require().
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');
