// Bundles the entry points: the VS Code client, the language server, and the CLI (bundle + code-cache loader).
import * as esbuild from 'esbuild';
import { writeRuleIndexes } from './scripts/gen-rule-index.mjs';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

writeRuleIndexes();
// The production extension is written by hand (withCodeCache), possibly before esbuild has made dist/ for any bundle.
mkdirSync('dist', { recursive: true });
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

/**
 * VS Code imports an extension whose package.json says "type": "module" with import(), and Node then finds a CommonJS
 * module's named exports by reading its text (cjs-module-lexer), not by running it. The loader sets module.exports
 * from code compiled at run time, which that reading cannot see: without this never-run line naming the exports,
 * import() gave only `default`, VS Code found no activate(), and the extension silently did nothing.
 */
const EXTENSION_EXPORTS_HINT = '0 && (module.exports = { activate, deactivate, LANGUAGE_IDS });\n';

await Promise.all([
  // The extension: in the production build (what the .vsix ships) inside the same code-cache loader as the CLI,
  // so VS Code's require() of it deserialises compiled code instead of compiling vscode-languageclient each time.
  production
    ? esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], write: false, outfile: 'dist/extension.js', external: ['vscode'] }).then((bundle) =>
        withCodeCache('extension', bundle.outputFiles.find((f) => f.path.endsWith('.js')).text, 'dist/extension.js', '', EXTENSION_EXPORTS_HINT),
      )
    : esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  // The CLI: dist/cli.js is a small loader (the result cache's replay, then the bundle compiled with a V8 code cache);
  // the bundle is dist/cli-bundle.js beside it, read as text only when the loader needs it.
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-bundle.js' }).then(async () => {
    await withCodeCache('cli', readFileSync('dist/cli-bundle.js', 'utf8'), 'dist/cli.js', '#!/usr/bin/env node\n', '', 'cli-bundle.js');
  }),
]);

/**
 * Writes `out`: the loader of server/src/cli/boot.ts with the bundle's hash (the caches' key) in front, and the
 * bundle's source itself, unless `sourceFile` names the file beside `out` that holds it.
 */
async function withCodeCache(entry, source, out, prefix = '', suffix = '', sourceFile = undefined) {
  // The entry is a compile-time constant, so the extension's loader leaves out the CLI's result cache (and node:crypto).
  const boot = await esbuild.build({ ...common, define: { ...common.define, __V6READY_ENTRY__: JSON.stringify(entry) }, sourcemap: false, entryPoints: ['server/src/cli/boot.ts'], write: false, outfile: out });
  const hash = createHash('sha1').update(source).digest('hex');
  const defs = [
    `var __V6READY_SOURCE__ = ${sourceFile ? 'undefined' : JSON.stringify(source)};`,
    `var __V6READY_SOURCE_FILE__ = ${JSON.stringify(sourceFile)};`,
    `var __V6READY_SOURCE_HASH__ = ${JSON.stringify(hash)};`,
    // esbuild escapes non-ASCII characters (charset 'ascii', its default), so the loader can read the bundle as latin1.
    `var __V6READY_SOURCE_ASCII__ = ${!/[^\x00-\x7f]/.test(source)};`,
  ];
  writeFileSync(out, `${prefix}${defs.join('\n')}\n${boot.outputFiles[0].text}${suffix}`);
}
chmodSync('dist/cli.js', 0o755);
// The project is ESM ("type": "module"); the bundles are CommonJS, as VS Code loads extensions with require().
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');
