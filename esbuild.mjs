// Bundles the entry points: the VS Code client, the language server, and the CLI (bundle + code-cache loader).
import * as esbuild from 'esbuild';
import { writeRuleIndexes } from './scripts/gen-rule-index.mjs';
import { createHash } from 'node:crypto';
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
  // The CLI: its bundle is embedded as a string in dist/cli.js, a small loader that compiles it with a V8 code cache.
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], write: false, outfile: 'dist/cli.js' }).then(async (bundle) => {
    const boot = await esbuild.build({ ...common, sourcemap: false, entryPoints: ['server/src/cli/boot.ts'], write: false, outfile: 'dist/cli.js' });
    const source = bundle.outputFiles.find((f) => f.path.endsWith('.js')).text;
    const hash = createHash('sha1').update(source).digest('hex');
    writeFileSync('dist/cli.js', `#!/usr/bin/env node\nvar __V6READY_SOURCE__ = ${JSON.stringify(source)};\nvar __V6READY_SOURCE_HASH__ = ${JSON.stringify(hash)};\n${boot.outputFiles[0].text}`);
    const map = bundle.outputFiles.find((f) => f.path.endsWith('.map'));
    if (map) writeFileSync('dist/cli.js.map', map.contents);
  }),
]);
chmodSync('dist/cli.js', 0o755);
// The project is ESM ("type": "module"); the bundles are CommonJS, as VS Code loads extensions with require().
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');
