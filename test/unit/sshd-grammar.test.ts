// The sshd_config grammar and model: sshd's own word splitting (quotes, escapes, `=`, `#`), ListenAddress and
// address-list readings from research §4a, the catalogue against OpenSSH 9.9's keyword table, and hostile input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSshdText, readArgument } from '../../grammars/sshd/parser';
import { analyze, MAX_SYNTAX_FINDINGS } from '../../server/src/core/analyze';
import { sshdDialect } from '../../server/src/dialects/sshd';
import { classifyHost, inetAton, ntop6, readList } from '../../server/src/dialects/sshd/addresses';
import { KEYWORDS, lookupKeyword } from '../../server/src/dialects/sshd/catalogue';
import { buildSshdModel, parseListenAddress, unbracketedPort, type SshdModel } from '../../server/src/dialects/sshd/model';

function model(text: string): SshdModel {
  return buildSshdModel(parseSshdText(text).cst);
}

const words = (line: string) => model(line).directives.map((d) => [d.keyword, ...d.args.map((a) => a.value)]);

test('words are split as sshd splits them: blanks, quotes anywhere, backslash escapes, one `=` after the keyword', () => {
  assert.deepEqual(words('Port 22'), [['Port', '22']]);
  assert.deepEqual(words('Port=22'), [['Port', '22']]);
  assert.deepEqual(words('Port = 22'), [['Port', '22']]);
  assert.deepEqual(words('LogLevel==VERBOSE'), [['LogLevel', '=VERBOSE']]);
  assert.deepEqual(words('Port= =22'), [['Port', '=22']]);
  assert.deepEqual(words('Banner "/etc/my issue"'), [['Banner', '/etc/my issue']]);
  assert.deepEqual(words(`Banner a"b c"'d e'f`), [['Banner', 'ab cd ef']]);
  assert.deepEqual(words('ChrootDirectory /srv/a\\ b'), [['ChrootDirectory', '/srv/a b']]);
  assert.deepEqual(words('Banner "a\\"b"'), [['Banner', 'a"b']]);
  assert.deepEqual(words('ForceCommand echo \\x'), [['ForceCommand', 'echo', '\\x']]);
  assert.deepEqual(words('"LogLevel" INFO'), [['LogLevel', 'INFO']]);
  assert.deepEqual(words('  \tPort 22   \t'), [['Port', '22']]);
  assert.deepEqual(words('Port 22\r\nPort 2222\r\n'), [['Port', '22'], ['Port', '2222']]);
});

test('`#` starts a comment where a word could start, not inside a word', () => {
  const r = parseSshdText('# top\nPort 22 # the usual\nForceCommand echo a#b\n  #indented\n');
  assert.deepEqual(r.comments.map((c) => c.body), [' top', ' the usual', 'indented']);
  assert.deepEqual(buildSshdModel(r.cst).directives.map((d) => d.args.map((a) => a.value)), [['22'], ['echo', 'a#b']]);
  assert.equal(r.cst.directives[0].comment?.start, 'Port 22 '.length + '# top\n'.length);
});

test('readArgument follows argv_split(): quotes open anywhere, `\\ ` only outside quotes, an unclosed quote is reported', () => {
  assert.deepEqual(readArgument('"a b"'), { value: 'a b', quoted: true, open: -1 });
  assert.deepEqual(readArgument('"a\\ b"'), { value: 'a\\ b', quoted: true, open: -1 });
  assert.equal(readArgument('x"abc').open, 1);
  assert.equal(readArgument("'a\"b'").value, 'a"b');
});

test('an unclosed quote, a stray `=` and a NUL byte are syntax errors; nothing throws on an empty or comment-only file', () => {
  const msgs = (t: string) => analyze(sshdDialect, t).findings.filter((f) => f.rule === 'sshd/syntax').map((f) => f.message);
  assert.match(msgs('Banner "/etc/issue\n').join(), /invalid quotes/);
  assert.match(msgs('=yes\n').join(), /must start with a keyword/);
  assert.match(msgs('Port 22\u0000x\n').join(), /NUL byte/);
  assert.deepEqual(analyze(sshdDialect, '').findings, []);
  assert.deepEqual(analyze(sshdDialect, '# only\n\n   \n#x').findings, []);
});

test('Match blocks run to the next Match; `Match All` makes global keywords legal again', () => {
  const m = model('Port 22\nMatch User a\n  X11Forwarding no\nMatch All\nListenAddress ::1\n');
  assert.equal(m.matches.length, 2);
  assert.deepEqual(m.matches[0].directives.map((d) => d.keyword), ['X11Forwarding']);
  assert.equal(m.matches[1].all, true);
  assert.deepEqual(m.global.map((d) => d.keyword), ['Port', 'ListenAddress']);
  assert.deepEqual(m.problems, []);
  assert.equal(m.listenAddresses.length, 1);
  const bad = model('Match User a\n  ListenAddress ::1\n');
  assert.match(bad.problems[0].message, /not allowed within a Match block/);
});

test('ListenAddress readings of research §4a: bare IPv6 takes no port, brackets do, host:port splits at the first colon', () => {
  const la = (v: string) => {
    const r = parseListenAddress(model(`ListenAddress ${v}`).directives[0])!;
    return { host: r.host, port: r.port, bare: r.bareIpv6, kind: r.hostKind.kind, error: r.error };
  };
  assert.deepEqual(la('::1:2222'), { host: '::1:2222', port: undefined, bare: true, kind: 'ipv6', error: undefined });
  assert.deepEqual(la('[::1]:2222'), { host: '::1', port: 2222, bare: false, kind: 'ipv6', error: undefined });
  assert.deepEqual(la('::1'), { host: '::1', port: undefined, bare: true, kind: 'ipv6', error: undefined });
  assert.deepEqual(la('[::1]'), { host: '::1', port: undefined, bare: false, kind: 'ipv6', error: undefined });
  assert.deepEqual(la('localhost:2222'), { host: 'localhost', port: 2222, bare: false, kind: 'hostname', error: undefined });
  assert.deepEqual(la('127.0.0.1:2222'), { host: '127.0.0.1', port: 2222, bare: false, kind: 'ipv4', error: undefined });
  assert.equal(la('[::1]:99999').error, 'bad port number');
  assert.equal(la('2001:db8:::1').error, 'bad addr or host: 2001:db8:::1 (Name or service not known)');
  assert.equal(la('127.0.0.1/22').error, 'bad address:port usage');
  assert.equal(la('[::1').error, 'bad address:port usage');
  assert.equal(la('fe80::1%lo').kind, 'ipv6');
  assert.equal(ntop6('::1:2222'), '::0.1.34.34');
  assert.equal(ntop6('::1'), '::1');
  assert.equal(ntop6('::ffff:192.0.2.1'), '::ffff:192.0.2.1');
});

test('unbracketed address:port is recognised only where that reading is likely', () => {
  const meant = (text: string) => {
    const m = model(text);
    const la = m.listenAddresses[m.listenAddresses.length - 1];
    return unbracketedPort(la, m.ports.map((p) => p.port));
  };
  assert.deepEqual(meant('ListenAddress ::1:2222'), { host: '::1', port: 2222 });
  assert.deepEqual(meant('ListenAddress :::22'), { host: '::', port: 22 });
  assert.deepEqual(meant('Port 2222\nListenAddress 2001:db8::1:2222'), { host: '2001:db8::1', port: 2222 });
  assert.deepEqual(meant('ListenAddress 2001:db8::1:65535'), { host: '2001:db8::1', port: 65535 });
  assert.deepEqual(meant('ListenAddress fe80::1%lo:2222'), { host: 'fe80::1%lo', port: 2222 });
  assert.equal(meant('ListenAddress 2001:db8:85a3::8a2e:370:7334'), undefined);
  assert.equal(meant('ListenAddress ::1'), undefined);
  assert.equal(meant('ListenAddress 2001:db8:::1'), undefined);
  assert.equal(meant('Port 2200\nListenAddress 2001:db8::5:22'), undefined);
});

test('address lists are read as addr_match_list() reads them', () => {
  const kinds = (l: string) => readList(l, 'match').map((e) => `${e.kind}${e.family ?? ''}${e.problem ? (e.problem.rejected ? '!' : '?') : ''}`);
  assert.deepEqual(kinds('192.0.2.0/24,2001:db8::/32,*'), ['cidr4', 'cidr6', 'pattern']);
  assert.deepEqual(kinds('192.0.2.1/24,192.0.2.0/33,,2001:db8::/129'), ['cidr4!', 'cidr4!', 'empty!', 'pattern6?']);
  assert.deepEqual(kinds('10.0.0,*.example.com,192.168.*,2001:DB8::*'), ['cidr4?', 'pattern?', 'pattern4', 'pattern6?']);
  assert.deepEqual(kinds('!10.0.0.0/8,fe80::*'), ['cidr4', 'pattern6']);
  assert.equal(readList('192.0.2.1/24', 'match')[0].problem?.network, '192.0.2.0/24');
  assert.equal(readList('2001:db8::1/64', 'match')[0].problem?.network, '2001:db8::/64');
  assert.equal(readList('host.example.com', 'user')[0].problem, undefined);
  assert.equal(inetAton('010.0.0.1'), '8.0.0.1');
  assert.equal(inetAton('10.1'), '10.0.0.1');
  assert.deepEqual(classifyHost('192.168.1.256'), { kind: 'invalid', family: 4 });
});

// keywords[] of servconf.c at V_9_9_P2 (portable), every name.
const OPENSSH_9_9 = `acceptenv addressfamily afstokenpassing allowagentforwarding allowgroups allowstreamlocalforwarding
allowtcpforwarding allowusers authenticationmethods authorizedkeyscommand authorizedkeyscommanduser authorizedkeysfile
authorizedkeysfile2 authorizedprincipalscommand authorizedprincipalscommanduser authorizedprincipalsfile banner
casignaturealgorithms challengeresponseauthentication channeltimeout checkmail chrootdirectory ciphers clientalivecountmax
clientaliveinterval compression denygroups denyusers disableforwarding dsaauthentication exposeauthinfo fingerprinthash
forcecommand gatewayports gssapiauthentication gssapicleanupcredentials gssapistrictacceptorcheck
hostbasedacceptedalgorithms hostbasedacceptedkeytypes hostbasedauthentication hostbasedusesnamefrompacketonly
hostcertificate hostdsakey hostkey hostkeyagent hostkeyalgorithms ignorerhosts ignoreuserknownhosts include ipqos
kbdinteractiveauthentication keepalive kerberosauthentication kerberosgetafstoken kerberosorlocalpasswd kerberostgtpassing
kerberosticketcleanup kexalgorithms keyregenerationinterval listenaddress logingracetime loglevel logverbose macs match
maxauthtries maxsessions maxstartups modulifile pamauthenticationviakbdint pamservicename passwordauthentication
permitemptypasswords permitlisten permitopen permitrootlogin permittty permittunnel permituserenvironment permituserrc
persourcemaxstartups persourcenetblocksize persourcepenalties persourcepenaltyexemptlist pidfile port printlastlog printmotd
protocol pubkeyacceptedalgorithms pubkeyacceptedkeytypes pubkeyauthentication pubkeyauthoptions rdomain refuseconnection
rekeylimit requiredrsasize reversemappingcheck revokedkeys rhostsauthentication rhostsrsaauthentication rsaauthentication
securitykeyprovider serverkeybits setenv skeyauthentication sshdsessionpath streamlocalbindmask streamlocalbindunlink
strictmodes subsystem syslogfacility tcpkeepalive trustedusercakeys unusedconnectiontimeout usedns uselogin usepam
useprivilegeseparation verifyreversemapping versionaddendum x11displayoffset x11forwarding x11uselocalhost xauthlocation`.split(/\s+/);

// The SSHCFG_GLOBAL-only ones of the same table (not allowed after Match).
const GLOBAL_ONLY_9_9 = `addressfamily afstokenpassing checkmail ciphers compression dsaauthentication fingerprinthash gssapicleanupcredentials
gssapistrictacceptorcheck hostcertificate hostdsakey hostkey hostkeyagent hostkeyalgorithms ignoreuserknownhosts keepalive
kerberosgetafstoken kerberosorlocalpasswd kerberostgtpassing kerberosticketcleanup kexalgorithms keyregenerationinterval
listenaddress logingracetime macs maxstartups modulifile pamauthenticationviakbdint permituserenvironment persourcemaxstartups
persourcenetblocksize persourcepenalties persourcepenaltyexemptlist pidfile port printlastlog printmotd protocol
reversemappingcheck rhostsauthentication securitykeyprovider serverkeybits sshdsessionpath strictmodes syslogfacility
tcpkeepalive usedns uselogin usepam useprivilegeseparation verifyreversemapping versionaddendum xauthlocation`.split(/\s+/);

test('the catalogue has every keyword of OpenSSH 9.9, with its Match permission', () => {
  for (const k of OPENSSH_9_9) assert.ok(KEYWORDS.has(k), `missing ${k}`);
  for (const k of OPENSSH_9_9) assert.equal(lookupKeyword(k)!.match, !GLOBAL_ONLY_9_9.includes(k), `Match permission of ${k}`);
  // Only later releases and Debian's patches add to it.
  const extra = [...KEYWORDS.keys()].filter((k) => !OPENSSH_9_9.includes(k)).sort();
  assert.deepEqual(extra, ['debianbanner', 'gssapicleanupcreds', 'gssapidelegatecredentials', 'gssapikexalgorithms', 'gssapikeyexchange', 'gssapistorecredentialsonrekey', 'sshdauthpath']);
  assert.equal(lookupKeyword('LISTENADDRESS')!.name, 'ListenAddress');
});

test('junk, huge files and pathological lines neither throw nor flood', () => {
  const junk = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode((i * 7919) % 128)).join('');
  const a = analyze(sshdDialect, junk);
  assert.ok(a.findings.filter((f) => f.rule === 'sshd/syntax').length <= MAX_SYNTAX_FINDINGS + 1);
  assert.ok(!a.findings.some((f) => f.rule === 'v6ready/internal-error'));
  for (const f of a.findings) assert.deepEqual(Object.keys(f.span).sort(), ['end', 'start']);

  const long = `ForceCommand ${'x'.repeat(1_000_000)} "${'y'.repeat(1000)}`;
  assert.ok(analyze(sshdDialect, long).findings.some((f) => /invalid quotes/.test(f.message)));

  const lines: string[] = [];
  for (let i = 0; i < 20_000; i++) lines.push(i % 10 === 0 ? `Match Address 10.${i % 250}.0.0/16` : `    PasswordAuthentication ${i % 2 ? 'yes' : 'no'} # ${i}`);
  const t0 = performance.now();
  const big = analyze(sshdDialect, `ListenAddress 127.0.0.1\n${lines.join('\n')}\n`);
  const ms = performance.now() - t0;
  assert.ok(ms < 5000, `20,000 lines took ${ms.toFixed(0)} ms`);
  assert.equal(big.findings.filter((f) => f.rule === 'sshd/ipv4-only-match').length, 2000);
});
