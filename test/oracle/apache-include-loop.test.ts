// An Include loop, judged by the real apache2 -t: httpd refuses a loop it reads ("Exceeded maximum include depth of
// 128, There appears to be a recursion."), and never reads one under <IfModule>/<IfDefine> whose test fails. v6ready
// reports a loop it knows httpd reads as an error, one under a test it cannot decide (a module loaded elsewhere, a
// `-D NAME`) as a warning naming that test, and none where httpd skips the section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apacheSyntaxCheck, which } from './apache-harness';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const RECURSION = /Exceeded maximum include depth of 128, There appears to be a recursion/;

interface Case {
  name: string;
  /** The fixture's lines around the Include of the looping file (`INCLUDE` stands for it). */
  lines: string[];
  /** What apache2 -t does. */
  httpd: 'refuses' | 'accepts';
  /** What v6ready reports on the loop. */
  ours: 'error' | 'warning' | 'nothing';
  /** The test a warning names. */
  when?: string;
}

const CASES: Case[] = [
  { name: 'a plain loop', lines: ['INCLUDE'], httpd: 'refuses', ours: 'error' },
  { name: 'under <IfModule> of a module nobody loads', lines: ['<IfModule mod_v6ready_absent.c>', 'INCLUDE', '</IfModule>'], httpd: 'accepts', ours: 'warning', when: '<IfModule mod_v6ready_absent.c>' },
  {
    name: 'under <IfModule> of a module the file loads above it',
    lines: ['LoadModule status_module /usr/lib/apache2/modules/mod_status.so', '<IfModule mod_status.c>', 'INCLUDE', '</IfModule>'],
    httpd: 'refuses',
    ours: 'error',
  },
  { name: 'under <IfDefine NAME> with NAME not defined', lines: ['<IfDefine V6READY_NOPE>', 'INCLUDE', '</IfDefine>'], httpd: 'accepts', ours: 'warning', when: '<IfDefine V6READY_NOPE>' },
  { name: 'under <IfDefine NAME> with NAME defined above', lines: ['Define V6READY_YES', '<IfDefine V6READY_YES>', 'INCLUDE', '</IfDefine>'], httpd: 'refuses', ours: 'error' },
  { name: 'under <IfDefine !NAME> with NAME defined above', lines: ['Define V6READY_YES', '<IfDefine !V6READY_YES>', 'INCLUDE', '</IfDefine>'], httpd: 'accepts', ours: 'nothing' },
];

const apache2 = which('apache2');
if (!apache2 && process.env.CI) {
  test('apache2 is installed', () => assert.fail('apache2 not found: CI must apt-get install apache2'));
}

for (const c of CASES) {
  test(`include loop ${c.name}: apache2 -t ${c.httpd}, v6ready reports ${c.ours}`, { skip: apache2 ? false : 'apache2 not found (apt-get install apache2)' }, () => {
    // Short paths: httpd's message names the file once per level (128 of them) in a buffer of 8 KB, and with
    // longer paths its last words, the ones this test reads, are cut off.
    const dir = mkdtempSync('/tmp/v6l-');
    try {
      const loop = join(dir, 'l');
      writeFileSync(loop, `Include "${loop}"\n`);
      const fixture = join(dir, 'site.conf');
      writeFileSync(fixture, c.lines.map((l) => (l === 'INCLUDE' ? `Include "${loop}"` : l)).join('\n') + '\n');

      const t = apacheSyntaxCheck(fixture);
      if (c.httpd === 'refuses') {
        assert.equal(t.ok, false, t.output.slice(-400));
        assert.match(t.output.slice(-400), RECURSION);
      } else assert.equal(t.ok, true, t.output.slice(-400));

      const r = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--format', 'json', '--language', 'apacheconf', fixture], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', V6READY_NO_CODE_CACHE: '1' },
      });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const report = JSON.parse(r.stdout) as { files: { findings: { rule: string; severity: string; message: string }[] }[] };
      const findings = report.files.flatMap((f) => f.findings).filter((f) => f.rule === 'v6ready/include' && /include loop/.test(f.message));
      if (c.ours === 'nothing') {
        assert.deepEqual(findings, []);
        return;
      }
      assert.equal(findings.length, 1, JSON.stringify(findings));
      assert.equal(findings[0].severity, c.ours);
      assert.match(findings[0].message, RECURSION);
      if (c.when) assert.ok(findings[0].message.includes(`include loop when ${c.when} holds`), findings[0].message);
      else assert.match(findings[0].message, /^include loop: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
