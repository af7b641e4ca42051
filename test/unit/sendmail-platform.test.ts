// The platform a .mc is for decides sendmail/dual-stack-conflict, which holds on Linux only: a known other system
// in OSTYPE (solaris11, darwin…) gets no finding, and an OSTYPE no cf/ostype file has gets a message that says
// Linux is assumed, not known.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { DIALECTS } from '../../server/src/core/registry';

const sendmail = DIALECTS.find((d) => d.name === 'sendmail')!;

function conflicts(ostype: string): string[] {
  const text =
    `divert(0)dnl\nOSTYPE(\`${ostype}')dnl\nFEATURE(\`no_default_msa')dnl\n` +
    "DAEMON_OPTIONS(`Name=MTA-v4, Family=inet')dnl\nDAEMON_OPTIONS(`Name=MTA-v6, Family=inet6')dnl\nMAILER(`local')dnl\n";
  return analyze(sendmail, text).findings.filter((f) => f.rule === 'sendmail/dual-stack-conflict').map((f) => f.message);
}

test('Linux ostypes get the finding as a fact', () => {
  for (const o of ['linux', 'debian', 'mklinux']) {
    const m = conflicts(o);
    assert.equal(m.length, 1, o);
    assert.match(m[0], /^On Linux this IPv6 wildcard daemon 'MTA-v6'/);
  }
});

test('known systems that are not Linux get none', () => {
  for (const o of ['solaris11', 'solaris8', 'solaris2', 'aix5', 'darwin', 'hpux11', 'freebsd6', 'openbsd', 'osf1']) assert.deepEqual(conflicts(o), [], o);
});

test('an OSTYPE sendmail does not know: Linux is named as an assumption', () => {
  for (const o of ['plan9', 'unknown']) {
    const m = conflicts(o);
    assert.equal(m.length, 1, o);
    assert.match(m[0], new RegExp(`^OSTYPE\\(\`${o}'\\) names no system sendmail knows, so this assumes Linux \\(the setting v6ready\\.targets\\.sendmail \\(default linux\\)\\)\\. On Linux `));
  }
});
