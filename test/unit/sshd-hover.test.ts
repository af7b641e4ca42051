// sshd_config hover docs, completion, symbols and folding: every keyword and criterion documented, links to
// sshd_config(5), context-aware completion (Match blocks allow fewer keywords), nothing throws on broken input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSshdText } from '../../grammars/sshd/parser';
import { KEYWORDS, MATCH_CRITERIA } from '../../server/src/dialects/sshd/catalogue';
import { CRITERION_DOCS, KEYWORD_DOCS } from '../../server/src/dialects/sshd/docs';
import { sshdCompletions, sshdHover } from '../../server/src/dialects/sshd/hover';
import { buildSshdModel, type SshdModel } from '../../server/src/dialects/sshd/model';
import { sshdFolding, sshdSymbols } from '../../server/src/dialects/sshd/outline';

function parse(text: string): SshdModel {
  return buildSshdModel(parseSshdText(text).cst);
}

function at(text: string, needle: string, nth = 0, delta = 1): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `'${needle}' #${nth} not in the sample`);
  }
  return i + delta;
}

const SAMPLE = `# bastion
Port 2222
AddressFamily inet
ListenAddress 127.0.0.1
Protocol 2
Frobnicate yes
Match User alice Address 192.0.2.0/24,2001:db8::/32
    PasswordAuthentication yes
    X11Forwarding no

Match All
    AllowTcpForwarding no
`;

test('every catalogue keyword and Match criterion has docs in our words, and every doc belongs to one', () => {
  for (const k of KEYWORDS.values()) {
    const d = KEYWORD_DOCS[k.name.toLowerCase()];
    assert.ok(d, `no docs for ${k.name}`);
    assert.ok(d.text.length > 15 && d.syntax.length > 0, `thin docs for ${k.name}`);
  }
  for (const key of Object.keys(KEYWORD_DOCS)) assert.ok(KEYWORDS.has(key), `docs for unknown keyword ${key}`);
  for (const c of MATCH_CRITERIA.values()) assert.ok(CRITERION_DOCS[c.name.toLowerCase()], `no docs for Match ${c.name}`);
  // Every current keyword states its default or is one that has none worth saying.
  const noDefault = [...KEYWORDS.values()].filter((k) => k.status === 'current' && !KEYWORD_DOCS[k.name.toLowerCase()].default).map((k) => k.name);
  assert.ok(noDefault.length < 30, `too many keywords without a default: ${noDefault.join(', ')}`);
});

test('hover on a keyword gives meaning, default, IPv6 note, Match permission and a link to sshd_config(5)', () => {
  const m = parse(SAMPLE);
  const h = sshdHover(m, SAMPLE, at(SAMPLE, 'AddressFamily'))!;
  assert.ok(h);
  assert.match(h.markdown, /^\*\*AddressFamily\*\* — global only/);
  assert.match(h.markdown, /\*\*Default:\*\* any/);
  assert.match(h.markdown, /\*\*IPv6:\*\* `inet` makes sshd IPv4-only/);
  assert.match(h.markdown, /\(https:\/\/man\.openbsd\.org\/sshd_config#AddressFamily\)/);
  assert.deepEqual(h.span, { start: SAMPLE.indexOf('AddressFamily'), end: SAMPLE.indexOf('AddressFamily') + 'AddressFamily'.length });

  const inMatch = sshdHover(m, SAMPLE, at(SAMPLE, 'PasswordAuthentication'))!;
  assert.match(inMatch.markdown, /global or inside Match/);
  const listen = sshdHover(m, SAMPLE, at(SAMPLE, 'ListenAddress'))!;
  assert.match(listen.markdown, /\[::1\]:2222/);
});

test('hover on deprecated and unknown keywords, Match criteria and fixed values', () => {
  const m = parse(SAMPLE);
  assert.match(sshdHover(m, SAMPLE, at(SAMPLE, 'Protocol'))!.markdown, /Ignored since OpenSSH 7\.4/);
  assert.match(sshdHover(m, SAMPLE, at(SAMPLE, 'Frobnicate'))!.markdown, /Bad configuration option: Frobnicate/);
  const crit = sshdHover(m, SAMPLE, at(SAMPLE, 'Address 192'))!;
  assert.match(crit.markdown, /^\*\*Match Address\*\*/);
  assert.match(crit.markdown, /2001:db8::\/32/);
  const value = sshdHover(m, SAMPLE, at(SAMPLE, 'inet'))!;
  assert.match(value.markdown, /^\*\*inet\*\* — value of `AddressFamily`\n\nIPv4 only/);
  assert.equal(sshdHover(m, SAMPLE, at(SAMPLE, '# bastion')), undefined);
  assert.equal(sshdHover(m, SAMPLE, at(SAMPLE, '2222')), undefined);
});

test('completion: keywords at the start of a line (fewer inside Match), values after enum keywords, criteria after Match', () => {
  const top = 'Port 22\nList';
  const labels = (text: string, offset = text.length) => sshdCompletions(parse(text), text, offset).map((c) => c.label);
  const atTop = labels(top);
  assert.ok(atTop.includes('ListenAddress') && atTop.includes('AddressFamily') && atTop.includes('Match'));
  assert.ok(!atTop.includes('Protocol') && !atTop.includes('ChallengeResponseAuthentication'), 'no deprecated keywords offered');

  const inBlock = 'Match User a\n    ';
  const inside = labels(inBlock);
  assert.ok(inside.includes('PasswordAuthentication') && !inside.includes('ListenAddress') && !inside.includes('Port'));
  const afterAll = 'Match User a\n  X11Forwarding no\nMatch All\n';
  assert.ok(labels(afterAll).includes('ListenAddress'));

  assert.deepEqual(labels('AddressFamily '), ['any', 'inet', 'inet6']);
  assert.deepEqual(labels('AddressFamily=i'), ['any', 'inet', 'inet6']);
  assert.deepEqual(labels('PermitTunnel '), ['yes', 'point-to-point', 'ethernet', 'no']);
  assert.deepEqual(labels('AddressFamily any '), []);
  assert.deepEqual(labels('Banner '), []);
  assert.ok(labels('Match ').includes('Address') && labels('Match ').includes('LocalAddress'));
  assert.deepEqual(labels('# comment '), []);
  const doc = sshdCompletions(parse(''), '', 0).find((c) => c.label === 'ListenAddress')!;
  assert.match(doc.documentation ?? '', /\*\*IPv6:\*\*/);
});

test('symbols: one per Match block with its lines as children; folding for blocks that span lines', () => {
  const m = parse(SAMPLE);
  const syms = sshdSymbols(m);
  assert.deepEqual(syms.map((s) => s.name), ['Match User alice Address 192.0.2.0/24,2001:db8::/32', 'Match All']);
  assert.deepEqual(syms[0].children.map((c) => c.name), ['PasswordAuthentication', 'X11Forwarding']);
  assert.equal(syms[0].kind, 'namespace');
  assert.ok(syms[0].span.start <= syms[0].selection.start && syms[0].selection.end <= syms[0].span.end);
  assert.equal(SAMPLE.slice(syms[0].span.start, syms[0].span.end).split('\n').length, 3);
  assert.equal(sshdFolding(m, SAMPLE).length, 2);
});

test('hover, completion and symbols survive broken input', () => {
  for (const text of ['', 'Match', 'Match ', 'Match User', '"', '=', 'ListenAddress [', '\u0000', 'Port "22', 'a b c\n\n\nMatch All x']) {
    const m = parse(text);
    for (let off = 0; off <= text.length; off++) {
      sshdHover(m, text, off);
      sshdCompletions(m, text, off);
    }
    sshdSymbols(m);
    sshdFolding(m, text);
  }
});

// `sshd -T -f <empty file> -h <key>` of Debian 12's sshd (OpenSSH_9.2p1 Debian-2+deb12u10), run under `unshare -m -n`
// with a tmpfs on /run holding /run/sshd: the values sshd uses when a keyword is not set. Lists of algorithms, the
// host keys and the listen addresses are left out (their docs state no single value).
const DEBIAN_SSHD_T = `port 22
addressfamily any
usepam no
logingracetime 120
x11displayoffset 10
maxauthtries 6
maxsessions 10
clientaliveinterval 0
clientalivecountmax 3
requiredrsasize 1024
streamlocalbindmask 0177
unusedconnectiontimeout none
permitrootlogin without-password
ignorerhosts yes
ignoreuserknownhosts no
hostbasedauthentication no
hostbasedusesnamefrompacketonly no
pubkeyauthentication yes
kerberosauthentication no
kerberosorlocalpasswd yes
kerberosticketcleanup yes
gssapiauthentication no
gssapicleanupcredentials yes
gssapikeyexchange no
gssapistrictacceptorcheck yes
gssapistorecredentialsonrekey no
passwordauthentication yes
kbdinteractiveauthentication yes
printmotd yes
printlastlog yes
x11forwarding no
x11uselocalhost yes
permittty yes
permituserrc yes
strictmodes yes
tcpkeepalive yes
permitemptypasswords no
compression yes
gatewayports no
usedns no
allowtcpforwarding yes
allowagentforwarding yes
disableforwarding no
allowstreamlocalforwarding yes
streamlocalbindunlink no
fingerprinthash SHA256
exposeauthinfo no
pidfile /run/sshd.pid
modulifile /etc/ssh/moduli
xauthlocation /usr/bin/xauth
banner none
forcecommand none
chrootdirectory none
trustedusercakeys none
revokedkeys none
securitykeyprovider internal
authorizedprincipalsfile none
versionaddendum none
authorizedkeyscommand none
authorizedkeyscommanduser none
authorizedprincipalscommand none
authorizedprincipalscommanduser none
hostkeyagent none
loglevel INFO
syslogfacility AUTH
authorizedkeysfile .ssh/authorized_keys .ssh/authorized_keys2
authenticationmethods any
maxstartups 10:30:100
persourcemaxstartups none
persourcenetblocksize 32:128
permittunnel no
ipqos lowdelay throughput
rekeylimit 0 0
permitopen any
permitlisten any
permituserenvironment no
pubkeyauthoptions none`;

// How `sshd -T` spells a value that the docs (and sshd_config(5)) spell otherwise: the same setting.
const T_SPELLING: Record<string, string> = {
  'permitrootlogin without-password': 'prohibit-password',
  'rekeylimit 0 0': 'default none',
};

test('every documented default is what Debian 12\'s sshd -T prints for an empty config, or carries a "Debian:" note saying that', () => {
  const wrong: string[] = [];
  for (const line of DEBIAN_SSHD_T.split('\n')) {
    const [key, ...rest] = line.split(' ');
    const value = T_SPELLING[line] ?? rest.join(' ');
    const doc = KEYWORD_DOCS[key];
    assert.ok(doc, `no docs for ${key}`);
    const d = (doc.default ?? '').toLowerCase();
    const v = value.toLowerCase();
    const upstream = d === v || d.startsWith(`${v} `);
    const debian = d.includes(`debian: ${v})`) || d.includes(`debian: ${v};`);
    if (!upstream && !debian) wrong.push(`${key}: docs say '${doc.default ?? '(nothing)'}', Debian's sshd -T '${value}'`);
  }
  assert.deepEqual(wrong, []);
});

test('hover on ModuliFile and IPQoS: the upstream default, and Debian\'s where it differs', () => {
  const text = 'ModuliFile /etc/ssh/moduli\nIPQoS af21\nPermitRootLogin no\n';
  const m = parse(text);
  assert.match(sshdHover(m, text, at(text, 'ModuliFile'))!.markdown, /\*\*Default:\*\* \/etc\/moduli \(Debian: \/etc\/ssh\/moduli\)/);
  assert.match(sshdHover(m, text, at(text, 'IPQoS'))!.markdown, /\*\*Default:\*\* af21 cs1 \(OpenSSH 9\.x; Debian: lowdelay throughput\)/);
  assert.match(sshdHover(m, text, at(text, 'PermitRootLogin'))!.markdown, /\*\*Default:\*\* prohibit-password \(`sshd -T` prints it by its old name, without-password\)/);
});
