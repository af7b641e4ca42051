// Proves the sendmail oracle harness itself on inline .mc files, independently of the rule fixtures: the facts
// of research/real-daemons.md §3 and the addendum, measured again on this machine.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildCf, checkCf, runSendmail, sendmailSkipReason, type SendmailRun } from './sendmail-harness';

const skip = sendmailSkipReason();
const HEAD = "divert(0)dnl\nOSTYPE(`linux')dnl\nFEATURE(`no_default_msa')dnl\n";
const TAIL = "MAILER(`local')dnl\nMAILER(`smtp')dnl\n";
const timings: string[] = [];

function mc(...daemons: string[]): string {
  return HEAD + daemons.map((d) => `DAEMON_OPTIONS(\`${d}')dnl\n`).join('') + TAIL;
}

function explain(r: SendmailRun): string {
  return `bt ${r.btExit}: ${r.btOutput}\n--- log\n${r.log}\n--- probes\n${JSON.stringify(r.probes)}\n--- raw\n${r.raw}`;
}

async function run(text: string, port: number, v6only = false): Promise<SendmailRun> {
  const b = buildCf(text);
  assert.equal(b.clean, true, `m4: ${b.stderr}`);
  const r = await runSendmail(b.cf, [port], { v6only });
  assert.equal(r.leftover, false, 'sendmail was still running after the run');
  assert.match(r.netns, /^net:\[\d+\]$/);
  timings.push(`${r.ms} ms`);
  return r;
}

if (skip && process.env.CI) {
  test('sendmail oracle prerequisites', () => {
    throw new Error(`${skip} — CI must install sendmail-bin, sendmail-cf, m4 and run the oracle as root`);
  });
} else {
  describe('sendmail oracle harness', { skip: skip ?? false, concurrency: 3 }, () => {
    after(() => {
      if (timings.length) console.log(`sendmail harness runs: ${timings.join(', ')}`);
    });

    test('m4 builds a .cf and lists the DaemonPortOptions, including the automatic MSA', () => {
      const b = buildCf("divert(0)dnl\nOSTYPE(`linux')dnl\nDAEMON_OPTIONS(`Port=2525, Name=MTA-v6, Family=inet6')dnl\n" + TAIL);
      assert.equal(b.clean, true, b.stderr);
      assert.deepEqual(b.daemonLines, ['O DaemonPortOptions=Port=2525, Name=MTA-v6, Family=inet6', 'O DaemonPortOptions=Port=587, Name=MSA, M=E']);
    });

    test('m4 fails on an unknown FEATURE but still writes a .cf; a missing OSTYPE is only a message', () => {
      const bad = buildCf("divert(0)dnl\nOSTYPE(`linux')dnl\nFEATURE(`no_such_feature')dnl\n" + TAIL);
      assert.notEqual(bad.exitCode, 0);
      assert.match(bad.stderr, /no_such_feature\.m4/);
      assert.ok(bad.cf.length > 1000);
      const noOs = buildCf("divert(0)dnl\n" + TAIL);
      assert.equal(noOs.exitCode, 0);
      assert.match(noOs.stderr, /No system type defined/);
    });

    test('one wildcard Family=inet6 daemon answers on both families (Linux)', async () => {
      const r = await run(mc('Port=2525, Name=MTA-v6, Family=inet6'), 2525);
      assert.deepEqual([r.probes[0].ipv6, r.probes[0].ipv4], ['answers', 'answers'], explain(r));
      assert.match(r.probes[0].detail.ipv6, /^220 mail\.probe\.test ESMTP Sendmail/);
    });

    test('an inet and an inet6 wildcard daemon on one port: neither answers on Linux, both with v6only (FreeBSD)', async () => {
      const text = mc('Port=2525, Name=MTA-v4, Family=inet', 'Port=2525, Name=MTA-v6, Family=inet6');
      const linux = await run(text, 2525);
      assert.deepEqual([linux.probes[0].ipv6, linux.probes[0].ipv4], ['fails', 'fails'], explain(linux));
      assert.match(linux.log, /daemon MTA-v6: cannot (listen|bind): Address already in use/);
      const bsd = await run(text, 2525, true);
      assert.equal(bsd.v6only, true);
      assert.deepEqual([bsd.probes[0].ipv6, bsd.probes[0].ipv4], ['answers', 'answers'], explain(bsd));
    });

    test('an IPv4-only daemon: ::1 refused, 127.0.0.1 answers', async () => {
      const r = await run(mc('Port=2525, Name=MTA-v4, Family=inet, Addr=127.0.0.1'), 2525);
      assert.deepEqual([r.probes[0].ipv6, r.probes[0].ipv4], ['fails', 'answers'], explain(r));
    });

    test('Addr=::1 without Family=inet6: -bt rejects the .cf (host "::1" unknown) and no daemon starts', async () => {
      const b = buildCf(mc('Port=2525, Name=MTA-v6, Addr=::1'));
      assert.equal(b.clean, true);
      const c = await checkCf(b.cf);
      assert.equal(c.exit, 70);
      assert.match(c.output, /host "::1" unknown/);
    });

    test('a `#` line still adds its daemon: [::1] answers', async () => {
      const r = await run(HEAD + "# DAEMON_OPTIONS(`Port=2525, Name=MTA-v6, Family=inet6, Addr=::1')\n" + TAIL, 2525);
      assert.equal(r.probes[0].ipv6, 'answers', explain(r));
    });
  });
}
