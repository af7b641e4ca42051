// In-process part of `npm run bench`, bundled and minified like dist/ by run.mjs and run in a child process:
// parse+lint throughput per dialect (median of runs), the regex-scan floor over the same bytes, growth from 1x
// to 4x input, and a 200-line named.conf. Prints one JSON object on stdout. Usage: node inproc.cjs <dir>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze, resetAnalysisCaches } from '../../server/src/core/analyze';
import { dialectForLanguage } from '../../server/src/core/registry';

interface Input {
  dialect: string;
  language: string;
  file: string;
}

const dir = process.argv[2];
const inputs: Input[] = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time(fn: () => unknown, runs = RUNS): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

// The floor: one sticky regex that splits the text into words, strings, comments, punctuation and blanks, as
// every one of the dialects' tokenizers must at least do. No tokenizer in JavaScript goes below a scan like this.
const SCAN = /[^\s{};"'`!#/<>()=,]+|"(?:[^"\\]|\\[\s\S])*"?|\/\*[\s\S]*?(?:\*\/|$)|(?:\/\/|#|;)[^\n]*|[\s]+|[\s\S]/y;
function regexScan(text: string): number {
  SCAN.lastIndex = 0;
  let n = 0;
  while (SCAN.lastIndex < text.length && SCAN.exec(text)) n++;
  return n;
}

// A full collection before each timed analysis, so that a run pays for its own garbage, not for the previous run's
// (a 1x run that followed a 4x one would collect the 4x run's model).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
// The collector's pauses on this thread (scavenges, mark-compact finalisation), as V8 reports them. They reach the
// observer later, from the event loop: each is counted for the run it started in, by its start time.
let gcPauses: { startTime: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauses.push({ startTime: e.startTime, duration: e.duration });
}).observe({ entryTypes: ['gc'] });
/** Lets the observer hear about the collections made so far (Node queues them for a later turn of its loop: two). */
const settle = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
function gcPauseMsBetween(from: number, to: number): number {
  let ms = 0;
  for (const p of gcPauses) if (p.startTime >= from && p.startTime < to) ms += p.duration;
  return ms;
}

/**
 * Growth rounds: each round analyses the 1x, 2x and 4x files once, in that order, so a burst of load from other
 * processes falls on every size alike rather than on whichever size was being timed. At least 9 rounds.
 */
const GROWTH_ROUNDS = Math.max(9, RUNS);

interface GrowthRow {
  scale: number;
  bytes: number;
  /** Median wall time of the analysis, ms. */
  ms: number;
  /** The fastest run, ms: the one least disturbed by other work on the machine. */
  minMs: number;
  /** Median share of the analysis' wall time spent in garbage collection pauses on the analysing thread. */
  gcShare: number;
  scanMs: number;
  findings: number;
}

const out: Record<string, unknown> = {};
(async () => {
  for (const input of inputs) {
    const dialect = dialectForLanguage(input.language)!;
    const sizes = [1, 2, 4].map((scale) => ({ scale, text: readFileSync(join(dir, `x${scale}`, input.file), 'utf8'), ms: [] as number[], gc: [] as number[], findings: 0 }));
    // Warm-up: first-use construction and the JIT, on the 1x file.
    analyze(dialect, sizes[0].text);
    analyze(dialect, sizes[0].text);
    for (let round = 0; round < GROWTH_ROUNDS; round++) {
      for (const size of sizes) {
        // Every size from the same start: the caches the rules share emptied (else a 1x file whose address literals
        // fit them is measured warm and a 4x file that does not, cold), no garbage left over. The JIT stays warm.
        resetAnalysisCaches();
        collect();
        await settle();
        gcPauses = [];
        const t = performance.now();
        size.findings = analyze(dialect, size.text).findings.length;
        const end = performance.now();
        await settle();
        size.ms.push(end - t);
        size.gc.push(gcPauseMsBetween(t, end) / (end - t));
      }
    }
    out[input.dialect] = sizes.map(
      (size): GrowthRow => ({
        scale: size.scale,
        bytes: Buffer.byteLength(size.text),
        ms: median(size.ms),
        minMs: Math.min(...size.ms),
        gcShare: median(size.gc),
        scanMs: time(() => regexScan(size.text)),
        findings: size.findings,
      }),
    );
  }
  out.growthRounds = GROWTH_ROUNDS;
  smallNamedConf();
  process.stdout.write(JSON.stringify(out));
})();

/** A 200-line named.conf: the size of most real configs, linted while typing. */
function smallNamedConf(): void {
  const small = readFileSync(join(dir, 'small-named.conf'), 'utf8');
  const bind = dialectForLanguage('bind-named')!;
  for (let i = 0; i < 50; i++) analyze(bind, small);
  const smallRuns: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    analyze(bind, small);
    smallRuns.push(performance.now() - t);
  }
  out.small = { lines: small.split('\n').length, ms: median(smallRuns), p95: [...smallRuns].sort((a, b) => a - b)[Math.floor(smallRuns.length * 0.95)] };
}
