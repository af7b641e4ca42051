// An Include inside a Match block, judged by the real `sshd -t`: sshd holds the whole included file (its own
// `Match all` lines and the files it includes too) to what a Match block allows. For each case, v6ready's
// sshd/match-include reports errors exactly when sshd refuses, on the line sshd names, and on the Include.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sshdCheckFiles, sshdSkipReason } from './sshd-harness';

const CLI = join(process.cwd(), 'dist', 'cli.js');

interface Case {
  name: string;
  /** Files under the case's folder; `@` in a text stands for that folder. sshd_config is the one sshd starts with. */
  files: Record<string, string>;
  /** sshd -t's verdict, and the file and line it names when it refuses. */
  refuses?: { file: string; line: number; keyword: string };
}

const CASES: Case[] = [
  {
    name: 'ListenAddress in a file a Match block includes',
    files: { sshd_config: 'Match User alice\n    Include @/sshd_config.d/m.conf\n', 'sshd_config.d/m.conf': 'ListenAddress [::1]:2222\n' },
    refuses: { file: 'sshd_config.d/m.conf', line: 1, keyword: 'ListenAddress' },
  },
  {
    name: 'only keywords a Match block allows',
    files: { sshd_config: 'ListenAddress [::1]:2222\nMatch User alice\n    Include @/sshd_config.d/m.conf\n', 'sshd_config.d/m.conf': 'PasswordAuthentication no\nX11Forwarding no\n' },
  },
  {
    name: "Port after the included file's own Match all",
    files: { sshd_config: 'Match User alice\n    Include @/sshd_config.d/m.conf\n', 'sshd_config.d/m.conf': 'PasswordAuthentication no\nMatch all\nPort 2222\n' },
    refuses: { file: 'sshd_config.d/m.conf', line: 3, keyword: 'Port' },
  },
  {
    name: 'the same file included under Match all',
    files: { sshd_config: 'Match all\n    Include @/sshd_config.d/m.conf\n', 'sshd_config.d/m.conf': 'ListenAddress [::1]:2222\n' },
  },
  {
    name: 'the same file included above the first Match',
    files: { sshd_config: 'Include @/sshd_config.d/m.conf\nMatch User alice\n    PasswordAuthentication no\n', 'sshd_config.d/m.conf': 'ListenAddress [::1]:2222\n' },
  },
  {
    name: 'AddressFamily two Includes down',
    files: {
      sshd_config: 'Match Address 192.0.2.0/24\n    Include @/sshd_config.d/a.conf\n',
      'sshd_config.d/a.conf': 'PermitRootLogin no\nInclude @/sshd_config.d/b.conf\n',
      'sshd_config.d/b.conf': 'AddressFamily inet6\n',
    },
    refuses: { file: 'sshd_config.d/b.conf', line: 1, keyword: 'AddressFamily' },
  },
  {
    name: 'Subsystem, allowed in Match only from OpenSSH 9.5 (the target is 9.2)',
    files: { sshd_config: 'Match User alice\n    Include @/sshd_config.d/m.conf\n', 'sshd_config.d/m.conf': 'Subsystem sftp internal-sftp\n' },
    refuses: { file: 'sshd_config.d/m.conf', line: 1, keyword: 'Subsystem' },
  },
];

const skip = sshdSkipReason();
if (skip && process.env.CI) test('the sshd oracle can run', () => assert.fail(`${skip}: CI must install openssh-server and run the oracle as root`));

interface Report {
  files: { absolutePath: string; findings: { rule: string; severity: string; message: string; range: { start: { line: number } } }[] }[];
}

test('Include inside Match: v6ready reports what sshd -t refuses, where it says', { skip: skip ?? false }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'v6ready-match-include-'));
  try {
    const dirs = CASES.map((c, i) => {
      const dir = join(root, String(i));
      for (const [name, text] of Object.entries(c.files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text.replaceAll('@', dir));
      }
      return dir;
    });
    const checks = await sshdCheckFiles(dirs.map((d) => join(d, 'sshd_config')));
    CASES.forEach((c, i) => {
      const dir = dirs[i];
      const t = checks[i];
      const r = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--format', 'json', dir], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', V6READY_NO_CODE_CACHE: '1' } });
      assert.ok(r.status === 0 || r.status === 1, `${c.name}: ${r.stderr}`);
      const report = JSON.parse(r.stdout) as Report;
      const ours = report.files.flatMap((f) => f.findings.filter((x) => x.rule === 'sshd/match-include').map((x) => ({ file: f.absolutePath.slice(dir.length + 1), line: x.range.start.line + 1, severity: x.severity, message: x.message })));
      if (!c.refuses) {
        assert.equal(t.ok, true, `${c.name}: sshd -t refused: ${t.output}`);
        assert.deepEqual(ours, [], c.name);
        return;
      }
      assert.equal(t.ok, false, `${c.name}: sshd -t accepted it`);
      const want = c.refuses;
      assert.ok(t.output.includes(`${join(dir, want.file)} line ${want.line}: Directive '${want.keyword}' is not allowed within a Match block`), `${c.name}: ${t.output}`);
      assert.ok(ours.every((x) => x.severity === 'error'), JSON.stringify(ours));
      // On the line sshd names, and on the Include in sshd_config that starts it.
      assert.ok(ours.some((x) => x.file === want.file && x.line === want.line && x.message.startsWith(`Directive '${want.keyword}' is not allowed within a Match block`)), `${c.name}: ${JSON.stringify(ours)}`);
      assert.ok(ours.some((x) => x.file === 'sshd_config' && x.message.startsWith(`This Include reads '${want.keyword}'`)), `${c.name}: ${JSON.stringify(ours)}`);
      assert.equal(ours.length, 2, `${c.name}: ${JSON.stringify(ours)}`);
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
