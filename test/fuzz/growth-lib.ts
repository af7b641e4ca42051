// Inputs of a given size in several shapes, and a timing helper, for the growth property: analysis time grows
// linearly with the size of the input (a case 4x larger takes at most ~5x longer).
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Dialect } from '../../server/src/core/types';
import type { Seed } from './lib';

// A full collection before each timed run, so a run pays for its own garbage and not for the previous run's.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (options?: { type: 'major' | 'minor' }) => void;

export type Shape = (size: number) => string;

function repeatTo(unit: string, size: number): string {
  if (unit.length === 0) return '';
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Deterministic junk made of the characters grammars care about ('*' left out: an unclosed /* would hide the rest). */
function junk(size: number): string {
  const chars = '{}()[]<>;:,."\'`#/\\=$@-+!~\n\r\t 0aZ9\u0000\ufffd';
  let seed = 7;
  let out = '';
  while (out.length < size) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out += chars[seed % chars.length];
  }
  return out;
}

export function shapesFor(dialect: Dialect, seeds: readonly Seed[]): Record<string, Shape> {
  // A block of about 8 KB sampled evenly from all seed lines, repeated: every size then has the same mix (the
  // seeds themselves, cut at 16 KB and at 64 KB, would compare different files).
  const all = seeds.flatMap((s) => s.text.split(/\r?\n/));
  const total = all.reduce((n, l) => n + l.length + 1, 0);
  const step = Math.max(1, Math.ceil(total / 8192));
  const realistic = all.filter((_, i) => i % step === 0).join('\n');
  const nesting: Record<string, string> = { bind: 'a {', apache: '<Directory />\n', sendmail: 'ifdef(`x\', `', zone: '(', sshd: 'Match User a\n', rcconf: '$(' };
  return {
    'fixtures and corpus': (n) => repeatTo(realistic + '\n', n),
    'one line': (n) => repeatTo(realistic.replace(/[\r\n]+/g, ' ') + ' ', n),
    'one word': (n) => repeatTo('x', n),
    'one word with slashes': (n) => repeatTo('x/', n),
    'deep nesting': (n) => repeatTo(nesting[dialect.name] ?? '{', n),
    'open brackets': (n) => repeatTo('{([<"', n),
    junk: (n) => junk(n),
  };
}

/** One timed run: what the code took, and what the process spent on it in all. */
export interface Timing {
  /**
   * Wall time of the run on this thread, less the collector's pauses in it: the time the code itself took. The growth
   * property is judged on this.
   */
  code: number;
  /** CPU time of the whole process (the collector's helper threads and the module loader's thread included). */
  total: number;
}

/** The collector's pauses on this thread (PerformanceObserver 'gc' entries arrive a task after the pause). */
const pauses: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push({ start: e.startTime, duration: e.duration });
}).observe({ entryTypes: ['gc'] });

/**
 * Wait until every pause up to now has been observed: a forced collection after `since` is the last in line (a minor
 * one, ~1 ms: three full collections per timed run made the growth tests take 90 s where they took 45).
 */
async function pausesUpTo(since: number): Promise<void> {
  collect({ type: 'minor' });
  for (let waited = 0; !pauses.some((p) => p.start >= since) && waited < 2000; waited++) await new Promise((r) => setTimeout(r, 1));
}

/**
 * Time one run of f, after a full collection. Measured on a shared virtual machine, the process's CPU time of the same
 * 2 MB zone ranged 4.3-5.9x that of 512 KB, over half of it the collector (one entry holds 400,000 values); the code's
 * own time, 3.0-4.2x. A quadratic is 16x in both.
 */
export async function timeRun(f: () => void): Promise<Timing> {
  collect();
  await pausesUpTo(performance.now());
  pauses.length = 0;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  f();
  const t1 = performance.now();
  const used = process.cpuUsage(cpu);
  await pausesUpTo(t1);
  const paused = pauses.filter((p) => p.start >= t0 && p.start < t1).reduce((sum, p) => sum + p.duration, 0);
  return { code: t1 - t0 - paused, total: (used.user + used.system) / 1000 };
}

export interface Growth {
  size: number;
  /** The least timings at `size` and at 4x that size (each field the least of the runs on its own). */
  small: Timing;
  large: Timing;
}

export interface GrowthOptions {
  minMs: number;
  maxSize: number;
  runs: number;
}

const least = (a: Timing, b: Timing): Timing => ({ code: Math.min(a.code, b.code), total: Math.min(a.total, b.total) });
const NEVER: Timing = { code: Infinity, total: Infinity };

/**
 * Time analysis at a size and at 4x that size. The size doubles (from 16 KB, up to `maxSize`) until one run takes
 * `minMs`, so the measurement is well above timer noise; then the two sizes are timed alternately, `runs` times
 * each, and the least of each taken (the least is the run least disturbed by other work; alternating, a burst of load
 * elsewhere hits both alike).
 */
export async function measureGrowth(analyse: (text: string) => void, shape: Shape, options: GrowthOptions): Promise<Growth> {
  let size = 16_384;
  for (;;) {
    const text = shape(size);
    analyse(text); // warm up the JIT on this shape
    if (size >= options.maxSize) break;
    // The second of two runs: the first after a warm-up is still often the slower (a small size chosen on it measured
    // 15 ms afterwards, where timer noise and the JIT's tiers are a large part of the time).
    await timeRun(() => analyse(text));
    if ((await timeRun(() => analyse(text))).code >= options.minMs) break;
    size *= 2;
  }
  const smallText = shape(size);
  const largeText = shape(4 * size);
  let small = NEVER;
  let large = NEVER;
  for (let i = 0; i < options.runs; i++) {
    small = least(small, await timeRun(() => analyse(smallText)));
    large = least(large, await timeRun(() => analyse(largeText)));
  }
  return { size, small, large };
}

/** Below this many ms a timing says more about the machine than the code: ratios are taken from at least this. */
export const FLOOR_MS = 15;

const ratioOf = (g: Growth, k: keyof Timing): number => g.large[k] / Math.max(g.small[k], FLOOR_MS);

/**
 * The growth of one shape, judged on the code's time: if the ratio is over `bound` (but not past twice it), up to two
 * more attempts, longer and with more runs, and the least ratio is kept. A quadratic shows 16x in every attempt; a burst of load elsewhere
 * (on the shared virtual machine this runs on, the same 512 KB case has taken 19 ms in one process and 110 ms in the
 * next) inflates one attempt, not all. Returns a line for the log and whether it held.
 */
export async function judgeGrowth(name: string, analyse: (text: string) => void, shape: Shape, options: GrowthOptions, bound: number): Promise<{ row: string; holds: boolean }> {
  let g = await measureGrowth(analyse, shape, options);
  let ratio = ratioOf(g, 'code');
  // Past twice the bound no burst of load explains it (the worst seen on linear code was 6.1x against 8): no retry.
  for (let retry = 1; retry <= 2 && ratio > bound && ratio <= 2 * bound; retry++) {
    const again = await measureGrowth(analyse, shape, { ...options, runs: options.runs + 2 * retry, minMs: options.minMs * 2 * retry });
    if (ratioOf(again, 'code') < ratio) [g, ratio] = [again, ratioOf(again, 'code')];
  }
  const kb = (n: number) => `${Math.round(n / 1024)} KB`;
  const row =
    `${name}: ${kb(g.size)} ${g.small.code.toFixed(1)} ms, ${kb(4 * g.size)} ${g.large.code.toFixed(1)} ms, ratio ${ratio.toFixed(2)}` +
    ` (process CPU with the collector: ${ratioOf(g, 'total').toFixed(2)})`;
  return { row, holds: ratio <= bound };
}
