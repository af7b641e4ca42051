// Proves the listen-on fixes on the real named: for every fixture pair of the rules that change where named
// listens, the fixed config is accepted by named-checkconf and named, run before and after in a private
// network namespace, is reached on the fixed family only after the fix, and nothing else changes.
//
// Pairs: test/fixtures/bind/<rule>/<case>.conf (before) with <case>.fixed.conf (all safe fixes) and/or
// <case>.all-fixed.conf (first fix of every finding), whichever exist and differ from the before.
// Port probed on both families: derivePort(after) — listen-on-v6's `port N`, else listen-on's, else 53.
// "Answers" = a DNS reply (any status) over UDP and over TCP; "fails" = no reply over either.
//
// Expectations per pair. The rule's family F is IPv6, except IPv4 for bind/ipv4-in-listen-on-v6 (its fix
// moves an IPv4 address into listen-on; it cannot change IPv6 reachability).
//   - F FAILS before and ANSWERS after. A fixture waives "fails before" with a first-line comment
//     `# oracle: ipv6-unchanged` (resp. `ipv4-unchanged`) when its fix does not change F's reachability on
//     loopback (e.g. it moves only a documentation address that is not on lo); the test name says so.
//   - The other family is unchanged (same state before and after) — unless the before file annotates a finding
//     of a listen rule of that family (e.g. bind/no-ipv6-listener beside bind/ipv4-in-listen-on-v6), whose fix
//     the after file may include: then it may improve but must not regress.
// Separately, every *.fixed.conf / *.all-fixed.conf under test/fixtures/bind/** must pass named-checkconf; one
// that keeps an error on purpose (no fix offered, suppressed line) says `# oracle: checkconf-rejects` on its
// first line, and then named-checkconf must reject it.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixturePairs, oracleMarkers, walkFiles } from '../fixture-lib';
import { runNamed, checkconfFile, derivePort, describeProbe, oracleSkipReason, which, type NamedRun, type ProbeResult } from './named-harness';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = process.env.V6READY_ORACLE_FIXTURES ?? join(ROOT, 'test', 'fixtures', 'bind');

type Family = 'ipv6' | 'ipv4';
/** The rules whose fixes change where named listens, and the family each fix makes reachable. */
const RULES: Record<string, Family> = {
  'ipv6-in-listen-on': 'ipv6',
  'ipv4-in-listen-on-v6': 'ipv4',
  'listen-on-v6-port': 'ipv6',
  'no-ipv6-listener': 'ipv6',
};

interface Pair {
  rule: string;
  caseName: string;
  variant: 'fixed' | 'all-fixed';
  before: string;
  after: string;
  /** Families whose "fails before" expectation the fixture waives (`# oracle: ipv6-unchanged`). */
  unchanged: Set<Family>;
  /** Families with an annotated listen-rule finding in the before file. */
  annotated: Set<Family>;
}

const KNOWN_MARKERS = ['ipv6-unchanged', 'ipv4-unchanged', 'checkconf-rejects'];

const markerWords = (text: string) => oracleMarkers(text, KNOWN_MARKERS);

/** Families whose "fails before" the before or after file waives (`# oracle: ipv6-unchanged`). */
function markers(...texts: string[]): Set<Family> {
  const out = new Set<Family>();
  for (const w of texts.flatMap(markerWords)) {
    if (w === 'ipv6-unchanged') out.add('ipv6');
    if (w === 'ipv4-unchanged') out.add('ipv4');
  }
  return out;
}

/** The families of the listen rules whose findings the before file annotates (`#  ^^^ error bind/<rule>`). */
function annotatedFamilies(text: string): Set<Family> {
  const out = new Set<Family>();
  for (const m of text.matchAll(/^\s*(?:#|\/\/).*?\^+\s+(?:error|warning|info|hint)\s+bind\/([a-z0-9-]+)/gm)) {
    const fam = RULES[m[1]];
    if (fam) out.add(fam);
  }
  return out;
}

function collectPairs(rule: string): Pair[] {
  return fixturePairs(join(FIXTURES, rule))
    .filter((p) => p.before.endsWith('.conf'))
    .map((p) => ({ rule, caseName: p.caseName, variant: p.variant, before: p.before, after: p.after, unchanged: markers(p.beforeText, p.afterText), annotated: annotatedFamilies(p.beforeText) }));
}

function explain(label: string, r: NamedRun): string {
  return [
    `--- ${label}: port ${r.port}, query ${r.qname} ${r.qtype}, started ${r.started} (${r.ms.start} ms)`,
    `ipv6 ${describeProbe(r.ipv6)} | ipv4 ${describeProbe(r.ipv4)}`,
    ...r.listenLines,
    r.checkconf.ok ? '' : `named-checkconf: ${r.checkconf.output}`,
  ].join('\n');
}

const skip = oracleSkipReason();
const summary: string[] = [];

if (skip && process.env.CI) {
  test('named oracle prerequisites', () => {
    throw new Error(`${skip} — CI must install bind9, bind9-utils, bind9-dnsutils and run the oracle as root`);
  });
} else {
  // Needs only named-checkconf, not the namespace.
  const checkconfSkip = which('named-checkconf') ? false : 'named-checkconf not found (Debian: apt-get install bind9-utils)';
  describe('named-checkconf accepts every *.fixed.conf and *.all-fixed.conf', { skip: checkconfSkip }, () => {
    const files = walkFiles(FIXTURES).filter((p) => p.endsWith('.fixed.conf') || p.endsWith('.all-fixed.conf'));
    if (files.length === 0) test('no fixed fixtures yet', { skip: `nothing under ${FIXTURES}` }, () => {});
    for (const file of files) {
      // A fixed file that keeps an error on purpose (no fix offered, or the line is suppressed) says so with
      // `# oracle: checkconf-rejects` on its first line; then named-checkconf must reject it.
      const rejects = markerWords(readFileSync(file, 'utf8')).includes('checkconf-rejects');
      test(`${relative(FIXTURES, file)}${rejects ? ' [checkconf-rejects]' : ''}`, () => {
        const r = checkconfFile(file, dirname(file));
        if (rejects) assert.notEqual(r.exitCode, 0, `named-checkconf accepts ${basename(file)}, which is marked checkconf-rejects`);
        else assert.equal(r.exitCode, 0, `named-checkconf ${basename(file)} exited ${r.exitCode}:\n${r.output}`);
      });
    }
  });

  describe('named listens where the fixes say (before vs after, in a private netns)', { skip: skip ?? false, concurrency: 2 }, () => {
    after(() => {
      if (summary.length) console.log(`\nnamed oracle summary (rule case variant port: ipv6 before→after, ipv4 before→after)\n${summary.sort().join('\n')}\n`);
    });

    const beforeRuns = new Map<string, Promise<NamedRun>>();
    for (const [rule, family] of Object.entries(RULES)) {
      const pairs = collectPairs(rule);
      if (pairs.length === 0) {
        const why = `no <case>.conf with a differing .fixed.conf/.all-fixed.conf in ${join(FIXTURES, rule)}`;
        // Under CI an unproven listen fix is a failure, not a skip.
        if (process.env.CI) test(`bind/${rule}: fixture pairs exist`, () => assert.fail(why));
        else test(`bind/${rule}: fixture pairs exist`, { skip: why }, () => {});
        continue;
      }
      for (const pair of pairs) {
        const other: Family = family === 'ipv6' ? 'ipv4' : 'ipv6';
        const waived = pair.unchanged.has(family);
        const name = `bind/${rule} ${pair.caseName} (${pair.variant})${waived ? ` [${family}-unchanged]` : ''}`;
        test(name, async (t) => {
          const check = checkconfFile(pair.after, dirname(pair.after));
          assert.equal(check.exitCode, 0, `named-checkconf rejects ${relative(ROOT, pair.after)}:\n${check.output}`);

          const afterText = readFileSync(pair.after, 'utf8');
          const port = derivePort(afterText);
          const key = `${pair.before}#${port}`;
          if (!beforeRuns.has(key)) beforeRuns.set(key, runNamed(readFileSync(pair.before, 'utf8'), { port }));
          const [b, a] = await Promise.all([beforeRuns.get(key)!, runNamed(afterText, { port })]);

          const state = (p: ProbeResult) => p.state;
          const line = `bind/${rule} ${pair.caseName} ${pair.variant} port ${port}: ipv6 ${state(b.ipv6)}→${state(a.ipv6)}, ipv4 ${state(b.ipv4)}→${state(a.ipv4)}${waived ? ` [${family}-unchanged]` : ''}`;
          summary.push(line);
          t.diagnostic(line);
          const details = `${explain(`before ${relative(ROOT, pair.before)}`, b)}\n${explain(`after ${relative(ROOT, pair.after)}`, a)}`;

          for (const [label, r] of [['before', b], ['after', a]] as const) {
            assert.equal(r.checkconf.ok, true, `${label}: named-checkconf rejects the prepared config\n${details}`);
            assert.equal(r.started, true, `${label}: named did not start\n${r.log}\n${r.raw}`);
            assert.equal(r.leftover, false, `${label}: named was still running after the run`);
          }
          if (!waived) {
            assert.equal(b[family].state, 'fails', `${family} on port ${port} should FAIL before the fix\n${details}`);
          }
          assert.equal(a[family].state, 'answers', `${family} on port ${port} should ANSWER after the fix\n${details}`);
          if (pair.annotated.has(other)) {
            if (b[other].state === 'answers') {
              assert.equal(a[other].state, 'answers', `${other} on port ${port} answered before and must not regress\n${details}`);
            }
          } else {
            assert.equal(a[other].state, b[other].state, `${other} on port ${port} should be unchanged by the fix\n${details}`);
          }
        });
      }
    }
  });
}
