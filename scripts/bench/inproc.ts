// In-process part of `npm run bench`, bundled and minified like dist/ by run.mjs and run in a child process:
// parse+lint throughput per dialect (median of runs), the regex-scan floor over the same bytes, growth from 1x
// to 4x input, and a 200-line named.conf. Prints one JSON object on stdout. Usage: node inproc.cjs <dir>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

const out: Record<string, unknown> = {};
for (const input of inputs) {
  const dialect = dialectForLanguage(input.language)!;
  const rows: { scale: number; bytes: number; ms: number; scanMs: number; findings: number }[] = [];
  for (const scale of [1, 2, 4]) {
    const text = readFileSync(join(dir, `x${scale}`, input.file), 'utf8');
    let findings = 0;
    if (scale === 1) analyze(dialect, text); // warm-up: first-use construction and JIT
    // Every size from the same start: the caches the rules share emptied (else a 1x file whose address literals fit
    // them is measured warm and a 4x file that does not, cold). The JIT stays warm.
    const ms = time(() => {
      resetAnalysisCaches();
      findings = analyze(dialect, text).findings.length;
    });
    const scanMs = time(() => regexScan(text));
    rows.push({ scale, bytes: Buffer.byteLength(text), ms, scanMs, findings });
  }
  out[input.dialect] = rows;
}

// A 200-line named.conf: the size of most real configs, linted while typing.
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
process.stdout.write(JSON.stringify(out));
