// Conformance on real sshd_config files (../shared/corpus/sshd, or V6READY_CORPUS/sshd): the real sshd decides
// which files are server configs it accepts (`sshd -t` in private namespaces, test/oracle/sshd-harness.ts), and
// on those v6ready reports no error finding, while on the files it refuses v6ready reports one; nothing crashes
// anywhere; counts per folder and per rule are printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze, INTERNAL_ERROR_RULE } from '../../server/src/core/analyze';
import { sshdDialect } from '../../server/src/dialects/sshd';
import { sshdCheckFiles, sshdSkipReason } from '../oracle/sshd-harness';
import { CORPUS, walkFiles } from '../fixture-lib';

const ROOT = join(CORPUS, 'sshd');

const missing = !existsSync(ROOT) ? `corpus not found at ${ROOT} (set V6READY_CORPUS to the corpus directory)` : undefined;
const noSshd = sshdSkipReason();

if (missing || noSshd) {
  const why = missing ?? `${noSshd} — the corpus test asks the real sshd which files it accepts`;
  if (process.env.CI) test('sshd corpus prerequisites', () => assert.fail(why));
  else test('sshd corpus', { skip: why }, () => {});
} else {
  test('sshd corpus: no error findings on the configs sshd -t accepts, an error on those it refuses; no crash anywhere', async () => {
    const files = walkFiles(ROOT).filter((f) => !f.endsWith('.tsv') && !f.endsWith('.md'));
    assert.ok(files.length >= 20, `only ${files.length} files under ${ROOT}`);
    const checks = new Map((await sshdCheckFiles(files)).map((c) => [c.file, c]));
    const rules = new Map<string, number>();
    const perFolder = new Map<string, { files: number; accepted: number; rejected: number; rejectedAndFlagged: number; findings: number }>();
    const problems: string[] = [];
    const rejectedLines: string[] = [];
    let totalMs = 0;
    for (const f of files) {
      const rel = relative(ROOT, f);
      const folder = rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : '.';
      const row = perFolder.get(folder) ?? { files: 0, accepted: 0, rejected: 0, rejectedAndFlagged: 0, findings: 0 };
      perFolder.set(folder, row);
      row.files++;
      const text = readFileSync(f, 'utf8');
      const t0 = performance.now();
      const a = analyze(sshdDialect, text);
      totalMs += performance.now() - t0;
      row.findings += a.findings.length;
      for (const x of a.findings) rules.set(`${x.rule} (${x.severity})`, (rules.get(`${x.rule} (${x.severity})`) ?? 0) + 1);
      if (a.findings.some((x) => x.rule === INTERNAL_ERROR_RULE)) problems.push(`${rel}: a rule crashed`);
      const errors = a.findings.filter((x) => x.severity === 'error');
      const check = checks.get(f)!;
      if (check.ok) {
        row.accepted++;
        for (const e of errors) {
          const p = a.lines.positionAt(e.span.start);
          problems.push(`${rel}:${p.line + 1}:${p.character + 1}: ${e.rule}: ${e.message} (sshd -t accepts the file)`);
        }
      } else {
        row.rejected++;
        if (errors.length) row.rejectedAndFlagged++;
        // The other direction: what sshd refuses, v6ready flags — unless the namespace lacks what the file needs
        // (DNS for a ListenAddress host name, which v6ready warns about anyway).
        const resolver = /name resolution|Name or service not known/.test(check.output) && a.findings.some((x) => x.rule === 'sshd/hostname-listenaddress');
        if (!errors.length && !resolver) problems.push(`${rel}: sshd -t refuses it (${check.output.split('\n')[0]}) and v6ready reports no error`);
        rejectedLines.push(`  ${rel}: sshd -t exit ${check.exitCode}: ${check.output.split('\n')[0]}${errors.length ? ` | v6ready: ${errors.length} error(s), first ${errors[0].rule}` : ' | v6ready: no error'}`);
      }
    }
    console.log(
      [
        `sshd corpus: ${files.length} files, ${[...perFolder.values()].reduce((n, r) => n + r.accepted, 0)} accepted by sshd -t, analysed in ${totalMs.toFixed(0)} ms`,
        ...[...perFolder].map(([k, r]) => `  ${k}: ${r.files} files, ${r.accepted} accepted by sshd -t (0 error findings required), ${r.rejected} rejected (${r.rejectedAndFlagged} of them with a v6ready error), ${r.findings} findings`),
        'rejected by sshd -t:',
        ...rejectedLines,
        'findings by rule:',
        ...[...rules].sort().map(([k, n]) => `  ${k}: ${n}`),
      ].join('\n'),
    );
    assert.deepEqual(problems, []);
  });
}
