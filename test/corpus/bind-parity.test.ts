// Parity with the real named-checkconf 9.18 on BIND's own checkconf corpus (../shared/corpus/bind/checkconf):
// on every file it accepts we give no error; of the files it rejects we flag at least 85% with an error, on
// a line it names where it names one. Files with options newer than 9.18 are clean with the newest target.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import type { Settings } from '../../server/src/core/settings';
import { bindDialect } from '../../server/src/dialects/bind';
import { CORPUS } from '../fixture-lib';

const corpus = CORPUS;
const dir = path.join(corpus, 'bind', 'checkconf');
const checkconf = spawnSync('named-checkconf', ['-v'], { encoding: 'utf8' });
const have918 = checkconf.status === 0 && /^9\.18\./.test(checkconf.stdout.trim());
const reason = !existsSync(dir) ? `no corpus at ${dir} (set V6READY_CORPUS)` : !have918 ? 'named-checkconf 9.18 is not installed' : undefined;
const skip = reason && !process.env.CI ? reason : false;

/** Accepted files where we still report an error, each checked by hand. */
const KNOWN_ACCEPTED: Record<string, string> = {};

const settings = (bind: string): Settings => ({ rules: {}, run: 'onType', targets: { bind } });

function errorLines(text: string, target: string): number[] {
  const a = analyze(bindDialect, text, settings(target));
  return a.findings.filter((f) => f.severity === 'error').map((f) => a.lines.lineOf(f.span.start) + 1);
}

interface Row {
  file: string;
  flags: string[];
}

function rows(): Row[] {
  const flags = new Map<string, string[]>();
  for (const line of readFileSync(path.join(dir, 'EXPECT.tsv'), 'utf8').split('\n').slice(1)) {
    const cols = line.split('\t');
    if (cols[0]) flags.set(cols[0], (cols[4] ?? '').split(/\s+/).filter(Boolean));
  }
  const out: Row[] = [];
  for (const sub of ['good', 'bad', 'warn', 'other']) {
    if (!existsSync(path.join(dir, sub))) continue;
    for (const name of readdirSync(path.join(dir, sub)).sort()) {
      if (!name.endsWith('.conf')) continue;
      const file = `${sub}/${name}`;
      out.push({ file, flags: flags.get(file) ?? [] });
    }
  }
  return out;
}

test('named-checkconf 9.18 parity on the checkconf corpus', { skip }, (t) => {
  assert.ok(!reason, reason);
  // Run named-checkconf in a copy of the corpus, from each file's folder, as BIND's suite does (zone files,
  // include paths and `directory "."` are relative to it).
  const work = mkdtempSync(path.join(tmpdir(), 'v6ready-parity-'));
  try {
    cpSync(dir, work, { recursive: true });
    let accepted = 0;
    let acceptedWithErrors = 0;
    let rejected = 0;
    let flagged = 0;
    let onLine = 0;
    const problems: string[] = [];
    const misses: string[] = [];
    const newer: string[] = [];
    for (const { file, flags } of rows()) {
      const cwd = path.join(work, path.dirname(file));
      const base = path.basename(file);
      const r = spawnSync('named-checkconf', [...flags, base], { cwd, encoding: 'utf8', timeout: 20000 });
      const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
      const text = readFileSync(path.join(dir, file), 'utf8');
      const ours = errorLines(text, '9.18');
      if (r.status === 0) {
        accepted++;
        if (ours.length && !KNOWN_ACCEPTED[file]) problems.push(`${file}: named-checkconf accepts it, we report errors on lines ${ours.join(', ')}`);
        if (ours.length) acceptedWithErrors++;
        continue;
      }
      rejected++;
      if (file.startsWith('good/')) newer.push(file);
      const named = [...out.matchAll(new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+): `, 'gm'))].map((m) => Number(m[1]));
      if (ours.length) {
        flagged++;
        if (named.length === 0 || ours.some((l) => named.includes(l))) onLine++;
        else misses.push(`${file}: named names lines ${named.join(', ')}, we ${ours.join(', ')}`);
      } else misses.push(`${file}: not flagged (${out.split('\n')[0]})`);
    }
    const pct = rejected ? (100 * flagged) / rejected : 100;
    console.log(`bind parity (named-checkconf 9.18): accepted files: ${accepted}, with our errors: ${acceptedWithErrors - Object.keys(KNOWN_ACCEPTED).length} (+${Object.keys(KNOWN_ACCEPTED).length} known, lexer); rejected: ${rejected}, flagged: ${flagged} (${pct.toFixed(1)}%), on the named line: ${onLine}`);
    if (process.env.V6READY_VERBOSE) console.log(misses.join('\n'));
    assert.deepEqual(problems, [], 'errors on files named-checkconf 9.18 accepts');
    assert.ok(pct >= 85, `only ${pct.toFixed(1)}% of the rejected files flagged:\n${misses.join('\n')}`);
    assert.equal(onLine, flagged, `flagged on other lines than named names:\n${misses.filter((m) => m.includes('names lines')).join('\n')}`);
    // good/ files that 9.18 rejects use newer options: with the newest grammar they are clean.
    const dirty = newer.filter((f) => errorLines(readFileSync(path.join(dir, f), 'utf8'), '9.21').length > 0);
    const clean920 = newer.filter((f) => errorLines(readFileSync(path.join(dir, f), 'utf8'), '9.20').length === 0).length;
    console.log(`bind parity: good/ files newer than 9.18: ${newer.length}, clean with target 9.21 (the newest grammar): ${newer.length - dirty.length}, clean with target 9.20: ${clean920}`);
    assert.deepEqual(dirty, [], 'good/ files with errors under the newest target');
    t.diagnostic(`accepted ${accepted}, rejected ${rejected}, flagged ${flagged}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('include "" gets a clear finding (named-checkconf 9.18 aborts on it)', () => {
  const a = analyze(bindDialect, 'include "";\n', settings('9.18'));
  assert.ok(a.findings.some((f) => f.severity === 'error' && /empty file name/.test(f.message)), JSON.stringify(a.findings));
});

test('the target version decides what is unknown and what 9.18 alone refuses', () => {
  const rules = (text: string, target: string) => analyze(bindDialect, text, settings(target)).findings.map((f) => `${f.rule}: ${f.message}`);
  const remote = 'remote-servers upstream { ::1; };\n';
  assert.ok(rules(remote, '9.18').some((m) => m.startsWith('bind/unknown-option') && m.includes('added in BIND 9.20')));
  assert.deepEqual(rules(remote, '9.20').filter((m) => m.startsWith('bind/unknown-option')), []);
  const kasp = 'zone "example.test" { type primary; file "db"; dnssec-policy default; };\n';
  assert.equal(rules(kasp, '9.18').filter((m) => m.startsWith('bind/dnssec-policy-inline-signing')).length, 1);
  assert.deepEqual(rules(kasp, '9.20').filter((m) => m.startsWith('bind/dnssec-policy-inline-signing')), []);
  const gone = 'options { glue-cache yes; };\n';
  assert.ok(rules(gone, '9.18').some((m) => m.startsWith('bind/deprecated-option')));
  assert.ok(rules(gone, '9.20').some((m) => m.startsWith('bind/unknown-option') && m.includes('no longer exists')));
});

test('strict matching checks values as named parses them; the arity reading stays lenient', async () => {
  const { matchClause } = await import('../../server/src/dialects/bind/catalogue');
  const word = (image: string) => ({ kind: 'word' as const, image, start: 0, end: image.length });
  for (const [name, value] of [['max-cache-ttl', '1x'], ['max-cache-ttl', 'P7.5D'], ['max-cache-ttl', 'PT20Sabcd']] as const) {
    assert.equal(matchClause('options', name, [word(value)], '9.18')?.complete, true, `${name} ${value}: lenient`);
    assert.equal(matchClause('options', name, [word(value)], '9.18', true)?.complete, false, `${name} ${value}: strict`);
  }
  for (const value of ['1w2d3h', 'P1DT2H', '86400', 'pt5m']) assert.equal(matchClause('options', 'max-cache-ttl', [word(value)], '9.18', true)?.complete, true, value);
});
