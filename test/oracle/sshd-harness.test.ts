// Proves the sshd oracle harness itself on inline configs — the recipe table of research §4b — independently of
// the rule fixtures: what answers where, that sshd is stopped and nothing of its namespace outlives a run.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { derivePort, describeProbe, runSshd, sshdCheckFiles, sshdSkipReason, type SshdRun } from './sshd-harness';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('derivePort (pure)', () => {
  test('a ListenAddress port first, then Port, then 22; comments ignored', () => {
    assert.equal(derivePort('Port 2200\nListenAddress [::1]:2222\n'), 2222);
    assert.equal(derivePort('ListenAddress 127.0.0.1:2223\n'), 2223);
    assert.equal(derivePort('ListenAddress localhost:2224\n'), 2224);
    assert.equal(derivePort('# ListenAddress [::1]:1\nPort 2225\nListenAddress ::1:2222\n'), 2225);
    assert.equal(derivePort('Port=2226\n'), 2226);
    assert.equal(derivePort('ListenAddress ::1\n'), 22);
  });
});

const skip = sshdSkipReason();

if (skip && process.env.CI) {
  test('sshd harness prerequisites', () => {
    throw new Error(`${skip} — CI must install openssh-server and run the oracle as root`);
  });
} else {
  describe('research §4b on the real sshd, in private network + mount namespaces', { skip: skip ?? false, concurrency: 2 }, () => {
    const explain = (r: SshdRun) => `ipv6 ${describeProbe(r.ipv6)}, ipv4 ${describeProbe(r.ipv4)}, port ${r.port}\n${r.listenLines.join('\n')}\n--- harness\n${r.raw}`;
    const cases: { config: string; ipv6: boolean; ipv4: boolean; started: boolean; note: string }[] = [
      { config: 'ListenAddress 127.0.0.1:2222\nListenAddress [::1]:2222\n', ipv6: true, ipv4: true, started: true, note: 'both loopbacks' },
      { config: 'ListenAddress 127.0.0.1:2222\n', ipv6: false, ipv4: true, started: true, note: 'IPv4 only' },
      { config: 'Port 2222\n', ipv6: true, ipv4: true, started: true, note: 'wildcards of both families' },
      { config: 'Port 2222\nAddressFamily inet\n', ipv6: false, ipv4: true, started: true, note: 'AddressFamily inet' },
      { config: 'Port 2222\nListenAddress ::1\nListenAddress 127.0.0.1\n', ipv6: true, ipv4: true, started: true, note: 'ListenAddress without port takes Port' },
      { config: 'ListenAddress 127.0.0.1:2222\nListenAddress ::1:2222\n', ipv6: false, ipv4: true, started: true, note: '::1:2222 is ::0.1.34.34 on port 22' },
      { config: 'ListenAddress ::1:2222\n', ipv6: false, ipv4: false, started: false, note: 'nothing to bind: sshd exits' },
    ];
    for (const c of cases) {
      test(`${c.note}: ${c.config.trim().replace(/\n/g, ' / ')}`, async () => {
        const r = await runSshd(c.config, { port: 2222 });
        assert.equal(r.check.ok, true, `sshd -t: ${r.check.output}`);
        assert.equal(r.leftover, false, 'a process of the namespace outlived the run');
        assert.ok(r.netns && r.netns !== '', 'ran in a namespace');
        assert.equal(r.started && !r.exitedEarly, c.started, explain(r));
        assert.equal(r.ipv6.answered, c.ipv6, explain(r));
        assert.equal(r.ipv4.answered, c.ipv4, explain(r));
        assert.ok(r.ms.total < 15_000, `run took ${r.ms.total} ms`);
        if (c.note.startsWith('::1:2222')) assert.ok(r.listenLines.some((l) => /Bind to port 22 on ::0\.1\.34\.34 failed/.test(l)), explain(r));
      });
    }

    test('sshd -t: quiet success, exit 255 with sshd\'s message on failure', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'v6ready-sshd-harness-'));
      try {
        const good = join(dir, 'good');
        const bad = join(dir, 'bad');
        writeFileSync(good, 'Port 2222\n');
        writeFileSync(bad, 'ListenAddressV6 ::1\n');
        const [g, b] = await sshdCheckFiles([good, bad]);
        assert.deepEqual([g.ok, g.output], [true, '']);
        assert.equal(b.exitCode, 255);
        assert.match(b.output, /line 1: Bad configuration option: ListenAddressV6/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
