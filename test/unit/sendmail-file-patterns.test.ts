// Which paths are sendmail .mc files. FreeBSD's /etc/mail/Makefile builds `hostname`.mc (a copy of freebsd.mc)
// and `hostname`.submit.mc, so every .mc directly in a `mail` folder counts, as do freebsd.mc and
// freebsd.submit.mc anywhere; other .mc files (Windows message files) do not. No other dialect claims these paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesGlob } from '../../server/src/core/globs';
import { DIALECTS, dialectForPath } from '../../server/src/core/registry';

const SENDMAIL = [
  'etc/mail/mx1.example.org.mc',
  '/etc/mail/mx1.example.org.submit.mc',
  'etc/mail/freebsd.mc',
  'etc/mail/freebsd.submit.mc',
  'src/etc/sendmail/freebsd.mc',
  'freebsd.submit.mc',
  '/etc/mail/sendmail.mc',
  'debian/submit.mc',
  'C:\\jail\\etc\\mail\\host.mc',
];
const NOT_SENDMAIL = ['src/messages.mc', 'etc/mail/sub/host.mc', 'etc/mail/aliases', 'etc/mail/host.cf', 'mail.mc', 'etc/mailx/host.mc'];

test('FreeBSD-style .mc names are sendmail-mc, and only sendmail claims them', () => {
  for (const p of SENDMAIL) {
    assert.equal(dialectForPath(p)?.name, 'sendmail', p);
    for (const d of DIALECTS) if (d.name !== 'sendmail') assert.ok(!d.filePatterns.some((g) => matchesGlob(p, g)), `${d.name} also claims ${p}`);
  }
  for (const p of NOT_SENDMAIL) assert.notEqual(dialectForPath(p)?.name, 'sendmail', p);
});

test("the other dialects' own file names stay theirs", () => {
  const own: Record<string, string[]> = {
    bind: ['etc/bind/named.conf', 'etc/mail/named.conf.local'],
    apache: ['etc/apache2/sites-enabled/mail.conf', 'etc/apache2/apache2.conf'],
    zone: ['etc/bind/db.example', 'zones/mail.zone'],
    sshd: ['etc/ssh/sshd_config'],
    rcconf: ['etc/rc.conf', 'etc/rc.conf.d/sendmail'],
  };
  for (const [name, paths] of Object.entries(own)) for (const p of paths) assert.equal(dialectForPath(p)?.name, name, p);
});
