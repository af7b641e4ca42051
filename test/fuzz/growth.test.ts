// Property of growth, not of speed: for every dialect and input shape (realistic text, one long line, one long word,
// deep nesting, open brackets, junk), analysing an input 4x larger takes at most ~5x longer. A regex that
// backtracks or a rule that rescans the text per finding shows up here as 16x.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { DIALECTS } from '../../server/src/core/registry';
import { measureGrowth, shapesFor } from './growth-lib';
import { FUZZ_LONG, seedsFor } from './lib';

/** 4x the input may take at most this many times as long ... */
const MAX_RATIO = 5;
/** ... measured from at least this many ms, below which timings say more about the machine than the code. */
const FLOOR_MS = 15;
// Sizes grow until one analysis takes minMs (so timer noise is small against it); the long run measures longer.
// Sizes stop at 512 KB (2 MB for the larger input): past that, a few million live tokens make the garbage collector,
// not the code, the thing measured (BIND, `{([<"` at 1 MB -> 4 MB: parse 4.2x, analysis with GC 4.8-7.5x). Each
// timed run starts after a full collection (growth-lib.ts).
/**
 * Known limits, each with its own bound: still a failure for a quadratic (16x), but not for the growth a shape has
 * today. Adding an entry needs a measured reason. (An earlier one, zone with a run of `(`, went when the zone parser
 * became a hand-written scanner.)
 * - apache/one line: the whole file one directive with 100,000s of arguments. From 128 and 256 KB it grows 1.2-1.8x
 *   per 4x; from 512 KB to 2 MB 4.98, 5.04 and 5.4x in three runs of this test, in three processes. The time is the
 *   process's CPU, the collector's helper threads included, and one argument array that large is copied as it
 *   grows and promoted whole. A rule that rescanned the line per argument would show 16x.
 */
const KNOWN_LIMITS: Record<string, number> = { 'apache/one line': 7 };
const OPTIONS = FUZZ_LONG ? { minMs: 40, maxSize: 1 << 19, runs: 4 } : { minMs: 25, maxSize: 1 << 19, runs: 2 };

for (const dialect of DIALECTS) {
  test(`growth ${dialect.name}: 4x the input takes at most ${MAX_RATIO}x the time`, { timeout: 600_000 }, () => {
    const shapes = shapesFor(dialect, seedsFor(dialect));
    const rows: string[] = [];
    const bad: string[] = [];
    for (const [name, shape] of Object.entries(shapes)) {
      const analyse = (text: string) => void analyze(dialect, text);
      let g = measureGrowth(analyse, shape, OPTIONS);
      let ratio = g.large / Math.max(g.small, FLOOR_MS);
      // Up to two retries of a failing shape, longer and with more runs, so that a burst of work elsewhere on the
      // machine (or a garbage collection in one run) is not a failure; a quadratic shows 16x every time.
      const bound = KNOWN_LIMITS[`${dialect.name}/${name}`] ?? MAX_RATIO;
      // Each attempt is a measurement of its own, and the least ratio is kept: a quadratic shows 16x in every one, while
      // a burst of load inflates the timings of one attempt, not of all (on the shared virtual machine this runs on, the
      // same 512 KB case has taken 19 ms in one process and 110 ms in the next).
      for (let retry = 1; retry <= 2 && ratio > bound; retry++) {
        const again = measureGrowth(analyse, shape, { ...OPTIONS, runs: OPTIONS.runs + 2 * retry, minMs: OPTIONS.minMs * 2 * retry });
        const againRatio = again.large / Math.max(again.small, FLOOR_MS);
        if (againRatio < ratio) [g, ratio] = [again, againRatio];
      }
      const row = `${name}: ${Math.round(g.size / 1024)} KB ${g.small.toFixed(1)} ms, ${Math.round((4 * g.size) / 1024)} KB ${g.large.toFixed(1)} ms, ratio ${ratio.toFixed(2)}${bound !== MAX_RATIO ? ` (known limit, bound ${bound})` : ''}`;
      rows.push(row);
      if (ratio > bound) bad.push(row);
    }
    console.log(`growth ${dialect.name}:\n  ${rows.join('\n  ')}`);
    assert.deepEqual(bad, [], `${dialect.name}: analysis time grows faster than the input`);
  });
}

// sshd: one scope's AllowUsers patterns are compared with each other (a user with an IPv6 pattern anywhere in the
// scope is not IPv4-only), which was a scan of the list per entry: 20,000 USER@HOST entries took 2.5 s, 100,000 45 s.
test('growth sshd: AllowUsers lists of USER@HOST (one line, one line each)', { timeout: 600_000 }, () => {
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
    const analyse = (text: string) => void analyze(sshd, text);
    let g = measureGrowth(analyse, shape, options);
    let ratio = g.large / Math.max(g.small, FLOOR_MS);
    for (let retry = 1; retry <= 2 && ratio > MAX_RATIO; retry++) {
      const again = measureGrowth(analyse, shape, { ...options, runs: options.runs + 2 * retry, minMs: options.minMs * 2 * retry });
      const againRatio = again.large / Math.max(again.small, FLOOR_MS);
      if (againRatio < ratio) [g, ratio] = [again, againRatio];
    }
    const row = `${name}: ${Math.round(g.size / 1024)} KB ${g.small.toFixed(1)} ms, ${Math.round((4 * g.size) / 1024)} KB ${g.large.toFixed(1)} ms, ratio ${ratio.toFixed(2)}`;
    console.log(`growth sshd ${row}`);
    if (ratio > MAX_RATIO) bad.push(row);
  }
  assert.deepEqual(bad, [], 'sshd: AllowUsers analysis time grows faster than the input');
});
