// The target OpenSSH release (settings targets.sshd, default 9.2 as on Debian 12): keywords added after it are what sshd
// of that release calls a "Bad configuration option", and Subsystem inside Match needs 9.5 (measured: sshd 9.2 -t
// refuses PAMServiceName and a Subsystem in Match).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { DEFAULT_SETTINGS, parseSettings } from '../../server/src/core/settings';
import { sshdDialect } from '../../server/src/dialects/sshd';

const TEXT = 'PAMServiceName sshd\nMatch User backup\n  Subsystem sftp internal-sftp\n';
const unknown = (targets: Record<string, string>) =>
  analyze(sshdDialect, TEXT, { ...DEFAULT_SETTINGS, targets }).findings.filter((f) => f.rule === 'sshd/unknown-keyword').map((f) => f.message);

test('targets.sshd: by default 9.2 refuses PAMServiceName and Subsystem inside Match; 9.8 knows both', () => {
  const byDefault = unknown({});
  assert.equal(byDefault.length, 2);
  assert.match(byDefault[0], /PAMServiceName — sshd 9\.2 does not know it/);
  assert.match(byDefault[1], /'Subsystem' is not allowed within a Match block in sshd 9\.2/);
  assert.deepEqual(unknown({ sshd: '9.5' }).length, 1, 'Subsystem in Match since 9.5, PAMServiceName since 9.8');
  assert.deepEqual(unknown({ sshd: '9.8' }), []);
});

test('targets.sshd accepts the listed releases only', () => {
  assert.equal(parseSettings({ targets: { sshd: '9.6' } }).settings.targets.sshd, '9.6');
  assert.match(parseSettings({ targets: { sshd: '8.9' } }).problems.join('\n'), /targets\.sshd must be one of 9\.2, /);
});
