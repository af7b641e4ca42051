// Editor features of the .mc dialect: hover on macros, FEATURE/MAILER/OSTYPE names, conf defines and
// DAEMON_OPTIONS keys and values; completion of macros, features and option keys; symbols; the platform
// setting (targets.sendmail) for files without an OSTYPE that says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { parseSettings } from '../../server/src/core/settings';
import { sendmailDialect } from '../../server/src/dialects/sendmail';

const FILE = [
  'divert(-1)dnl',
  'divert(0)dnl',
  "OSTYPE(`freebsd6')dnl",
  "define(`confBIND_OPTS', `WorkAroundBrokenAAAA')dnl",
  "define(`SMART_HOST', `[IPv6:2001:db8::25]')dnl",
  "FEATURE(`no_default_msa')dnl",
  "DAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family=inet6, M=Ea, Adress=::1')dnl",
  "CLIENT_OPTIONS(`Family=inet6')dnl",
  "MAILER(`smtp')dnl",
  'LOCAL_CONFIG',
  'Kfoo hash /etc/mail/foo',
  '',
].join('\n');

function hoverAt(needle: string, delta = 0, text = FILE): string | undefined {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const model = sendmailDialect.parse(text).model;
  return sendmailDialect.hover!(model, text, at + delta)?.markdown;
}

test('hover: macros, OSTYPE with its platform, features, mailers', () => {
  assert.match(hoverAt('DAEMON_OPTIONS')!, /\*\*DAEMON_OPTIONS\*\* — sendmail cf macro[\s\S]*IPv6:/);
  assert.match(hoverAt('freebsd6')!, /OSTYPE\(`freebsd6'\)[\s\S]*IPv6-only/);
  assert.match(hoverAt('no_default_msa')!, /automatic submission daemon[\s\S]*IPv4 only/);
  assert.match(hoverAt("smtp')dnl\nLOCAL")!, /MAILER\(`smtp'\)[\s\S]*esmtp/);
  assert.match(hoverAt('LOCAL_CONFIG')!, /raw sendmail\.cf lines/);
  assert.match(hoverAt('divert(-1)')!, /m4 builtin/);
  assert.match(hoverAt('OSTYPE')!, /\[cf\/README: OSTYPE\]\(https:\/\/www\.sendmail\.org\//);
});

test('hover: conf and other cf variables', () => {
  const conf = hoverAt('confBIND_OPTS')!;
  assert.match(conf, /sets `ResolverOptions`/);
  assert.match(conf, /WorkAroundBrokenAAAA/);
  assert.match(conf, /sendmail\.org/);
  assert.match(hoverAt('SMART_HOST')!, /IPv6:2001:db8::25|IPv6:/);
});

test('hover: DAEMON_OPTIONS keys and values, misspelt keys read by their first letter', () => {
  assert.match(hoverAt('Family=inet6', 1)!, /\*\*Family\*\*[\s\S]*Linux[\s\S]*BSD/);
  assert.match(hoverAt('inet6, M=', 1)!, /Family=inet6/);
  assert.match(hoverAt('M=Ea', 3)!, /refuse ETRN[\s\S]*always require AUTH/);
  assert.match(hoverAt('Adress')!, /reads `Adress` by its first letter as \*\*Addr\*\*/);
  assert.match(hoverAt('Port=smtp', 6)!, /port 25/);
});

test('completion: macros at the top, names inside FEATURE/MAILER/OSTYPE/define, keys and values inside DAEMON_OPTIONS', () => {
  const labels = (text: string, offset: number) => sendmailDialect.completions!(sendmailDialect.parse(text).model, text, offset).map((e) => e.label);
  assert.ok(labels('\n', 0).includes('DAEMON_OPTIONS'));
  assert.ok(labels('\n', 0).includes('FEATURE'));
  const f = "FEATURE(`')";
  assert.ok(labels(f, 9).includes('no_default_msa'));
  const m = "MAILER(`')";
  assert.deepEqual(labels(m, 8).sort(), ['cyrus', 'cyrusv2', 'fax', 'local', 'mail11', 'phquery', 'pop', 'procmail', 'qpage', 'smtp', 'ssh', 'usenet', 'uucp', 'xagent']);
  const o = "OSTYPE(`')";
  assert.ok(labels(o, 8).includes('linux') && labels(o, 8).includes('freebsd6'));
  const d = "define(`conf')";
  assert.ok(labels(d, 8).includes('confBIND_OPTS'));
  const dopt = "DAEMON_OPTIONS(`Port=smtp, ')";
  assert.ok(labels(dopt, dopt.length - 2).includes('Family='));
  const fam = "DAEMON_OPTIONS(`Port=smtp, Family=')";
  assert.deepEqual(labels(fam, fam.length - 2), ['inet', 'inet6', 'local']);
  const cli = "CLIENT_OPTIONS(`')";
  assert.ok(!labels(cli, 16).includes('Listen='), 'daemon-only keys are not offered for CLIENT_OPTIONS');
});

test('symbols: OSTYPE, daemons with family/address/port, client options, features, mailers, sections', () => {
  const model = sendmailDialect.parse(FILE).model;
  const syms = sendmailDialect.symbols!(model, FILE).map((s) => `${s.name}${s.detail ? ` [${s.detail}]` : ''}`);
  assert.deepEqual(syms, [
    'OSTYPE freebsd6',
    'FEATURE no_default_msa',
    'DAEMON_OPTIONS MTA-v6 [inet6 ::1 port 25]',
    'CLIENT_OPTIONS inet6 [inet6]',
    'MAILER smtp',
    'LOCAL_CONFIG',
  ]);
});

test('platform: OSTYPE decides; without it the setting targets.sendmail (default linux)', () => {
  const text = "FEATURE(`no_default_msa')dnl\ndefine(`confBIND_OPTS', `WorkAroundBrokenAAAA')dnl\nDAEMON_OPTIONS(`Port=2525, Name=MTA-v4, Family=inet')dnl\nMAILER(`smtp')dnl\n";
  const linux = analyze(sendmailDialect, text).findings.find((f) => f.rule === 'sendmail/no-inet6-daemon')!;
  assert.match(linux.message, /Platform Linux \(from the setting v6ready\.targets\.sendmail \(default linux\)\)/);
  assert.match(linux.fixes[0].title, /Listen with Family=inet6/);
  const { settings, problems } = parseSettings({ targets: { sendmail: 'freebsd' } });
  assert.deepEqual(problems, []);
  const bsd = analyze(sendmailDialect, text, settings).findings.find((f) => f.rule === 'sendmail/no-inet6-daemon')!;
  assert.match(bsd.message, /Platform FreeBSD/);
  assert.match(bsd.fixes[0].title, /Add an IPv6 twin/);
  assert.equal(bsd.fixes[0].edits[0].newText, "\nDAEMON_OPTIONS(`Port=2525, Name=MTA-v6, Family=inet6')dnl");
  // OSTYPE wins over the setting.
  const withOs = "OSTYPE(`linux')dnl\n" + text;
  assert.match(analyze(sendmailDialect, withOs, settings).findings.find((f) => f.rule === 'sendmail/no-inet6-daemon')!.message, /Platform Linux \(from OSTYPE/);
  // The dual-stack pair is an error on Linux only.
  const pair = "DAEMON_OPTIONS(`Port=2525, Name=A, Family=inet')dnl\nDAEMON_OPTIONS(`Port=2525, Name=B, Family=inet6')dnl\n";
  assert.ok(analyze(sendmailDialect, pair).findings.some((f) => f.rule === 'sendmail/dual-stack-conflict'));
  assert.ok(!analyze(sendmailDialect, pair, settings).findings.some((f) => f.rule === 'sendmail/dual-stack-conflict'));
  assert.match(parseSettings({ targets: { sendmail: 'solaris' } }).problems.join(), /targets\.sendmail must be one of linux, freebsd/);
});

test('suppression comments use dnl', () => {
  const text = "OSTYPE(`linux')dnl\nFEATURE(`no_default_msa')dnl\ndnl v6ready-disable-next-line sendmail/no-inet6-daemon -- loopback only\nDAEMON_OPTIONS(`Port=2525, Name=M, Family=inet, Addr=127.0.0.1')dnl\n";
  assert.ok(!analyze(sendmailDialect, text).findings.some((f) => f.rule === 'sendmail/no-inet6-daemon'));
  assert.equal(sendmailDialect.lineComment, 'dnl');
});
