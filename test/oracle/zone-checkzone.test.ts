// Zone rules cross-checked with the real named-checkzone (bind9-utils): on every zone fixture and example, we report
// an error exactly when named-checkzone refuses the file; each error line of the syntax and address fixtures makes it
// refuse on its own, and the file loads without them; every fixed fixture loads; and the IPv6 warnings are on files
// named-checkzone loads without a word about them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, fixAll } from '../../server/src/core/analyze';
import { zoneDialect } from '../../server/src/dialects/zone';
import { readAnnotated } from '../fixture-lib';
import { trackTempDir, untrackTempDir, which } from './netns';

const TOOL = which('named-checkzone');
const skip = TOOL ? false : 'named-checkzone not found (Debian: apt-get install bind9-utils)';
if (!TOOL && process.env.CI) throw new Error('CI: named-checkzone is required for the zone oracle (apt-get install bind9-utils)');

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'zone');
const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'bind', 'db.example.net');

interface Verdict {
  ok: boolean;
  output: string;
}

/** The origin named.conf would give: the first absolute $ORIGIN, else example.net (what the fixtures assume). */
function originOf(text: string): string {
  const m = /^\$ORIGIN[ \t]+(\S+\.)[ \t]*(?:;.*)?$/im.exec(text);
  return m ? m[1].replace(/\.$/, '') || '.' : 'example.net';
}

/** Run named-checkzone on text in a fresh directory where every $INCLUDE target exists (empty). */
function checkzone(text: string): Verdict {
  const dir = mkdtempSync(join(tmpdir(), 'v6ready-zone-'));
  trackTempDir(dir);
  try {
    for (const m of text.matchAll(/^\$INCLUDE[ \t]+"?([^\s";]+)"?/gim)) {
      if (!m[1].includes('/') && !m[1].startsWith('.')) writeFileSync(join(dir, m[1]), '');
    }
    writeFileSync(join(dir, 'zone.db'), text);
    // -i local: check in-zone name servers only, no getaddrinfo() for out-of-zone names (deterministic, offline).
    const r = spawnSync(TOOL!, ['-i', 'local', originOf(text), 'zone.db'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    untrackTempDir(dir);
  }
}

function errorsOf(text: string) {
  return analyze(zoneDialect, text).findings.filter((f) => f.severity === 'error');
}

interface Case {
  name: string;
  text: string;
  fixed?: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const folder of readdirSync(FIXTURES).sort()) {
    for (const file of readdirSync(join(FIXTURES, folder)).sort()) {
      if (/\.(all-)?fixed\.zone$/.test(file)) continue;
      const path = join(FIXTURES, folder, file);
      const fixedPath = [path.replace(/\.zone$/, '.fixed.zone'), path.replace(/\.zone$/, '.all-fixed.zone')].find((p) => {
        try {
          readFileSync(p);
          return true;
        } catch {
          return false;
        }
      });
      out.push({ name: `${folder}/${file}`, text: readAnnotated(readFileSync(path, 'utf8')).text, fixed: fixedPath && readFileSync(fixedPath, 'utf8') });
    }
  }
  out.push({ name: 'examples/bind/db.example.net', text: readFileSync(EXAMPLE, 'utf8'), fixed: fixAll(zoneDialect, readFileSync(EXAMPLE, 'utf8')).text });
  return out;
}

test('our error findings agree with named-checkzone on every zone fixture and example', { skip }, () => {
  const disagree: string[] = [];
  for (const c of cases()) {
    const errors = errorsOf(c.text);
    const v = checkzone(c.text);
    if (v.ok === (errors.length > 0)) {
      disagree.push(`${c.name}: named-checkzone ${v.ok ? 'loads it' : 'refuses it'}, we report ${errors.length} error(s)${errors.length ? ': ' + errors[0].message : ''}\n${v.output}`);
    }
  }
  assert.deepEqual(disagree, []);
});

test('every fixed fixture (and the fixed example) agrees with named-checkzone, and the safe fixes make the zone load', { skip }, () => {
  for (const c of cases()) {
    if (c.fixed === undefined) continue;
    const v = checkzone(c.fixed);
    const left = errorsOf(c.fixed);
    assert.equal(v.ok, left.length === 0, `${c.name} fixed: named-checkzone ${v.ok ? 'loads it' : 'refuses it'}, we report ${left.length} error(s)\n${v.output}`);
    // Where every error had a safe fix, fix-all alone makes the zone load.
    const errors = errorsOf(c.text);
    if (errors.length && errors.every((f) => f.fixes.some((x) => x.safe))) assert.ok(v.ok, `${c.name} fixed: ${v.output}`);
  }
});

// Fixtures whose error findings each sit on their own lines, without whole-zone effects.
const PER_LINE = ['syntax/records.zone', 'syntax/directives.zone', 'syntax/strings.zone', 'syntax/rfc3597.zone', 'syntax/dnssec.zone', 'invalid-address/malformed.zone', 'address-family/swapped.zone', 'address-family/hints.zone'];

test('each error line alone makes named-checkzone refuse the zone, and without them it loads', { skip }, () => {
  for (const c of cases().filter((x) => PER_LINE.includes(x.name))) {
    const a = analyze(zoneDialect, c.text);
    const lines = c.text.split('\n');
    // Each finding's whole entry (a record may continue over lines inside parentheses).
    const entryLines = (offset: number): number[] => {
      const e = a.parse.model.cst.entries.find((x) => x.start <= offset && offset <= x.end);
      const from = a.lines.lineOf(e ? e.start : offset);
      const to = a.lines.lineOf(e ? e.end : offset);
      return Array.from({ length: to - from + 1 }, (_, k) => from + k);
    };
    const errorLines = new Map<number, string>();
    for (const f of a.findings) if (f.severity === 'error') for (const l of entryLines(f.span.start)) errorLines.set(l, f.message);
    assert.ok(errorLines.size > 0, `${c.name}: no error findings`);
    const without = (keep?: number) => lines.filter((_, i) => !errorLines.has(i) || entryLines(a.lines.lineStart(i)).includes(keep ?? -1)).join('\n');
    const clean = checkzone(without());
    assert.ok(clean.ok, `${c.name} without its error lines: named-checkzone still refuses it\n${clean.output}`);
    assert.deepEqual(errorsOf(without()), [], `${c.name} without its error lines: we still report errors`);
    for (const [line, message] of errorLines) {
      const v = checkzone(without(line));
      assert.ok(!v.ok, `${c.name}:${line + 1} (${message}): named-checkzone loads the zone with this line alone`);
    }
  }
});

test('the IPv6 warnings are on zones named-checkzone loads without a word about them (research §1f)', { skip }, () => {
  const rules = new Set(['zone/ns-without-aaaa', 'zone/mx-without-aaaa', 'zone/name-without-aaaa']);
  let seen = 0;
  for (const c of cases()) {
    const ours = analyze(zoneDialect, c.text).findings.filter((f) => rules.has(f.rule));
    if (ours.length === 0 || errorsOf(c.text).length > 0) continue;
    const v = checkzone(c.text);
    assert.ok(v.ok, `${c.name}: ${v.output}`);
    assert.doesNotMatch(v.output, /AAAA|IPv6/i, `${c.name}: named-checkzone said something about IPv6 after all`);
    seen++;
  }
  assert.ok(seen >= 5, `only ${seen} loadable fixtures with IPv6 warnings`);
});

// A zone with most of the syntax a master file can have, for the mutation test below.
const RICH = `$TTL 1h
$ORIGIN example.net.
@       IN  SOA   ns1.example.net. hostmaster.example.net. (
                  2024061801 ; serial
                  2h 30m 2w 1h )
        IN  NS    ns1
        IN  MX    10 mail
        IN  TXT   "v=spf1 ip6:2001:db8::/32 -all" "second; string" unquoted\\;semi
        IN  CAA   0 issue "letsencrypt.org"
ns1     300 IN A  192.0.2.53
        IN 300 AAAA 2001:db8::53
mail    IN  A     192.0.2.25
mail    IN  AAAA  ::ffff:192.0.2.25
www     IN  CNAME @
_sip._tcp IN SRV  10 60 5060 sip
sip     IN  AAAA  2001:db8::60
loc     IN  LOC   52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m
key     IN  DNSKEY 257 3 13 ( mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+
                  KkxLbxILfDLUT0rAK9iUzy1L53eKGQ== )
sub     IN  NS    ns.sub
ns.sub  IN  A     192.0.2.99
sub     IN  DS    12345 13 2 49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE49FD46E6C4B45C55D4AC69CB
svc     IN  HTTPS 1 . alpn=h2,h3 ipv4hint=192.0.2.80 ipv6hint=2001:db8::80
gen     IN  TYPE65280 \\# 2 abcd
naptr   IN  NAPTR 100 10 "S" "SIP+D2U" "" _sip._udp.example.net.
sshfp   IN  SSHFP 4 2 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6
$GENERATE 1-10 host$ AAAA 2001:db8::\${0,4,x}
`;

test('no false alarms: on 200 random mutations of a rich zone, every error we report is one named-checkzone has too', { skip }, () => {
  assert.ok(checkzone(RICH).ok, 'the base zone loads');
  assert.deepEqual(errorsOf(RICH), []);
  let seed = 20240618;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const INSERTS = ['(', ')', '"', ';', '\\', '.', '..', '@', '$', '1h', '300', 'IN', 'CH', 'A', 'AAAA', 'NS', 'MX', 'TXT', '0', '65536', '::1', '1.2.3.4', '\\#', '\n', '\t', '*', '$TTL', 'TYPE1', '1w2d', '-', '=', ','];
  const falseAlarms: string[] = [];
  let refused = 0;
  let missed = 0;
  for (let k = 0; k < 200; k++) {
    const parts = RICH.split(/(\s+)/);
    for (let m = 1 + rnd(2); m > 0; m--) {
      const i = rnd(parts.length);
      const op = rnd(4);
      if (op === 0) parts.splice(i, 1);
      else if (op === 1) parts.splice(i, 0, parts[rnd(parts.length)]);
      else if (op === 2) parts.splice(i, 0, INSERTS[rnd(INSERTS.length)]);
      else if (parts[i]) {
        const p = rnd(parts[i].length + 1);
        parts[i] = parts[i].slice(0, p) + INSERTS[rnd(INSERTS.length)] + parts[i].slice(p);
      }
    }
    const text = parts.join('');
    const v = checkzone(text);
    const errors = errorsOf(text);
    if (!v.ok) refused++;
    if (v.ok && errors.length) falseAlarms.push(`mutation ${k}: ${errors[0].message}\n${text}`);
    if (!v.ok && !errors.length) missed++;
  }
  console.log(`mutations: 200, named-checkzone refuses ${refused}, we miss ${missed} of those (out-of-zone data and the like), false alarms ${falseAlarms.length}`);
  assert.deepEqual(falseAlarms, []);
  assert.ok(missed <= 20, `${missed} refused mutations without an error finding`);
});
