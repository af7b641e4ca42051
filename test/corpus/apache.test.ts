// Conformance on real httpd configurations (../shared/corpus/apache, or V6READY_CORPUS/apache): no syntax and no
// unknown-directive findings on what httpd accepts, no crash on anything, and per-folder counts for the record.
// Files httpd refuses are known from the corpus's EXPECT.tsv ("fail") and from the short list below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { apacheDialect } from '../../server/src/dialects/apache';
import { CORPUS, walkFiles } from '../fixture-lib';

const ROOT = join(CORPUS, 'apache');

/** Files httpd does not accept as they stand, with why. */
const NOT_ACCEPTED: Record<string, string> = {
  'certbot-testdata/debian_apache_2_4__augeas_vhosts__apache2__conf-available__bad_conf_file.conf': 'certbot\'s deliberately broken file (an unclosed <VirtualHost>)',
  'certbot-testdata/complex_parsing__test_variables.conf': 'certbot parser test with made-up directive names',
  'certbot-testdata/complex_parsing__test_fnmatch.conf': 'certbot parser test with made-up directive names',
  'certbot-testdata/complex_parsing__conf-enabled__dummy.conf': 'certbot parser test with made-up directive names',
  'certbot-testdata/gentoo_apache__apache__apache2__modules.d__10_mod_mem_cache.conf': 'mod_mem_cache was removed in 2.4 (read only with -D MEM_CACHE)',
};
/** Rules whose findings mean "httpd refuses this file" for the test. */
const STRICT = new Set(['apache/syntax', 'apache/unknown-directive']);

function expectedFailures(): Map<string, string> {
  const out = new Map<string, string>();
  const p = join(ROOT, 'EXPECT.tsv');
  if (!existsSync(p)) return out;
  for (const line of readFileSync(p, 'utf8').split('\n').slice(1)) {
    const [file, expected, message] = line.split('\t');
    if (file && expected === 'fail') out.set(file, message);
  }
  return out;
}

if (!existsSync(ROOT)) {
  const why = `corpus not found at ${ROOT} (set V6READY_CORPUS to the corpus directory)`;
  if (process.env.CI) test('apache corpus is present', () => assert.fail(why));
  else test('apache corpus', { skip: why }, () => {});
} else {
  test('apache corpus: no syntax or unknown-directive findings on what httpd accepts; no crash anywhere', () => {
    const fails = expectedFailures();
    const files = walkFiles(ROOT).filter((f) => !f.endsWith('.tsv') && !f.endsWith('.md'));
    assert.ok(files.length > 100, `only ${files.length} files under ${ROOT}`);
    const perFolder = new Map<string, { files: number; accepted: number; strict: number; findings: number; ms: number }>();
    const rules = new Map<string, number>();
    const problems: string[] = [];
    for (const f of files) {
      const rel = relative(ROOT, f);
      const folder = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '.';
      const row = perFolder.get(folder) ?? { files: 0, accepted: 0, strict: 0, findings: 0, ms: 0 };
      perFolder.set(folder, row);
      row.files++;
      const text = readFileSync(f, 'utf8');
      const t0 = performance.now();
      const a = analyze(apacheDialect, text);
      row.ms += performance.now() - t0;
      row.findings += a.findings.length;
      for (const x of a.findings) rules.set(x.rule, (rules.get(x.rule) ?? 0) + 1);
      assert.ok(!a.findings.some((x) => x.rule === 'v6ready/internal-error'), `${rel}: a rule crashed: ${a.findings.find((x) => x.rule === 'v6ready/internal-error')?.message}`);
      const refused = fails.has(rel) || rel in NOT_ACCEPTED;
      if (refused) continue;
      row.accepted++;
      for (const x of a.findings) {
        if (!STRICT.has(x.rule)) continue;
        row.strict++;
        const p = a.lines.positionAt(x.span.start);
        problems.push(`${rel}:${p.line + 1}:${p.character + 1}: ${x.rule}: ${x.message}`);
      }
    }
    const lines = [...perFolder.entries()].map(
      ([k, v]) => `  ${k.padEnd(34)} ${String(v.files).padStart(4)} files, ${String(v.accepted).padStart(4)} accepted by httpd, ${v.strict} syntax/unknown-directive, ${v.findings} findings in all, ${v.ms.toFixed(0)} ms`,
    );
    console.log(`\napache corpus (${ROOT}):\n${lines.join('\n')}\n  findings by rule: ${[...rules.entries()].sort().map(([r, n]) => `${r} ${n}`).join(', ')}\n`);
    assert.deepEqual(problems, [], `syntax or unknown-directive findings on files httpd accepts:\n${problems.join('\n')}`);
  });

  test('apache corpus: the files httpd refuses get a syntax or directive finding', () => {
    const fails = expectedFailures();
    for (const [rel, message] of fails) {
      const f = join(ROOT, rel);
      if (!existsSync(f)) continue;
      const a = analyze(apacheDialect, readFileSync(f, 'utf8'));
      // mod_macro's own errors (undefined macro, argument count, recursion, errors inside an expansion) are not modelled.
      if (/macro '|macro defined|<Macro/.test(message) && !/without matching|was not closed/.test(message)) continue;
      assert.ok(a.findings.some((x) => x.severity === 'error'), `${rel}: httpd says "${message}", v6ready finds no error`);
    }
  });
}
