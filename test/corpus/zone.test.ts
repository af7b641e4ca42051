// Conformance on the shared corpus of zone files (BIND's own test zones), decided by the real named-checkzone:
// on every file it loads we give no error finding (no zone/syntax above all); a file it refuses is never reported
// clean by us. Corpus: $V6READY_CORPUS, default ../shared/corpus; folder zones/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, INTERNAL_ERROR_RULE } from '../../server/src/core/analyze';
import { zoneDialect } from '../../server/src/dialects/zone';
import { which } from '../oracle/netns';
import { CORPUS } from '../fixture-lib';

const corpus = CORPUS;
const zones = path.join(corpus, 'zones');
const TOOL = which('named-checkzone');
const reason = !existsSync(zones)
  ? `no zone corpus at ${zones} (set V6READY_CORPUS)`
  : !TOOL
    ? 'named-checkzone not found (Debian: apt-get install bind9-utils)'
    : undefined;
if (reason && process.env.CI) throw new Error(`CI: ${reason}`);

/**
 * The zone name named.conf would give the file, without reading it with our own parser: the SOA owner when the
 * file makes it absolute (itself, or through a preceding $ORIGIN), else the file name (BIND's tests name zone
 * files after their zone: `<test>__<server>__example.net.db`, `db.l0`, `root.db` for the root).
 */
function originFor(file: string, text: string): string {
  let origin: string | undefined;
  const qualify = (name: string, o: string | undefined) => (name.endsWith('.') ? name : o === undefined ? undefined : o === '.' ? `${name}.` : `${name}.${o}`);
  for (const line of text.split(/\r\n?|\n/)) {
    const directive = /^\$ORIGIN[ \t]+(\S+)/i.exec(line);
    if (directive) {
      origin = qualify(directive[1], origin) ?? origin;
      continue;
    }
    const soa = /^(\S+)[^;]*?[ \t](?:IN[ \t]+)?SOA[ \t]/i.exec(line);
    if (soa && !soa[1].startsWith('$')) {
      const owner = soa[1] === '@' ? origin : qualify(soa[1], origin);
      if (owner) return owner === '.' ? '.' : owner.replace(/\.$/, '');
      break;
    }
  }
  let stem = path.basename(file).split('__').pop()!;
  stem = stem.replace(/\.db$/, '').replace(/^db\./, '');
  return stem === 'root' ? '.' : stem;
}

interface Outcome {
  file: string;
  origin: string;
  accepted: boolean;
  checkzone: string;
  errors: string[];
  findings: number;
}

function run(): Outcome[] {
  const out: Outcome[] = [];
  for (const file of readdirSync(zones).sort()) {
    if (file === 'SOURCES.tsv' || file.startsWith('.')) continue;
    const full = path.join(zones, file);
    const text = readFileSync(full, 'utf8');
    const origin = originFor(file, text);
    // -i local: no getaddrinfo() for out-of-zone name servers (offline, deterministic); same fatal checks.
    const r = spawnSync(TOOL!, ['-i', 'local', origin, file], { cwd: zones, encoding: 'utf8', timeout: 20_000 });
    const a = analyze(zoneDialect, text);
    assert.ok(!a.findings.some((f) => f.rule === INTERNAL_ERROR_RULE), `${file}: a rule crashed`);
    out.push({
      file,
      origin,
      accepted: r.status === 0,
      checkzone: `${r.stdout}${r.stderr}`.trim(),
      errors: a.findings.filter((f) => f.severity === 'error').map((f) => `${a.lines.lineOf(f.span.start) + 1}: ${f.rule}: ${f.message}`),
      findings: a.findings.length,
    });
  }
  return out;
}

test('zone corpus: no error finding on what named-checkzone loads; nothing it refuses is reported clean', { skip: reason ?? false }, () => {
  const outcomes = run();
  const accepted = outcomes.filter((o) => o.accepted);
  const rejected = outcomes.filter((o) => !o.accepted);
  const falseErrors = accepted.filter((o) => o.errors.length > 0);
  const syntaxOnAccepted = accepted.filter((o) => o.errors.some((e) => e.includes('zone/syntax')));
  const flaggedWithError = rejected.filter((o) => o.errors.length > 0);
  const clean = rejected.filter((o) => o.findings === 0);
  console.log(
    `zone corpus (${zones}): ${outcomes.length} files; named-checkzone loads ${accepted.length}, refuses ${rejected.length}. ` +
      `On the ${accepted.length} it loads: ${syntaxOnAccepted.length} with zone/syntax findings, ${falseErrors.length} with any error finding. ` +
      `Of the ${rejected.length} it refuses: ${rejected.length - clean.length} flagged by us (${flaggedWithError.length} with an error, ` +
      `${rejected.length - clean.length - flaggedWithError.length} with a note only: their $INCLUDE files are missing), ${clean.length} reported clean.`,
  );
  assert.deepEqual(
    falseErrors.map((o) => `${o.file} (origin ${o.origin}): ${o.errors.join(' | ')}`),
    [],
    'error findings on files named-checkzone loads',
  );
  assert.deepEqual(
    clean.map((o) => `${o.file} (origin ${o.origin}): ${o.checkzone.split('\n')[0]}`),
    [],
    'files named-checkzone refuses that we report clean',
  );
});
