// Proves the sshd fixes on the real sshd: every fixed fixture passes `sshd -t`; `sshd -t` refuses exactly the
// fixtures where v6ready says sshd will refuse; and for the rules that change where sshd listens, sshd run before
// and after the fix in private network + mount namespaces answers `ssh-keyscan -6` on ::1 after the fix and not
// before, while IPv4 (127.0.0.1) does not change.
//
// Pairs: test/fixtures/sshd/<rule>/<case>.conf with <case>.fixed.conf and/or <case>.all-fixed.conf (whichever exist
// and differ). Port probed on both families: derivePort(after) — a ListenAddress port, else Port, else 22.
// Expectations per pair:
//   - IPv6 on ::1 FAILS before and ANSWERS after (a fixture waives "fails before" with `# oracle: ipv6-unchanged`
//     on its first line), unless LISTEN_EXPECT names the pair with what sshd does before and after instead (a fix
//     that is not meant to open IPv6, e.g. under AddressFamily inet).
//   - IPv4 on 127.0.0.1 is unchanged — except when sshd refused the before config altogether (sshd -t failed, or it
//     could not bind and exited): a config sshd does not start with cannot keep IPv4 either, so then IPv4 may only
//     improve.
// Markers (first line, `# oracle: <words> (why)`): `sshd-rejects` — the file keeps an error on purpose (no fix offered, or
// something the namespace cannot provide, such as DNS for a host name), so `sshd -t` must reject it. HOST_REFUSALS
// lists the unfixed files that sshd -t refuses in the namespace for a host reason v6ready can only warn about.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../server/src/core/analyze';
import { sshdDialect } from '../../server/src/dialects/sshd';
import { fixturePairs, oracleMarkers, walkFiles } from '../fixture-lib';
import { derivePort, describeProbe, runSshd, sshdCheckFiles, sshdSkipReason, type SshdCheck, type SshdRun } from './sshd-harness';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = process.env.V6READY_ORACLE_FIXTURES_SSHD ?? join(ROOT, 'test', 'fixtures', 'sshd');

/** The rules whose fixes change where sshd listens. */
const LISTEN_RULES = ['unbracketed-listenaddress', 'address-family-conflict', 'ipv4-only', 'hostname-listenaddress'];

const KNOWN_MARKERS = ['ipv6-unchanged', 'sshd-rejects'];

/**
 * Files that `sshd -t` refuses in the oracle's namespace for a reason of the host, not of the file, so v6ready can
 * only warn — and its warning must name that reason. (A first-line `sshd-rejects` marker cannot say this when the
 * fixed twin, which repeats the first line, is accepted.) Keyed by path under the fixture folder.
 */
const HOST_REFUSALS: Record<string, { sshd: RegExp; finding: RegExp; why: string }> = {
  'hostname-listenaddress/address-family-inet6.conf': {
    // AddressFamily inet6 makes sshd resolve `localhost` in IPv6 only, and the harness's /etc/hosts (HOSTS_FILE) has
    // localhost as 127.0.0.1 alone: "bad addr or host: localhost (Temporary failure in name resolution)".
    sshd: /bad addr or host: localhost \(/,
    finding: /sshd does not start at all where \/etc\/hosts has no '::1 localhost'/,
    why: "the namespace's /etc/hosts has no '::1 localhost'",
  },
};

/**
 * The listening pairs whose fix is not meant to open IPv6, with what sshd does before and after (measured by this
 * suite). Keyed `<rule>/<case> (<variant>)`; every other pair must go from IPv6 fails to IPv6 answers.
 */
type State = 'answers' | 'fails';
const LISTEN_EXPECT: Record<string, { ipv6: [State, State]; ipv4: [State, State]; why: string }> = {
  // AddressFamily inet: the only fix sshd accepts writes 127.0.0.1 for localhost, where sshd listened already; the
  // fixture switches sshd/ipv4-only (whose fix would open IPv6) off for the file.
  'hostname-listenaddress/address-family-inet (all-fixed)': {
    ipv6: ['fails', 'fails'],
    ipv4: ['answers', 'answers'],
    why: 'AddressFamily inet keeps sshd off IPv6; the fix only writes the address sshd resolved anyway',
  },
};

const markerWords = (text: string) => oracleMarkers(text, KNOWN_MARKERS);

const isFixed = (p: string) => p.endsWith('.fixed.conf') || p.endsWith('.all-fixed.conf');

/** v6ready's verdict: does any finding say sshd will refuse the file? */
function predictsRefusal(text: string): { refuses: boolean; why: string[] } {
  const a = analyze(sshdDialect, text);
  const why = a.findings
    .filter((f) => f.severity === 'error' && (f.rule === 'sshd/syntax' || f.rule === 'sshd/unknown-keyword' || /sshd refuses/.test(f.message)))
    .map((f) => `${a.lines.positionAt(f.span.start).line + 1}: ${f.rule}: ${f.message}`);
  return { refuses: why.length > 0, why };
}

interface Pair {
  rule: string;
  caseName: string;
  variant: 'fixed' | 'all-fixed';
  before: string;
  after: string;
  ipv6Unchanged: boolean;
}

function collectPairs(rule: string): Pair[] {
  return fixturePairs(join(FIXTURES, rule))
    .filter((p) => p.before.endsWith('.conf'))
    .map((p) => ({
      rule,
      caseName: p.caseName,
      variant: p.variant,
      before: p.before,
      after: p.after,
      ipv6Unchanged: [...markerWords(p.beforeText), ...markerWords(p.afterText)].includes('ipv6-unchanged'),
    }));
}

function explain(label: string, r: SshdRun): string {
  return [
    `--- ${label}: port ${r.port}, sshd -t ${r.check.ok ? 'ok' : `exit ${r.check.exitCode}: ${r.check.output}`}, started ${r.started} (${r.ms.start} ms)${r.exitedEarly ? ', exited by itself' : ''}`,
    `ipv6 ${describeProbe(r.ipv6)} | ipv4 ${describeProbe(r.ipv4)}`,
    ...r.listenLines,
  ].join('\n');
}

const skip = sshdSkipReason();
const summary: string[] = [];

if (skip && process.env.CI) {
  test('sshd oracle prerequisites', () => {
    throw new Error(`${skip} — CI must install openssh-server and run the oracle as root`);
  });
} else {
  describe('sshd -t on the fixtures', { skip: skip ?? false }, () => {
    const files = walkFiles(FIXTURES).filter((p) => p.endsWith('.conf'));
    let checks: Promise<Map<string, SshdCheck>> | undefined;
    const checkOf = async (file: string) => {
      checks ??= sshdCheckFiles(files).then((rs) => new Map(rs.map((r) => [r.file, r])));
      return (await checks).get(file)!;
    };

    for (const file of files.filter(isFixed)) {
      const rejects = markerWords(readFileSync(file, 'utf8')).includes('sshd-rejects');
      test(`sshd -t accepts ${relative(FIXTURES, file)}${rejects ? ' [sshd-rejects]' : ''}`, async () => {
        const r = await checkOf(file);
        if (rejects) assert.notEqual(r.exitCode, 0, `sshd -t accepts ${relative(ROOT, file)}, which is marked sshd-rejects`);
        else assert.equal(r.exitCode, 0, `sshd -t ${relative(ROOT, file)} exited ${r.exitCode}:\n${r.output}`);
      });
    }

    test('every HOST_REFUSALS entry names a fixture', () => {
      for (const key of Object.keys(HOST_REFUSALS)) assert.ok(files.includes(join(FIXTURES, key)), `HOST_REFUSALS: no fixture ${key}`);
    });

    for (const file of files) {
      const host = HOST_REFUSALS[relative(FIXTURES, file)];
      test(`sshd -t and v6ready agree on ${relative(FIXTURES, file)}${host ? ` [sshd refuses: ${host.why}]` : ''}`, async () => {
        const text = readFileSync(file, 'utf8');
        const predicted = predictsRefusal(text);
        const marked = markerWords(text).includes('sshd-rejects');
        const r = await checkOf(file);
        if (host) {
          assert.equal(predicted.refuses, false, `${relative(ROOT, file)} is in HOST_REFUSALS, but v6ready says sshd refuses it:\n${predicted.why.join('\n')}`);
          assert.equal(r.ok, false, `${relative(ROOT, file)} is in HOST_REFUSALS (${host.why}), but sshd -t accepts it`);
          assert.match(r.output, host.sshd, `sshd -t refuses ${relative(ROOT, file)} for another reason than ${host.why}`);
          const a = analyze(sshdDialect, text);
          assert.ok(
            a.findings.some((f) => host.finding.test(f.message)),
            `no v6ready finding on ${relative(ROOT, file)} names the reason (${host.finding}):\n${a.findings.map((f) => `${f.rule}: ${f.message}`).join('\n')}`,
          );
          return;
        }
        const expectRefusal = predicted.refuses || marked;
        assert.equal(
          !r.ok,
          expectRefusal,
          expectRefusal
            ? `v6ready says sshd refuses ${relative(ROOT, file)}, but sshd -t accepts it:\n${predicted.why.join('\n')}`
            : `sshd -t refuses ${relative(ROOT, file)} (exit ${r.exitCode}: ${r.output}) and v6ready reports no error that says so`,
        );
      });
    }
  });

  describe('sshd listens where the fixes say (before vs after, private network + mount namespaces)', { skip: skip ?? false, concurrency: 2 }, () => {
    after(() => {
      if (summary.length) console.log(`\nsshd oracle summary (rule case variant port: ipv6 before→after, ipv4 before→after)\n${summary.sort().join('\n')}\n`);
    });
    const state = (r: SshdRun, fam: 'ipv6' | 'ipv4') => (r[fam].answered ? 'answers' : 'fails');
    const pairKey = (p: Pair) => `${p.rule}/${p.caseName} (${p.variant})`;
    const allPairs = LISTEN_RULES.flatMap(collectPairs).map(pairKey);
    test('every LISTEN_EXPECT entry names a fixture pair', () => {
      for (const key of Object.keys(LISTEN_EXPECT)) assert.ok(allPairs.includes(key), `LISTEN_EXPECT: no pair ${key}`);
    });
    for (const rule of LISTEN_RULES) {
      const pairs = collectPairs(rule);
      if (pairs.length === 0) {
        const why = `no <case>.conf with a differing .fixed.conf/.all-fixed.conf in ${join(FIXTURES, rule)}`;
        if (process.env.CI) test(`sshd/${rule}: fixture pairs exist`, () => assert.fail(why));
        else test(`sshd/${rule}: fixture pairs exist`, { skip: why }, () => {});
        continue;
      }
      for (const pair of pairs) {
        const name = `sshd/${rule} ${pair.caseName} (${pair.variant})${pair.ipv6Unchanged ? ' [ipv6-unchanged]' : ''}${LISTEN_EXPECT[pairKey(pair)] ? ' [LISTEN_EXPECT]' : ''}`;
        test(name, async (t) => {
          const beforeText = readFileSync(pair.before, 'utf8');
          const afterText = readFileSync(pair.after, 'utf8');
          const port = derivePort(afterText);
          const [b, a] = await Promise.all([runSshd(beforeText, { port }), runSshd(afterText, { port })]);
          const refusedBefore = !b.check.ok || !b.started || b.exitedEarly;
          const line =
            `sshd/${rule} ${pair.caseName} ${pair.variant} port ${port}: ipv6 ${state(b, 'ipv6')}→${state(a, 'ipv6')}, ` +
            `ipv4 ${state(b, 'ipv4')}→${state(a, 'ipv4')}${refusedBefore ? ' (sshd refused the before config)' : ''} [${b.ms.total}+${a.ms.total} ms]`;
          summary.push(line);
          t.diagnostic(line);
          const details = `${explain(`before ${relative(ROOT, pair.before)}`, b)}\n${explain(`after ${relative(ROOT, pair.after)}`, a)}`;

          for (const [label, r] of [['before', b], ['after', a]] as const) {
            assert.equal(r.leftover, false, `${label}: a process of sshd's namespace was still running after the run\n${r.raw}`);
            assert.ok(r.ms.total < 15_000, `${label}: the run took ${r.ms.total} ms`);
          }
          assert.equal(a.check.ok, true, `after: sshd -t rejects the fixed config\n${details}`);
          assert.equal(a.started, true, `after: sshd did not start\n${a.log}\n${a.raw}`);
          const expected = LISTEN_EXPECT[pairKey(pair)];
          if (expected) {
            const measured = { ipv6: [state(b, 'ipv6'), state(a, 'ipv6')], ipv4: [state(b, 'ipv4'), state(a, 'ipv4')] };
            assert.deepEqual(measured, { ipv6: expected.ipv6, ipv4: expected.ipv4 }, `LISTEN_EXPECT (${expected.why})\n${details}`);
            return;
          }
          if (!pair.ipv6Unchanged) assert.equal(b.ipv6.answered, false, `ipv6 on [::1]:${port} should FAIL before the fix\n${details}`);
          assert.equal(a.ipv6.answered, true, `ipv6 on [::1]:${port} should ANSWER after the fix\n${details}`);
          if (refusedBefore) {
            if (b.ipv4.answered) assert.equal(a.ipv4.answered, true, `ipv4 answered before and must not regress\n${details}`);
          } else {
            assert.equal(a.ipv4.answered, b.ipv4.answered, `ipv4 on 127.0.0.1:${port} should be unchanged by the fix\n${details}`);
          }
        });
      }
    }
  });
}
