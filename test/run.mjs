// Runs the node:test files of the named suites (test/<suite>/**/*.test.ts) under tsx: `node test/run.mjs unit lsp`.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const suites = process.argv.slice(2);
if (suites.length === 0) {
  console.error('usage: node test/run.mjs <suite>... (unit, lsp, corpus, oracle)');
  process.exit(2);
}

function collect(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return collect(p);
    return name.endsWith('.test.ts') ? [p] : [];
  });
}

const files = suites.flatMap((s) => collect(join('test', s))).sort();
if (files.length === 0) {
  console.error(`no test files in ${suites.join(', ')}`);
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
