// The .mc grammar reads text the way m4 does: nested quotes, dnl, `#` (a comment only before the file's own
// include of cf.m4), argument splitting, opaque LOCAL_CONFIG lines; it reports broken quotes and parentheses
// where they open, and never throws on bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CallNode, TopNode } from '../../grammars/sendmail/cst';
import { argValue } from '../../grammars/sendmail/cst';
import { parseMcText, MAX_NESTING } from '../../grammars/sendmail/parser';
import { analyze } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/text';
import { sendmailDialect } from '../../server/src/dialects/sendmail';

function calls(items: TopNode[]): CallNode[] {
  return items.filter((i): i is CallNode => i.kind === 'call');
}

function lineOf(text: string, offset: number): number {
  return new LineIndex(text).lineOf(offset) + 1;
}

test('nested quotes, arguments and values as m4 passes them', () => {
  const text = "define(`confX', ``a, b'')dnl\nFEATURE(access_db, , `hash -o /etc/mail/access')\n";
  const out = parseMcText(text);
  assert.deepEqual(out.problems, []);
  const [def, feat] = calls(out.cst.items);
  assert.equal(def.name, 'define');
  assert.equal(def.args.length, 2);
  assert.equal(argValue(text, def.args[1]), '`a, b\'');
  assert.equal(feat.args.length, 3);
  assert.equal(argValue(text, feat.args[0]), 'access_db');
  assert.equal(argValue(text, feat.args[1]), '');
  assert.equal(argValue(text, feat.args[2]), 'hash -o /etc/mail/access');
});

test('an unquoted argument is split at its commas; parentheses inside keep commas together', () => {
  const text = 'DAEMON_OPTIONS(Port=2525, Name=MTA, Family=inet6)\nfoo(x)\nifelse(a, (b, c), d)\n';
  const [d, , ife] = calls(parseMcText(text).cst.items);
  assert.equal(d.args.length, 3);
  assert.equal(ife.args.length, 3);
});

test('dnl comments run to the end of the line and are collected; `dnl` inside a word is not one', () => {
  const text = "dnl first\nFEATURE(`x')dnl trailing\nxdnl(`y')\n";
  const out = parseMcText(text);
  assert.deepEqual(out.comments.map((c) => c.body), [' first', ' trailing']);
  assert.deepEqual(calls(out.cst.items).map((c) => c.name), ['FEATURE', 'xdnl']);
});

test('`#` is an m4 comment only before the file includes cf.m4 itself; afterwards its line is live text', () => {
  const debian = "divert(-1)dnl\n# FEATURE(`nullclient') in the header\ninclude(`/usr/share/sendmail/cf/m4/cf.m4')dnl\n# FEATURE(`use_cw_file') after\n";
  const a = parseMcText(debian);
  assert.equal(a.comments.filter((c) => !c.body.startsWith(' ') || c.body.includes('nullclient')).length >= 1, true);
  assert.deepEqual(calls(a.cst.items).map((c) => c.name), ['divert', 'include', 'FEATURE']);
  assert.equal(a.cst.hashes.length, 1);
  const plain = "# FEATURE(`use_cw_file') with cf.m4 given on the command line\n";
  const b = parseMcText(plain);
  assert.deepEqual(calls(b.cst.items).map((c) => c.name), ['FEATURE']);
  assert.equal(b.comments.length, 0);
});

test('an unknown name takes an argument list only when its `)` is on the same line', () => {
  const text = "see sendmail(8) for details\nUNKNOWN(`a',\n`b')\nMAILER(`smtp')\n";
  const out = parseMcText(text);
  assert.deepEqual(out.problems, []);
  assert.deepEqual(calls(out.cst.items).map((c) => c.name), ['sendmail', 'MAILER']);
});

test('a quote left open is reported where it opens, and parsing resumes on the next line', () => {
  const text = "OSTYPE(`linux')dnl\nDAEMON_OPTIONS(`Port=2525, Name=MTA-v6, Family=inet6)dnl\nMAILER(`local')dnl\nMAILER(`smtp')dnl\n";
  const out = parseMcText(text);
  assert.equal(out.problems.length, 1);
  assert.match(out.problems[0].message, /unterminated quote/);
  assert.equal(lineOf(text, out.problems[0].start), 2);
  assert.deepEqual(calls(out.cst.items).map((c) => c.name), ['OSTYPE', 'DAEMON_OPTIONS', 'MAILER', 'MAILER']);
});

test('a quote that swallows the next statements is reported on its own line', () => {
  const text = "DAEMON_OPTIONS(`Port=2525, Family=inet6)dnl\nFEATURE(`x')dnl\ndefine(`confY', `z')dnl don't\n";
  const out = parseMcText(text);
  // Inside the open quote the apostrophe of "don't" closes it: m4 does not fail, it swallows two lines.
  assert.equal(out.problems.length, 1);
  assert.match(out.problems[0].message, /not closed on its line/);
  assert.equal(lineOf(text, out.problems[0].start), 1);
});

test('quotes and argument lists that span lines on purpose are fine', () => {
  const text = "define(`confPRIVACY_FLAGS',dnl\n`needmailhelo,noexpn')dnl\ndefine(`confRECEIVED_HEADER', `$?sfrom $s $.$?_($?s$|from $.$_)\n\t$.by $j ($v/$Z)')dnl\nifdef(`X', `dnl\nFEATURE(`y')\n')\n";
  assert.deepEqual(parseMcText(text).problems, []);
});

test('a missing `)` is reported at the call, not at the end of the file', () => {
  const text = "OSTYPE(`linux')dnl\nDAEMON_OPTIONS(`Port=2525, Family=inet6'dnl\nMAILER(`local')dnl\nMAILER(`smtp')dnl\n";
  const out = parseMcText(text);
  assert.equal(out.problems.length, 1);
  assert.match(out.problems[0].message, /missing '\)'/);
  assert.equal(lineOf(text, out.problems[0].start), 2);
  assert.deepEqual(calls(out.cst.items).map((c) => c.name), ['OSTYPE', 'DAEMON_OPTIONS', 'MAILER', 'MAILER']);
});

test('a stray `)` right after a call is reported; other parentheses in text are not', () => {
  const out = parseMcText("FEATURE(`x'))dnl\n# (a comment in parentheses)\n");
  assert.equal(out.problems.length, 1);
  assert.match(out.problems[0].message, /closes nothing/);
});

test('LOCAL_CONFIG and LOCAL_RULESETS lines are opaque sendmail.cf text; m4 lines among them are calls', () => {
  const text = [
    'MAILER(`smtp\')',
    'LOCAL_CONFIG',
    'Kcheckaddress regex -a@MATCH',
    '   ^([0-9]+<@(aol|msn)\\.com|[0-9][^<]*<@juno\\.com)\\.?>',
    "define(`confX', `y')",
    'LOCAL_RULESETS',
    'SLocal_check_rcpt',
    'R$*\t$: $(checkaddress $1 $)',
    'divert(0)',
    'UNKNOWN(x)',
    '',
  ].join('\n');
  const out = parseMcText(text);
  assert.deepEqual(out.problems, []);
  const kinds = out.cst.items.map((i) => (i.kind === 'call' ? i.name : i.kind === 'word' ? i.image : i.kind));
  assert.deepEqual(kinds, ['MAILER', 'LOCAL_CONFIG', 'opaque', 'opaque', 'define', 'LOCAL_RULESETS', 'opaque', 'opaque', 'divert', 'UNKNOWN']);
});

test('bad input never throws: deep nesting, lone quotes, control bytes, invalid UTF-8 replacement characters', () => {
  const inputs = [
    'F('.repeat(10_000),
    '`'.repeat(10_000),
    "'".repeat(10_000) + ')'.repeat(100),
    'define(`a\', `'.repeat(3000),
    '\u0000\u0001\u0002 FEATURE(\u0007) \ufffd\ufffd LOCAL_CONFIG\n\ufffd(\n',
    'DAEMON_OPTIONS(' + 'x,'.repeat(5000),
    'LOCAL_CONFIG\n' + '(`\n'.repeat(2000),
    '',
  ];
  for (const text of inputs) {
    const out = parseMcText(text);
    assert.ok(Array.isArray(out.problems));
    const a = analyze(sendmailDialect, text);
    assert.ok(!a.findings.some((f) => f.rule === 'v6ready/internal-error'), a.findings.map((f) => f.message).join('\n'));
  }
  const deep = parseMcText('F('.repeat(MAX_NESTING * 3) + ')'.repeat(MAX_NESTING * 3));
  assert.ok(deep.problems.some((p) => /nested more than/.test(p.message)));
});

test('a large file parses in linear time', () => {
  const unit = "FEATURE(`access_db')dnl\nDAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family=inet6')dnl\n# a comment FEATURE(`x')\nLOCAL_CONFIG\nKfoo hash /etc/mail/foo\ndivert(0)dnl\n";
  const small = unit.repeat(500);
  const big = unit.repeat(5000);
  parseMcText(small);
  const t0 = performance.now();
  parseMcText(small);
  const t1 = performance.now();
  parseMcText(big);
  const t2 = performance.now();
  // Ten times the text should take about ten times as long; allow generous noise, not quadratic growth.
  assert.ok(t2 - t1 < Math.max(40 * (t1 - t0), 2000), `small ${Math.round(t1 - t0)} ms, big ${Math.round(t2 - t1)} ms`);
});
