// Inputs of a given size in several shapes, and a timing helper, for the growth property: analysis time grows
// linearly with the size of the input (a case 4x larger takes at most ~5x longer).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Dialect } from '../../server/src/core/types';

// A full collection before each timed run, so a run pays for its own garbage and not for the previous run's.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
import type { Seed } from './lib';

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

export interface Growth {
  size: number;
  small: number;
  large: number;
}

/**
 * CPU time of f in ms (user + system of this process): unlike the wall clock, it does not count the time other
 * processes on a loaded machine take the CPU away.
 */
export function cpuTime(f: () => void): number {
  collect();
  const before = process.cpuUsage();
  f();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
}

/** The least of `runs` timings of f (the least is the one least disturbed by other work). */
export function minTime(f: () => void, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, cpuTime(f));
  return best;
}

/**
 * Time analysis at a size and at 4x that size. The size doubles (from 16 KB, up to `maxSize`) until one run takes
 * `minMs`, so the measurement is well above timer noise; then the two sizes are timed alternately, `runs` times
 * each, and the least of each taken (alternating, a burst of load elsewhere hits both alike).
 */
export function measureGrowth(analyse: (text: string) => void, shape: Shape, options: { minMs: number; maxSize: number; runs: number }): Growth {
  let size = 16_384;
  for (;;) {
    const text = shape(size);
    analyse(text); // warm up the JIT on this shape
    if (size >= options.maxSize || minTime(() => analyse(text), 1) >= options.minMs) break;
    size *= 2;
  }
  const smallText = shape(size);
  const largeText = shape(4 * size);
  let small = Infinity;
  let large = Infinity;
  for (let i = 0; i < options.runs; i++) {
    small = Math.min(small, cpuTime(() => analyse(smallText)));
    large = Math.min(large, cpuTime(() => analyse(largeText)));
  }
  return { size, small, large };
}
