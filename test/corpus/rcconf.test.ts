// Conformance on real rc.conf files (../shared/corpus/rcconf, or V6READY_CORPUS/rcconf): `sh -n` decides which files
// are valid shell, and v6ready agrees with it both ways (no rcconf/syntax finding on a file sh accepts, at least one on
// a file it rejects); nothing crashes anywhere; counts per folder and per rule are printed. /bin/sh (dash on Debian)
// stands in for FreeBSD's sh: both are ash descendants with the same grammar for what rc.conf files hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { analyze, INTERNAL_ERROR_RULE } from '../../server/src/core/analyze';
import { rcconfDialect } from '../../server/src/dialects/rcconf';
import { CORPUS, walkFiles } from '../fixture-lib';

const ROOT = join(CORPUS, 'rcconf');
const SH = '/bin/sh';

/** `sh -n file`: parse only, never run. */
function shAccepts(file: string): { ok: boolean; output: string } {
  const r = spawnSync(SH, ['-n', file], { encoding: 'utf8', timeout: 20_000 });
  return { ok: r.status === 0, output: `${r.stderr ?? ''}${r.stdout ?? ''}`.trim() };
}

const missing = !existsSync(ROOT)
  ? `corpus not found at ${ROOT} (set V6READY_CORPUS to the corpus directory)`
  : !existsSync(SH)
    ? `${SH} not found: the corpus test asks sh -n which files are valid`
    : undefined;

if (missing) {
  if (process.env.CI) test('rc.conf corpus prerequisites', () => assert.fail(missing));
  else test('rc.conf corpus', { skip: missing }, () => {});
} else {
  test('rc.conf corpus: sh -n and rcconf/syntax agree on every file; no crash anywhere', () => {
    const files = walkFiles(ROOT).filter((f) => !f.endsWith('.tsv') && !f.endsWith('.md'));
    assert.ok(files.length >= 5, `only ${files.length} files under ${ROOT}`);
    const rules = new Map<string, number>();
    const perFolder = new Map<string, { files: number; accepted: number; rejected: number; findings: number }>();
    const problems: string[] = [];
    let totalMs = 0;
    for (const f of files) {
      const rel = relative(ROOT, f);
      const folder = rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : '.';
      const row = perFolder.get(folder) ?? { files: 0, accepted: 0, rejected: 0, findings: 0 };
      perFolder.set(folder, row);
      row.files++;
      const text = new TextDecoder('utf-8').decode(readFileSync(f));
      const t0 = performance.now();
      const a = analyze(rcconfDialect, text);
      totalMs += performance.now() - t0;
      row.findings += a.findings.length;
      for (const x of a.findings) rules.set(`${x.rule} (${x.severity})`, (rules.get(`${x.rule} (${x.severity})`) ?? 0) + 1);
      if (a.findings.some((x) => x.rule === INTERNAL_ERROR_RULE)) problems.push(`${rel}: a rule crashed`);
      const syntax = a.findings.filter((x) => x.rule === 'rcconf/syntax');
      const sh = shAccepts(f);
      if (sh.ok) {
        row.accepted++;
        for (const e of syntax) {
          const p = a.lines.positionAt(e.span.start);
          problems.push(`${rel}:${p.line + 1}:${p.character + 1}: ${e.message} (sh -n accepts the file)`);
        }
      } else {
        row.rejected++;
        if (syntax.length === 0) problems.push(`${rel}: sh -n rejects it (${sh.output.split('\n')[0]}) and v6ready reports no rcconf/syntax finding`);
      }
    }
    console.log(
      [
        `rc.conf corpus: ${files.length} files, ${[...perFolder.values()].reduce((n, r) => n + r.accepted, 0)} accepted by sh -n, analysed in ${totalMs.toFixed(0)} ms`,
        ...[...perFolder].map(([k, r]) => `  ${k}: ${r.files} files, ${r.accepted} accepted by sh -n (0 rcconf/syntax findings required), ${r.rejected} rejected (each needs one), ${r.findings} findings`),
        'findings by rule:',
        ...(rules.size ? [...rules].sort().map(([k, n]) => `  ${k}: ${n}`) : ['  (none)']),
      ].join('\n'),
    );
    assert.deepEqual(problems, []);
  });

  // The corpus holds only files sh accepts; broken copies of them check the other direction on the same text.
  test('rc.conf corpus, broken copies: sh -n and rcconf/syntax still agree', () => {
    const files = walkFiles(ROOT).filter((f) => !f.endsWith('.tsv') && !f.endsWith('.md'));
    const mutations: [string, (t: string) => string][] = [
      ['last " removed', (t) => (t.lastIndexOf('"') >= 0 ? t.slice(0, t.lastIndexOf('"')) + t.slice(t.lastIndexOf('"') + 1) : t + '"')],
      ['stray fi appended', (t) => t + '\nfi\n'],
      ['if without fi prepended', (t) => 'if [ -r /etc/rc.conf.site ]; then\n' + t],
      ['unclosed $( in the first value', (t) => t.replace('="', '="$(')],
      ['whole file in a subshell', (t) => '(\n' + t + '\n)\n'],
      ['first value unquoted with a blank', (t) => t.replace(/="([^"\n]*)"/, '=$1 x')],
    ];
    const dir = mkdtempSync(join(tmpdir(), 'v6ready-rcconf-corpus-'));
    const problems: string[] = [];
    let accepted = 0;
    let rejected = 0;
    try {
      for (const f of files) {
        const text = new TextDecoder('utf-8').decode(readFileSync(f));
        for (const [what, mutate] of mutations) {
          const broken = mutate(text);
          const file = join(dir, 'rc.conf');
          writeFileSync(file, broken);
          const sh = shAccepts(file);
          const ours = analyze(rcconfDialect, broken).findings.filter((x) => x.rule === 'rcconf/syntax');
          if (sh.ok) accepted++;
          else rejected++;
          if (sh.ok !== (ours.length === 0)) {
            problems.push(`${relative(ROOT, f)} (${what}): sh -n ${sh.ok ? 'accepts' : `rejects (${sh.output.split('\n')[0]})`}, v6ready reports ${ours.length} syntax finding(s)`);
          }
        }
      }
    } finally {
      rmSync(dir, { recursive: true });
    }
    console.log(`rc.conf corpus, broken copies: ${accepted + rejected} files (${files.length} x ${mutations.length} mutations), ${accepted} accepted by sh -n, ${rejected} rejected`);
    assert.deepEqual(problems, []);
  });
}
