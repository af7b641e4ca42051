// Proves the Apache fixes on the real apache2 (Debian): `apache2 -t` accepts every *.fixed.conf and *.all-fixed.conf
// under test/fixtures/apache, and for the rules whose fixes change where httpd listens, apache2 started with
// -DFOREGROUND in a private network namespace answers `curl -6` on [::1] after the fix and not before, while
// IPv4 on 127.0.0.1 is unchanged (a fix that stops httpd from starting fails here).
//
// Pairs: test/fixtures/apache/<rule>/<case>.conf (before) with <case>.fixed.conf / <case>.all-fixed.conf (after),
// whichever exist and differ. Port: a first-line `# oracle: port N`, else the first Listen's port.
// "Answers" = any HTTP status from curl; "fails" = no connection (curl status 000).
// Expectations per rule:
//   ipv4-only-listen, hostname-listen: ipv6 fails -> answers; ipv4 answers before and after. A first-line
//   `# oracle: ipv6-unchanged` says IPv6 answers before the fix too (and must still answer after);
//   `# oracle: no-start-before` that httpd does not start before the fix (both fail), as for listen-conflict.
//   listen-conflict: before, httpd starts no listener at all (both fail); after, both answer.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixturePairs, walkFiles } from '../fixture-lib';
import { apacheOracleSkipReason, apacheSyntaxCheck, fixturePort, runApache, which, type ApacheRun } from './apache-harness';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'apache');

type Expect = { v6Before: 'fails'; v4Before: 'answers' | 'fails' };
const RULES: Record<string, Expect> = {
  'ipv4-only-listen': { v6Before: 'fails', v4Before: 'answers' },
  'hostname-listen': { v6Before: 'fails', v4Before: 'answers' },
  'listen-conflict': { v6Before: 'fails', v4Before: 'fails' },
};

interface Pair {
  rule: string;
  caseName: string;
  variant: 'fixed' | 'all-fixed';
  before: string;
  after: string;
}

function pairs(rule: string): Pair[] {
  return fixturePairs(join(FIXTURES, rule))
    .filter((p) => p.before.endsWith('.conf'))
    .map((p) => ({ rule, caseName: p.caseName, variant: p.variant, before: p.before, after: p.after }));
}

function explain(label: string, r: ApacheRun): string {
  return [
    `--- ${label}: port ${r.port}, started ${r.started} (${r.ms.start} ms), ipv6 ${r.ipv6.state} ${r.ipv6.status}, ipv4 ${r.ipv4.state} ${r.ipv4.status}`,
    ...r.sockets.map((s) => `socket ${s}`),
    r.syntax.ok ? '' : `apache2 -t: ${r.syntax.output}`,
    r.log.trim(),
  ].join('\n');
}

const skip = apacheOracleSkipReason();
const summary: string[] = [];
const started: number[] = [];

if (skip && process.env.CI) {
  test('apache oracle prerequisites', () => {
    throw new Error(`${skip} — CI must apt-get install apache2 curl and run the oracle as root`);
  });
} else {
  describe('apache2 -t accepts every *.fixed.conf and *.all-fixed.conf', { skip: which('apache2') ? false : 'apache2 not found (apt-get install apache2)' }, () => {
    const files = walkFiles(FIXTURES).filter((p) => /\.(all-)?fixed\.conf$/.test(p));
    for (const file of files) {
      test(relative(FIXTURES, file), () => {
        const r = apacheSyntaxCheck(file);
        assert.equal(r.exitCode, 0, `apache2 -t exited ${r.exitCode} on ${relative(ROOT, file)}:\n${r.output}`);
        assert.match(r.output, /Syntax OK/);
      });
    }
  });

  describe('apache2 listens where the fixes say (before vs after, in a private netns)', { skip: skip ?? false, concurrency: 2 }, () => {
    after(() => {
      if (summary.length) console.log(`\napache oracle summary (rule case variant port: ipv6 before→after, ipv4 before→after)\n${summary.sort().join('\n')}\n`);
      const alive = started.filter((pid) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      });
      assert.deepEqual(alive, [], `apache2 processes left running: ${alive.join(', ')}`);
    });

    test('the harness: Listen 127.0.0.1 only fails over IPv6, and the run is in its own netns', async () => {
      const r = await runApache(join(FIXTURES, 'ipv4-only-listen', 'twin-named.conf'), 8080);
      if (r.pid) started.push(r.pid);
      assert.equal(r.started, true, explain('twin-named', r));
      assert.equal(r.ipv6.state, 'fails', explain('twin-named', r));
      assert.equal(r.ipv4.state, 'answers', explain('twin-named', r));
      assert.match(r.netns, /^net:\[\d+\]$/);
      assert.notEqual(r.netns, readlinkSelf());
      assert.ok(r.ms.total < 10000, `run took ${r.ms.total} ms`);
    });

    for (const [rule, expect] of Object.entries(RULES)) {
      const ps = pairs(rule);
      if (ps.length === 0) {
        const why = `no <case>.conf with a differing .fixed.conf/.all-fixed.conf in ${join(FIXTURES, rule)}`;
        if (process.env.CI) test(`apache/${rule}: fixture pairs exist`, () => assert.fail(why));
        else test(`apache/${rule}: fixture pairs exist`, { skip: why }, () => {});
        continue;
      }
      for (const p of ps) {
        test(`apache/${rule} ${p.caseName} (${p.variant})`, async (t) => {
          const port = fixturePort(readFileSync(p.after, 'utf8'));
          assert.ok(port, `${relative(ROOT, p.after)}: no Listen port and no '# oracle: port N' line`);
          const [b, a] = await Promise.all([runApache(p.before, port), runApache(p.after, port)]);
          for (const r of [b, a]) if (r.pid) started.push(r.pid);
          const line = `apache/${rule} ${p.caseName} ${p.variant} port ${port}: ipv6 ${b.ipv6.state}→${a.ipv6.state}, ipv4 ${b.ipv4.state}→${a.ipv4.state}`;
          summary.push(line);
          t.diagnostic(line);
          const details = `${explain(`before ${relative(ROOT, p.before)}`, b)}\n${explain(`after ${relative(ROOT, p.after)}`, a)}`;
          assert.equal(a.syntax.ok, true, `apache2 -t rejects the fixed file\n${details}`);
          assert.equal(a.started, true, `after the fix apache2 does not start\n${details}`);
          for (const r of [b, a]) assert.equal(r.leftover, false, 'apache2 was still running after the run');
          // First-line markers: `# oracle: ipv6-unchanged`, IPv6 is listened on before the fix too (the fix names what is
          // missing); `# oracle: no-start-before`, httpd does not start before the fix (it binds one address twice).
          const marker = readFileSync(p.before, 'utf8').split('\n', 1)[0];
          const noStart = /^#\s*oracle:.*\bno-start-before\b/.test(marker);
          const v6Before = /^#\s*oracle:.*\bipv6-unchanged\b/.test(marker) ? 'answers' : expect.v6Before;
          const v4Before = noStart ? 'fails' : expect.v4Before;
          assert.equal(b.ipv6.state, v6Before, `ipv6 on [::1]:${port} should ${v6Before === 'fails' ? 'FAIL' : 'ANSWER'} before the fix\n${details}`);
          assert.equal(a.ipv6.state, 'answers', `ipv6 on [::1]:${port} should ANSWER after the fix\n${details}`);
          assert.equal(b.ipv4.state, v4Before, `ipv4 before the fix\n${details}`);
          assert.equal(a.ipv4.state, 'answers', `ipv4 on 127.0.0.1:${port} must answer after the fix\n${details}`);
        });
      }
    }
  });
}

function readlinkSelf(): string {
  try {
    return `net:[${statSync('/proc/self/ns/net').ino}]`;
  } catch {
    return '';
  }
}
