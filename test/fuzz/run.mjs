// `npm run fuzz -- --count N [--seed S]`: the long fuzz run. Runs test/fuzz with N mutated cases per dialect and
// every hostile shape at full size, then prints the cases run and failed per dialect.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return fallback;
  return args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
};
const count = Number(opt('--count', process.env.FUZZ_COUNT ?? 1000));
const seed = opt('--seed', process.env.FUZZ_SEED ?? '');
if (!Number.isInteger(count) || count <= 0) {
  console.error('usage: npm run fuzz -- [--count N] [--seed S]');
  process.exit(2);
}
const files = readdirSync(join('test', 'fuzz'))
  .filter((f) => f.endsWith('.test.ts'))
  .sort()
  .map((f) => join('test', 'fuzz', f));
const env = { ...process.env, FUZZ_COUNT: String(count), FUZZ_LONG: '1', ...(seed ? { FUZZ_SEED: String(seed) } : {}) };
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], { env, stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
child.stdout.on('data', (d) => {
  process.stdout.write(d);
  out += d;
});
child.on('exit', (code) => {
  const rows = out.split('\n').filter((l) => /^# fuzz \w+: .* mutated cases/.test(l));
  const pass = /^# pass (\d+)/m.exec(out)?.[1];
  const fail = /^# fail (\d+)/m.exec(out)?.[1];
  console.log(`\nfuzz summary (count ${count} per dialect${seed ? `, seed ${seed}` : ''}):`);
  for (const r of rows) console.log(`  ${r.slice(2)}`);
  console.log(`  tests: ${pass ?? '?'} passed, ${fail ?? '?'} failed`);
  process.exit(code ?? 1);
});
