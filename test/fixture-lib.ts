// Annotated fixtures (rust-analyzer style): expectations are comment lines under the line they describe,
//     listen-on { 127.0.0.1; 2001:db8::53; };
//   #                        ^^^^^^^^^^^^ error bind/ipv6-in-listen-on
// or, where a caret cannot reach the column (0 or inside the comment marker), `# @3-7 error rule` (columns, 0-based,
// end exclusive). Annotation lines are removed before the text is analysed; positions refer to the previous kept line.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared conformance corpus: $V6READY_CORPUS, else ../shared/corpus beside the checkout. */
export const CORPUS = process.env.V6READY_CORPUS ?? resolve('../shared/corpus');

export interface Expectation {
  line: number;
  start: number;
  end: number;
  severity: string;
  rule: string;
}

const CARET = /^(\s*)(?:#|\/\/|;|dnl)(\s*)(\^+)\s+(error|warning|info|hint)\s+(\S+)\s*$/;
// `# @3-7 error r` (columns of the previous line), `# @2:0-2 error r` (1-based line), `# @eof error r` (end of text).
const EXPLICIT = /^\s*(?:#|\/\/|;|dnl)\s*@(?:(eof)|(?:(\d+):)?(\d+)-(\d+))\s+(error|warning|info|hint)\s+(\S+)\s*$/;

export function isAnnotation(line: string): boolean {
  return CARET.test(line) || EXPLICIT.test(line);
}

/** Split a fixture into the text to analyse and the expectations it carries. */
export function readAnnotated(source: string): { text: string; expectations: Expectation[] } {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const lines = source.split(/\r?\n/);
  const kept: string[] = [];
  const expectations: Expectation[] = [];
  for (const line of lines) {
    const target = kept.length - 1;
    let m = CARET.exec(line);
    if (m) {
      // Carets align visually (tabs to 8 columns), so `#<TAB>  ^^^` sits under `<TAB>  xyz`.
      const caret = line.indexOf('^');
      const vStart = visualColumn(line, caret);
      const vEnd = visualColumn(line, caret + m[3].length);
      const targetLine = kept[target] ?? '';
      expectations.push({ line: target, start: charIndexAt(targetLine, vStart), end: charIndexAt(targetLine, vEnd), severity: m[4], rule: m[5] });
      continue;
    }
    m = EXPLICIT.exec(line);
    if (m) {
      const line0 = m[1] ? -1 : m[2] ? Number(m[2]) - 1 : target;
      expectations.push({ line: line0, start: Number(m[3] ?? 0), end: Number(m[4] ?? 0), severity: m[5], rule: m[6] });
      continue;
    }
    kept.push(line);
  }
  // `@eof`: the position just past the last character.
  for (const e of expectations) {
    if (e.line !== -1) continue;
    e.line = kept.length - 1;
    e.start = e.end = kept[kept.length - 1].length;
  }
  return { text: kept.join(eol), expectations };
}

const TAB = 8;

function visualColumn(line: string, index: number): number {
  let col = 0;
  for (let i = 0; i < index; i++) col = line[i] === '\t' ? (Math.floor(col / TAB) + 1) * TAB : col + 1;
  return col;
}

function charIndexAt(line: string, column: number): number {
  let col = 0;
  for (let i = 0; i < line.length; i++) {
    if (col >= column) return i;
    col = line[i] === '\t' ? (Math.floor(col / TAB) + 1) * TAB : col + 1;
  }
  return line.length + Math.max(0, column - col);
}

export function formatExpectation(e: Expectation): string {
  return `${e.line + 1}:${e.start}-${e.end} ${e.severity} ${e.rule}`;
}

export interface FixtureCase {
  dialect: string;
  /** The rule folder name (e.g. ipv6-in-listen-on, or syntax). */
  folder: string;
  name: string;
  path: string;
  fixedPath?: string;
  allFixedPath?: string;
}

const FIXED = /\.(all-)?fixed(\.[^.]+)?$/;

/** Every fixture under test/fixtures/<dialect>/<folder>/. */
export function fixtureCases(root = join(process.cwd(), 'test', 'fixtures')): FixtureCase[] {
  const out: FixtureCase[] = [];
  for (const dialect of readdirSync(root)) {
    const dDir = join(root, dialect);
    if (!statSync(dDir).isDirectory()) continue;
    for (const folder of readdirSync(dDir)) {
      const fDir = join(dDir, folder);
      if (!statSync(fDir).isDirectory()) continue;
      for (const file of readdirSync(fDir).sort()) {
        // Cross-file fixtures (test/fixtures/workspace/<rule>/<case>/) are folders; test/unit/workspace-rules runs them.
        if (!statSync(join(fDir, file)).isFile()) continue;
        const ext = file.includes('.') ? file.slice(file.lastIndexOf('.')) : '';
        const base = file.slice(0, file.length - ext.length);
        if (FIXED.test(base) || FIXED.test(file)) continue;
        const fixed = join(fDir, `${base}.fixed${ext}`);
        const allFixed = join(fDir, `${base}.all-fixed${ext}`);
        out.push({
          dialect,
          folder,
          name: file,
          path: join(fDir, file),
          fixedPath: existsSync(fixed) ? fixed : undefined,
          allFixedPath: existsSync(allFixed) ? allFixed : undefined,
        });
      }
    }
  }
  return out;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** A fixture and one of its fixed versions, when the fix changed it: what the oracle suites run before and after. */
export interface FixturePair {
  rule: string;
  caseName: string;
  variant: 'fixed' | 'all-fixed';
  before: string;
  after: string;
  beforeText: string;
  afterText: string;
}

/** The before/after pairs of one rule's fixture folder (cases whose fixes change nothing are left out). */
export function fixturePairs(ruleDir: string): FixturePair[] {
  const out: FixturePair[] = [];
  const rule = ruleDir.split(/[\\/]/).filter(Boolean).pop()!;
  for (const file of existsSync(ruleDir) ? readdirSync(ruleDir).sort() : []) {
    const ext = file.includes('.') ? file.slice(file.lastIndexOf('.')) : '';
    const caseName = file.slice(0, file.length - ext.length);
    if (FIXED.test(caseName) || FIXED.test(file) || !statSync(join(ruleDir, file)).isFile()) continue;
    const before = join(ruleDir, file);
    const beforeText = readText(before);
    for (const variant of ['fixed', 'all-fixed'] as const) {
      const after = join(ruleDir, `${caseName}.${variant}${ext}`);
      if (!existsSync(after)) continue;
      const afterText = readText(after);
      if (afterText !== beforeText) out.push({ rule, caseName, variant, before, after, beforeText, afterText });
    }
  }
  return out;
}

/**
 * The words of a first-line `# oracle: …` (or `// oracle: …`) comment, up to an explanation in parentheses or
 * after ` -- `; a word not in `known` throws, so a typo cannot silently waive a check.
 */
export function oracleMarkers(text: string, known: readonly string[]): string[] {
  const m = /^\s*(?:#|\/\/)\s*oracle:\s*(.*)$/.exec(text.split('\n', 1)[0]);
  const words = m ? m[1].split(/\s--\s|\(/)[0].split(/[\s,]+/).filter(Boolean) : [];
  for (const w of words) if (!known.includes(w)) throw new Error(`unknown oracle marker '${w}' (known: ${known.join(', ')})`);
  return words;
}

/** Every file below dir, sorted, depth first; [] when dir does not exist. */
export function walkFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walkFiles(p) : [p];
    });
}

/** `count` texts, each a random sequence of 1–40 `pieces` (a fixed LCG from `seed`: the same texts on every run). */
export function* randomTexts(pieces: readonly string[], count: number, seed: number): Generator<string> {
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / (1 << 24);
  for (let i = 0; i < count; i++) {
    const len = 1 + Math.floor(rnd() * 40);
    let s = '';
    for (let j = 0; j < len; j++) s += pieces[Math.floor(rnd() * pieces.length)];
    yield s;
  }
}
