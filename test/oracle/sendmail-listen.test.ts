// Proves the sendmail rules and fixes on the real m4, cf.m4 and sendmail (Debian 12: sendmail 8.17, GNU m4):
//   1. every fixture and every fixed fixture builds with `m4 cf.m4 x.mc` (`m4 x.mc` for files that include cf.m4
//      themselves); fixed fixtures build clean (exit 0, nothing on stderr), and a before fixture makes m4 complain
//      exactly when it is listed in M4_COMPLAINS (the linter reports what m4 reports);
//   2. `sendmail -C x.cf -bt` accepts every fixed fixture, and rejects a before fixture exactly when it is
//      listed in BT_REJECTS (what m4 lets through and sendmail refuses at run time);
//   3. after each listen fix the .cf's `O DaemonPortOptions` lines include a Family=inet6 daemon;
//   4. sendmail -bD (private network + UTS namespace, qualified host name, high ports; FreeBSD emulated with
//      net.ipv6.bindv6only=1) answers `220` over [::1] after each listen fix and not before, and IPv4 does not get
//      worse — per port, as the LISTEN table says. Every listen-rule fixture pair must be in that table.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCf, checkCf, runSendmail, sendmailSkipReason, type M4Build, type ProbeState, type SendmailRun } from './sendmail-harness';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'sendmail');

/** Before fixtures m4 complains about (exit status or cf.m4's messages on stderr). */
const M4_COMPLAINS = new Set([
  'macro-order/duplicate-ostype.mc', // duplicate OSTYPE(debian)
  'macro-order/feature-after-mailer.mc', // *** ERROR: FEATURE() should be before MAILER()
  'macro-order/ostype-late.mc',
  'missing-ostype/none.mc', // *** ERROR: No system type defined
  'syntax/unclosed-paren.mc', // end of file in argument list (blamed on smtp.m4)
  'syntax/unclosed-quote.mc', // end of file in string
  'unknown-feature/mailer-name.mc', // cannot open .../feature/smtp.m4
  'unknown-feature/misspelt.mc',
  'unknown-mailer/agents.mc',
  'unknown-mailer/typo.mc',
  'unknown-ostype/typo.mc',
]);

/** Before fixtures whose .cf sendmail -bt rejects (exit 70) although m4 was silent or only partly so. */
const BT_REJECTS = new Set([
  'family-mismatch/inet-with-v6.mc', // host "::1" unknown; host "[::1]" unknown; Unknown address family ipv6
  'family-mismatch/inet6-with-v4.mc', // host "127.0.0.1" unknown
  'family-mismatch/missing-family.mc', // host "::1" unknown
  'suppression/multi-line-call.mc', // host "::1" unknown: the finding is there, silenced by the comment above the call
  'family-mismatch/blank-before-comma.mc', // by design: Unknown address family inet6  in Family=option; host "::1 " unknown
  'family-mismatch/prefix-length.mc', // host "::1/128" unknown; host "127.0.0.1/8" unknown
  'family-mismatch/unquoted.mc', // host "::1" unknown (no Family: inet)
  'family-mismatch/unreadable-addr.mc', // host "::1)" / "fe80::1%lo" / "IPv6:fe80::1%lo" / "127.0.0.1:25" unknown; no fixes
  'hash-line/debian-header.mc', // the # line's FEATURE expands; the rest of the line becomes a .cf line
  'hash-line/words.mc', // the # line's divert sends text to the .cf
  'syntax/stray-paren.mc', // unknown configuration line ")"
  'syntax/unclosed-paren.mc', // truncated .cf
  'syntax/unclosed-quote.mc',
]);

/** Rules whose fixes change where sendmail listens; each of their fixture pairs must be in LISTEN. */
const LISTEN_RULES = ['no-inet6-daemon', 'dual-stack-conflict', 'msa-ipv4-only', 'unquoted-options', 'family-mismatch'];

type Change = `${ProbeState}->${ProbeState}`;
interface PortExpectation {
  port: number;
  ipv6: Change;
  ipv4: Change;
}
interface ListenCase {
  /** Fixture (before) and the fixed variant to compare with; no `after` = the before file alone is checked. */
  before: string;
  after?: string;
  /** Emulate FreeBSD (the fixture says OSTYPE(`freebsd6')). */
  v6only?: boolean;
  ports: PortExpectation[];
  why: string;
}

const FA: Change = 'fails->answers';
const AA: Change = 'answers->answers';
const FF: Change = 'fails->fails';

const LISTEN: ListenCase[] = [
  { before: 'no-inet6-daemon/linux-wildcard.mc', after: 'no-inet6-daemon/linux-wildcard.all-fixed.mc', ports: [{ port: 2525, ipv6: FA, ipv4: AA }], why: 'Family=inet -> inet6 on Linux: IPv4 still arrives, mapped' },
  { before: 'no-inet6-daemon/linux-loopback.mc', after: 'no-inet6-daemon/linux-loopback.all-fixed.mc', ports: [{ port: 2525, ipv6: FA, ipv4: AA }], why: 'twin on ::1 beside 127.0.0.1' },
  { before: 'no-inet6-daemon/no-family.mc', after: 'no-inet6-daemon/no-family.all-fixed.mc', ports: [{ port: 2525, ipv6: FA, ipv4: AA }], why: 'no Family means inet; Family=inet6 added' },
  {
    before: 'no-inet6-daemon/freebsd.mc',
    after: 'no-inet6-daemon/freebsd.all-fixed.mc',
    v6only: true,
    ports: [{ port: 2525, ipv6: FA, ipv4: AA }, { port: 2526, ipv6: FA, ipv4: AA }],
    why: 'FreeBSD (v6only): IPv6 twins beside the IPv4 daemons',
  },
  { before: 'no-inet6-daemon/unquoted.mc', after: 'no-inet6-daemon/unquoted.all-fixed.mc', ports: [{ port: 2525, ipv6: FA, ipv4: AA }], why: 'quoted, with Family=inet6: the whole argument reaches sendmail; IPv4 still arrives, mapped' },
  { before: 'dual-stack-conflict/seed-pair.mc', after: 'dual-stack-conflict/seed-pair.all-fixed.mc', ports: [{ port: 2525, ipv6: FA, ipv4: FA }], why: 'the pair collides on Linux: neither answers; the inet6 daemon alone serves both' },
  {
    before: 'dual-stack-conflict/optional-v6.mc',
    after: 'dual-stack-conflict/optional-v6.all-fixed.mc',
    ports: [{ port: 2525, ipv6: FA, ipv4: FA }],
    why: 'M=O does not help at first: sendmail retries the IPv6 socket ~45 s answering nobody (then IPv4 only); the inet6 daemon alone serves both',
  },
  {
    before: 'dual-stack-conflict/automatic-msa.mc',
    after: 'dual-stack-conflict/automatic-msa.all-fixed.mc',
    ports: [{ port: 587, ipv6: FA, ipv4: FA }, { port: 2525, ipv6: FA, ipv4: FA }],
    why: 'the automatic IPv4 MSA collides with the inet6 one on 587 and takes the whole daemon down; no_default_msa',
  },
  { before: 'dual-stack-conflict/freebsd-pair.mc', v6only: true, ports: [{ port: 2525, ipv6: AA, ipv4: AA }], why: 'no finding on FreeBSD: with v6only the pair answers on both families' },
  { before: 'msa-ipv4-only/automatic-linux.mc', after: 'msa-ipv4-only/automatic-linux.all-fixed.mc', ports: [{ port: 587, ipv6: FA, ipv4: AA }], why: 'no_default_msa + a Family=inet6 submission daemon' },
  { before: 'msa-ipv4-only/automatic-freebsd.mc', after: 'msa-ipv4-only/automatic-freebsd.all-fixed.mc', v6only: true, ports: [{ port: 587, ipv6: FA, ipv4: AA }], why: 'FreeBSD: IPv6 twin of the automatic MSA' },
  { before: 'msa-ipv4-only/declared.mc', after: 'msa-ipv4-only/declared.all-fixed.mc', ports: [{ port: 587, ipv6: FA, ipv4: AA }], why: 'the declared MSP becomes Family=inet6' },
  { before: 'unquoted-options/unquoted.mc', after: 'unquoted-options/unquoted.fixed.mc', ports: [{ port: 2525, ipv6: FA, ipv4: AA }], why: 'quoted, Family=inet6 reaches sendmail' },
  {
    before: 'unquoted-options/straight-quotes.mc',
    after: 'unquoted-options/straight-quotes.fixed.mc',
    ports: [{ port: 2525, ipv6: FA, ipv4: AA }, { port: 2526, ipv6: FA, ipv4: AA }],
    why: 'straight quotes and per-entry quotes: only the first entry survived',
  },
  { before: 'family-mismatch/missing-family.mc', after: 'family-mismatch/missing-family.fixed.mc', ports: [{ port: 2525, ipv6: FA, ipv4: FA }], why: 'sendmail refused the whole .cf; Family=inet6 added' },
  {
    before: 'family-mismatch/inet-with-v6.mc',
    after: 'family-mismatch/inet-with-v6.fixed.mc',
    ports: [{ port: 2525, ipv6: FA, ipv4: FA }, { port: 2526, ipv6: FA, ipv4: FF }, { port: 2527, ipv6: FA, ipv4: FA }],
    why: 'sendmail refused the whole .cf; after the fixes 2526 is ::1 only, 2527 the IPv6 wildcard',
  },
  {
    before: 'family-mismatch/blank-before-comma.mc',
    after: 'family-mismatch/blank-before-comma.fixed.mc',
    ports: [{ port: 2525, ipv6: FA, ipv4: FF }, { port: 2526, ipv6: FA, ipv4: FF }, { port: 2527, ipv6: FA, ipv4: FF }],
    why: 'sendmail refused the whole .cf (the blank before a comma stays in the value); all three are ::1 daemons',
  },
  { before: 'family-mismatch/unquoted.mc', after: 'family-mismatch/unquoted.fixed.mc', ports: [{ port: 25, ipv6: FA, ipv4: FF }], why: 'sendmail refused the whole .cf; quoted, with Family=inet6, a ::1 daemon on the default port' },
  {
    before: 'family-mismatch/prefix-length.mc',
    after: 'family-mismatch/prefix-length.all-fixed.mc',
    ports: [{ port: 2526, ipv6: FA, ipv4: FF }, { port: 2529, ipv6: FA, ipv4: FA }],
    why: 'sendmail refused the whole .cf; without the prefix lengths 2526 is ::1 only, 2529 127.0.0.1 with its ::1 twin',
  },
  { before: 'family-mismatch/inet6-with-v4.mc', after: 'family-mismatch/inet6-with-v4.all-fixed.mc', ports: [{ port: 2525, ipv6: FA, ipv4: FA }], why: 'sendmail refused the whole .cf; the inet6 daemon moved to ::1' },
  {
    before: 'hash-line/daemon.mc',
    after: 'hash-line/daemon.fixed.mc',
    ports: [{ port: 2525, ipv6: 'answers->fails', ipv4: AA }],
    why: 'the # line really listened on ::1; dnl turns it off, as its author meant',
  },
  { before: 'hash-line/words.mc', after: 'hash-line/words.fixed.mc', ports: [{ port: 2525, ipv6: FA, ipv4: FA }], why: 'a bare divert on a # line put text into the .cf and sendmail refused it' },
  { before: 'unknown-macro/misspelt.mc', after: 'unknown-macro/misspelt.all-fixed.mc', ports: [{ port: 2525, ipv6: FA, ipv4: FA }], why: 'DAEMON_OPTION was plain text: the default daemon listened on port 25 only' },
];

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.mc') ? [join(dir, e.name)] : []))
    .sort();
}

const isFixed = (p: string) => /\.(all-)?fixed\.mc$/.test(p);
const skip = sendmailSkipReason();
const summary: string[] = [];
const builds = new Map<string, M4Build>();
function build(rel: string): M4Build {
  let b = builds.get(rel);
  if (!b) builds.set(rel, (b = buildCf(readFileSync(join(FIXTURES, rel), 'utf8'))));
  return b;
}

function describeRun(label: string, r: SendmailRun): string {
  return [`--- ${label}: bt ${r.btExit}, started ${r.started}, ${r.ms} ms`, ...r.probes.map((p) => `port ${p.port}: ipv6 ${p.ipv6} (${p.detail.ipv6}) | ipv4 ${p.ipv4} (${p.detail.ipv4})`), r.btExit ? r.btOutput : '', r.log.trim()].join('\n');
}

if (skip && process.env.CI) {
  test('sendmail oracle prerequisites', () => {
    throw new Error(`${skip} — CI must install sendmail-bin, sendmail-cf, m4 and run the oracle as root`);
  });
} else {
  const files = walk(FIXTURES).map((p) => relative(FIXTURES, p));

  describe('m4 builds every fixture; fixed fixtures build clean', { skip: skip ?? false }, () => {
    for (const rel of files) {
      const complains = M4_COMPLAINS.has(rel);
      test(`${rel}${complains ? ' [m4 complains]' : ''}`, () => {
        const b = build(rel);
        assert.ok(b.cf.length > 0, `m4 wrote nothing (${b.command}): ${b.stderr}`);
        if (isFixed(rel)) assert.equal(b.clean, true, `${b.command} of a fixed fixture: exit ${b.exitCode}\n${b.stderr}`);
        else if (complains) assert.equal(b.clean, false, `m4 accepts ${rel} without a word, but it is listed in M4_COMPLAINS`);
        else assert.equal(b.clean, true, `${b.command}: exit ${b.exitCode}\n${b.stderr}`);
      });
    }
  });

  describe('sendmail -bt accepts every fixed fixture (netns + UTS)', { skip: skip ?? false, concurrency: 4 }, () => {
    for (const rel of files) {
      const rejects = BT_REJECTS.has(rel);
      test(`${rel}${rejects ? ' [-bt rejects]' : ''}`, async () => {
        const c = await checkCf(build(rel).cf);
        if (rejects && !isFixed(rel)) assert.notEqual(c.exit, 0, `sendmail -bt accepts ${rel}, listed in BT_REJECTS`);
        else assert.equal(c.exit, 0, `sendmail -bt rejects ${rel} (exit ${c.exit}):\n${c.output}`);
      });
    }
  });

  describe('listen fixes: DaemonPortOptions and 220 greetings before and after (netns + UTS)', { skip: skip ?? false, concurrency: 4 }, () => {
    after(() => {
      if (summary.length) console.log(`\nsendmail oracle summary (case port: ipv6 before->after, ipv4 before->after)\n${summary.join('\n')}\n`);
    });

    test('every fixture pair of a listen rule is in the LISTEN table', () => {
      const listed = new Set(LISTEN.filter((c) => c.after).map((c) => `${c.before} -> ${c.after}`));
      for (const rule of LISTEN_RULES) {
        for (const rel of files.filter((f) => f.startsWith(`${rule}/`) && !isFixed(f))) {
          for (const v of ['fixed', 'all-fixed']) {
            const after = rel.replace(/\.mc$/, `.${v}.mc`);
            if (files.includes(after)) assert.ok(listed.has(`${rel} -> ${after}`), `${rel} -> ${after} is not proven: add it to LISTEN`);
          }
        }
      }
    });

    const runs = new Map<string, Promise<SendmailRun>>();
    const runOf = (rel: string, ports: number[], v6only: boolean) => {
      const key = `${rel}#${ports.join(',')}#${v6only}`;
      if (!runs.has(key)) runs.set(key, runSendmail(build(rel).cf, ports, { v6only }));
      return runs.get(key)!;
    };

    for (const c of LISTEN) {
      const name = c.after ? `${c.before} -> ${c.after.split('/')[1]}` : `${c.before} (no finding)`;
      test(name, async (t) => {
        const ports = c.ports.map((p) => p.port);
        if (c.after && !c.after.includes('hash-line/daemon')) {
          assert.ok(build(c.after).daemonLines.some((l) => /Family=inet6/i.test(l)), `no Family=inet6 DaemonPortOptions after the fix:\n${build(c.after).daemonLines.join('\n')}`);
        }
        const [b, a] = await Promise.all([runOf(c.before, ports, !!c.v6only), c.after ? runOf(c.after, ports, !!c.v6only) : Promise.resolve(undefined)]);
        const details = `${describeRun(`before ${c.before}`, b)}${a ? `\n${describeRun(`after ${c.after}`, a)}` : ''}`;
        for (const r of a ? [b, a] : [b]) assert.equal(r.leftover, false, 'sendmail was still running after the run');
        if (a) assert.equal(a.btExit, 0, `sendmail -bt rejects the fixed file\n${details}`);
        for (const exp of c.ports) {
          const pb = b.probes.find((p) => p.port === exp.port)!;
          const pa = a?.probes.find((p) => p.port === exp.port);
          const got = { ipv6: `${pb.ipv6}->${pa ? pa.ipv6 : pb.ipv6}`, ipv4: `${pb.ipv4}->${pa ? pa.ipv4 : pb.ipv4}` };
          const line = `${name} ${exp.port}: ipv6 ${got.ipv6}, ipv4 ${got.ipv4}${c.v6only ? ' [v6only]' : ''}`;
          summary.push(line);
          t.diagnostic(line);
          assert.equal(got.ipv6, exp.ipv6, `port ${exp.port} IPv6 (${c.why})\n${details}`);
          assert.equal(got.ipv4, exp.ipv4, `port ${exp.port} IPv4 (${c.why})\n${details}`);
        }
      });
    }
  });
}
