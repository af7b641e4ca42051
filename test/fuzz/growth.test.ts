// Property of growth, not of speed: for every dialect and input shape (realistic text, one long line, one long word,
// deep nesting, open brackets, junk), analysing an input 4x larger takes at most ~5x longer (8x in npm test, see
// MAX_RATIO). A regex that backtracks or a rule that rescans the text per finding shows up here as 16x.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { DIALECTS } from '../../server/src/core/registry';
import { judgeGrowth, shapesFor } from './growth-lib';
import { FUZZ_LONG, seedsFor } from './lib';

/**
 * 4x the input may take at most this many times as long, judged on the code's own time (growth-lib.ts). Linear code
 * is 4x and a quadratic 16x. In npm test the bound is 8x, their midpoint on a log scale (a growth exponent of 1.5):
 * on the shared virtual machine CI runs on, linear code measured up to 6.0x (bind "fixtures and corpus", 256 KB ->
 * 1 MB, the least of five runs, six times in one process: 3.27-6.00x), and a 5x bound failed a clean tree now and then
 * (zone "open brackets" 5.62x on CI, bind 5.28x here). The long run (`npm run fuzz`, more and longer runs, meant for a
 * quiet machine) holds the tighter ~5x.
 */
const MAX_RATIO = FUZZ_LONG ? 5 : 8;
// Sizes grow until one analysis takes minMs (so timer noise is small against it); the long run measures longer.
// Sizes stop at 512 KB (2 MB for the larger input): past that, a few million live tokens make the garbage collector,
// not the code, the thing measured. Each timed run starts after a full collection, and the collector's pauses are
// taken out of its time (growth-lib.ts): the process's CPU time, collector included, is printed beside it (for shapes
// that build one huge structure, zone "open brackets" with one entry of 400,000 values, it is 4.3-5.9x where the
// code's own time is 3.0-4.2x).
const OPTIONS = FUZZ_LONG ? { minMs: 40, maxSize: 1 << 19, runs: 4 } : { minMs: 25, maxSize: 1 << 19, runs: 3 };

// The measure itself: a scan of the rest of the text from every 64th character (a rule that rescans the text per
// token) must fail, and a pass that splits the text into words and counts them must hold.
test('growth: the measure fails a quadratic and passes a linear scan', { timeout: 600_000 }, async () => {
  const shape = (n: number) => 'word '.repeat(Math.ceil(n / 5)).slice(0, n);
  let sink = 0;
  const quadratic = (text: string) => {
    for (let i = 0; i < text.length; i += 64) sink += text.indexOf('\u0001', i);
  };
  const linear = (text: string) => {
    const counts = new Map<string, number>();
    for (const w of text.split(' ')) counts.set(w, (counts.get(w) ?? 0) + 1);
    sink -= counts.size;
  };
  const q = await judgeGrowth('quadratic', quadratic, shape, OPTIONS, MAX_RATIO);
  const l = await judgeGrowth('linear', linear, shape, OPTIONS, MAX_RATIO);
  console.log(`growth of the measure itself:\n  ${q.row}\n  ${l.row}`);
  assert.equal(q.holds, false, q.row);
  assert.equal(l.holds, true, l.row);
  assert.ok(sink < 0);
});

for (const dialect of DIALECTS) {
  test(`growth ${dialect.name}: 4x the input takes at most ${MAX_RATIO}x the time`, { timeout: 600_000 }, async () => {
    const shapes = shapesFor(dialect, seedsFor(dialect));
    const rows: string[] = [];
    const bad: string[] = [];
    for (const [name, shape] of Object.entries(shapes)) {
      const { row, holds } = await judgeGrowth(name, (text) => void analyze(dialect, text), shape, OPTIONS, MAX_RATIO);
      rows.push(row);
      if (!holds) bad.push(row);
    }
    console.log(`growth ${dialect.name}:\n  ${rows.join('\n  ')}`);
    assert.deepEqual(bad, [], `${dialect.name}: analysis time grows faster than the input`);
  });
}

// sshd: one scope's AllowUsers patterns are compared with each other (a user with an IPv6 pattern anywhere in the
// scope is not IPv4-only), which was a scan of the list per entry: 20,000 USER@HOST entries took 2.5 s, 100,000 45 s.
test('growth sshd: AllowUsers lists of USER@HOST (one line, one line each)', { timeout: 600_000 }, async () => {
  const sshd = DIALECTS.find((d) => d.name === 'sshd')!;
  const entry = (i: number) => `u${i}@10.${(i >> 8) & 255}.${i & 255}.0/24`;
  // Whole entries up to about n characters (a cut entry would be a different finding).
  const upTo = (n: number, unit: (i: number) => string) => {
    const parts: string[] = [];
    for (let i = 0, length = 0; length < n; i++) length += parts[parts.push(unit(i)) - 1].length;
    return parts.join('');
  };
  const shapes: Record<string, (n: number) => string> = {
    'AllowUsers one line': (n) => `AllowUsers ${upTo(n, (i) => `${entry(i)} `)}\n`,
    'AllowUsers lines': (n) => upTo(n, (i) => `AllowUsers ${entry(i)}\n`),
  };
  // From a larger start than the generic shapes (below ~100 KB the parse hid the quadratic term: 5.2x and 3.5x), and
  // at most 256 KB -> 1 MB (at 512 KB -> 2 MB of one-entry lines the collector alone gives ~5x).
  const options = { ...OPTIONS, minMs: OPTIONS.minMs * 4, maxSize: 1 << 18 };
  const bad: string[] = [];
  for (const [name, shape] of Object.entries(shapes)) {
    const { row, holds } = await judgeGrowth(name, (text) => void analyze(sshd, text), shape, options, MAX_RATIO);
    console.log(`growth sshd ${row}`);
    if (!holds) bad.push(row);
  }
  assert.deepEqual(bad, [], 'sshd: AllowUsers analysis time grows faster than the input');
});
