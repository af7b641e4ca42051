// named.conf completion through the Dialect: none inside comments and quoted strings, the usual entries elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bindDialect } from '../../server/src/dialects/bind';
import { bindCompletionsAt, inCommentOrString } from '../../server/src/dialects/bind/completion';
import type { BindModel } from '../../server/src/dialects/bind/model';
import { CompletionItemTag } from 'vscode-languageserver/node';
import { toCompletionItems } from '../../server/src/lsp/completion';
import { sendmailDialect } from '../../server/src/dialects/sendmail';
import { sshdDialect } from '../../server/src/dialects/sshd';

const complete = (text: string, offset = text.length) => {
  const model = bindDialect.parse(text).model as BindModel;
  return bindDialect.completions!(model, text, offset).map((e) => e.label);
};

/** Completion labels at the `|` in the text (at its end when there is none). */
const at = (marked: string) => {
  const i = marked.indexOf('|');
  return i < 0 ? complete(marked) : complete(marked.slice(0, i) + marked.slice(i + 1), i);
};

test('no completion in a comment: //, # and /* */, at top level and inside a block', () => {
  for (const text of [
    '// comment ',
    '# comment ',
    '/* comment ',
    '/* a\n   comment */ /* another ',
    'options {\n\tdirectory "/var/cache/bind"; // comment ',
    'options {\n\t# comment |\n};',
    'options { /* comment | */ };',
    'zone "example.test" {\n\ttype primary; # the primary ',
  ]) {
    assert.deepEqual(at(text), [], JSON.stringify(text));
  }
});

test('no completion inside a quoted string, terminated or not', () => {
  assert.deepEqual(complete('options {\n\tdirectory "/var/ca'), []);
  const text = 'options {\n\tdirectory "/var/cache/bind";\n};\n';
  assert.deepEqual(complete(text, text.indexOf('bind"')), []);
  assert.deepEqual(complete('include "a\\"b // not a comment'), [], 'an escaped quote does not end the string');
  // Where a bare word would get names or statements: a quoted list element, a quoted word where a clause starts.
  assert.deepEqual(complete('acl lan { 10.0.0.0/8; };\noptions {\n\tallow-query { "la'), []);
  assert.deepEqual(at('options {\n\t"dir|";\n};'), []);
});

test('completion still works next to comments and strings: after a line comment, after */, after a string', () => {
  assert.ok(complete('// comment\n').includes('options'), 'on the line after a comment');
  assert.ok(complete('/* comment */ ').includes('options'), 'after a closed block comment');
  const text = 'options {\n\tdirectory "/var/cache/bind"; // "quoted" in a comment\n\t\n};\n';
  assert.ok(complete(text, text.indexOf('\t\n};') + 1).includes('allow-query'), 'the next line of the block');
  const addr = 'acl a { 10.0.0.0/8; };\n';
  assert.ok(complete(addr).includes('options'), 'a `/` in a prefix starts no comment');
});

test('inCommentOrString: token boundaries', () => {
  const t = 'a # c\nb "s" /* k */ d';
  assert.equal(inCommentOrString(t, t.indexOf('#')), false, 'before the #');
  assert.equal(inCommentOrString(t, t.indexOf('#') + 1), true, 'right after the #');
  assert.equal(inCommentOrString(t, t.indexOf('\n')), true, 'at the end of the comment line');
  assert.equal(inCommentOrString(t, t.indexOf('\n') + 1), false, 'on the next line');
  assert.equal(inCommentOrString(t, t.indexOf('"s"') + 1), true, 'inside the string');
  assert.equal(inCommentOrString(t, t.indexOf('"s"') + 2), true, 'before the closing quote');
  assert.equal(inCommentOrString(t, t.indexOf('"s"') + 3), false, 'after the closing quote');
  assert.equal(inCommentOrString(t, t.indexOf('*/')), true, 'before */');
  assert.equal(inCommentOrString(t, t.indexOf('*/') + 2), false, 'after */');
});

test("a dnssec-policy's keys list offers no TSIG key names (its entries are key roles); a server's keys list does", () => {
  const defs = 'key "tsig1" { algorithm hmac-sha256; secret "c2VjcmV0"; };\n';
  assert.ok(!at(`${defs}dnssec-policy p {\n\tkeys {\n\t\t|\n\t};\n};`).includes('tsig1'));
  assert.ok(at(`${defs}server 192.0.2.1 {\n\tkeys { | };\n};`).includes('tsig1'));
});

test('server lists offer the lists of their own kind: primaries lists in primaries, parental-agents lists in parental-agents', () => {
  const defs = 'primaries up { 192.0.2.1; };\nparental-agents pa { 192.0.2.2; };\n';
  const primaries = at(defs + 'zone "z" { type secondary; file "z"; primaries { | }; };\n');
  assert.ok(primaries.includes('up') && !primaries.includes('pa'), primaries.join(' '));
  const agents = at(defs + 'zone "z" { type primary; file "z"; parental-agents { | }; };\n');
  assert.ok(agents.includes('pa') && !agents.includes('up'), agents.join(' '));
});

/** Completion labels at a line and column (0-based, as the LSP position), for a target version. */
const entriesAtPos = (text: string, line: number, character: number, target?: string) => {
  const lines = text.split('\n');
  let offset = character;
  for (let i = 0; i < line; i++) offset += lines[i].length + 1;
  const model = bindDialect.parse(text).model as BindModel;
  return bindCompletionsAt(model, text, offset, target);
};
const atPos = (text: string, line: number, character: number, target?: string) => entriesAtPos(text, line, character, target).map((e) => e.label);
/** The labels offered as current words (no deprecated tag), and those tagged deprecated, each sorted. */
const currentAt = (text: string, line: number, character: number, target?: string) =>
  entriesAtPos(text, line, character, target).filter((e) => !e.deprecated).map((e) => e.label).sort();
const deprecatedAt = (text: string, line: number, character: number, target?: string) =>
  entriesAtPos(text, line, character, target).filter((e) => e.deprecated === true).map((e) => e.label).sort();

test('after an option name: the values its shape takes in the target version, not option names', () => {
  // zone-type in lib/isccfg/namedconf.c; `master`/`slave` are synonyms and 9.18's named-checkconf calls
  // `type delegation-only` deprecated, so those are tagged deprecated; 9.20 no longer has delegation-only.
  const zone = 'zone "x" {\n    type \n};';
  const types = ['forward', 'hint', 'mirror', 'primary', 'redirect', 'secondary', 'static-stub', 'stub'];
  assert.deepEqual(currentAt(zone, 1, 9), types);
  assert.deepEqual(currentAt(zone, 1, 9, '9.20'), types);
  assert.deepEqual(deprecatedAt(zone, 1, 9), ['delegation-only', 'master', 'slave']);
  assert.deepEqual(deprecatedAt(zone, 1, 9, '9.20'), ['master', 'slave']);
  assert.deepEqual(atPos('options {\n    dnssec-validation \n};', 1, 22).sort(), ['auto', 'no', 'yes']);
  assert.deepEqual(atPos('options {\n    recursion \n};', 1, 14).sort(), ['no', 'yes']);
  // The word being typed is not a value already given: `type pri` still offers the types.
  assert.ok(atPos('zone "x" {\n    type pri\n};', 1, 12).includes('primary'));
  // Free-form values (a path, a number) get nothing rather than option names.
  assert.deepEqual(atPos('options {\n    directory \n};', 1, 14), []);
  assert.deepEqual(atPos('options {\n    port \n};', 1, 9), []);
  // With all its values given, a clause offers nothing more.
  assert.deepEqual(atPos('options {\n    recursion yes \n};', 1, 18), []);
  // A clause ended by `;` on the line: the next statement's names again.
  assert.ok(atPos('options {\n    recursion yes; \n};', 1, 19).includes('allow-query'));
});

test('after `key` in an address match list or a server list: only the key names', () => {
  const text = 'acl trusted { ::1; };\nkey k1 { algorithm hmac-sha256; secret "aGVsbG8="; };\noptions {\n    allow-transfer { key  };\n};';
  assert.deepEqual(atPos(text, 3, 25), ['k1']);
  const server = 'key k1 { algorithm hmac-sha256; secret "aGVsbG8="; };\nprimaries up { 192.0.2.1; };\nzone "z" { type secondary; file "z"; primaries { 192.0.2.2 key  }; };';
  assert.deepEqual(atPos(server, 2, 63), ['k1']);
  // Past an element's address, no list names (`up` would read as `192.0.2.2 up`).
  assert.ok(!atPos(server.replace('key  ', '  '), 2, 59).includes('up'));
});

test('statement names follow the target version and the zone type', () => {
  // named-checkconf 9.18: "option 'dscp' is obsolete and should be removed" (and random-device,
  // suppress-initial-notify): left out. `auto-dnssec` "is deprecated": still works, so offered with the tag.
  const options = atPos('options {\n    \n};', 1, 4);
  for (const n of ['dscp', 'random-device', 'suppress-initial-notify']) assert.ok(!options.includes(n), n);
  assert.ok(options.includes('listen-on-v6') && options.includes('recursion'));
  assert.ok(deprecatedAt('options {\n    \n};', 1, 4).includes('auto-dnssec'));
  for (const n of ['listen-on-v6', 'recursion', 'allow-query']) assert.ok(currentAt('options {\n    \n};', 1, 4).includes(n), n);
  // named-checkconf 9.18: "option 'multi-master' is not allowed in 'primary' zone".
  const primary = atPos('zone "x" {\n    type primary;\n    \n};', 2, 4);
  for (const n of ['multi-master', 'request-expire', 'request-ixfr', 'try-tcp-refresh', 'delegation-only']) assert.ok(!primary.includes(n), n);
  assert.ok(primary.includes('allow-transfer') && primary.includes('file'));
  const secondary = atPos('zone "x" {\n    type slave;\n    \n};', 2, 4);
  assert.ok(secondary.includes('multi-master') && secondary.includes('request-ixfr'), 'allowed in a secondary zone');
  // `template` is 9.21 only (lib/isccfg/namedconf.c of the development branch); 9.18 reads it as an unknown option.
  assert.ok(!atPos('\n', 0, 0).includes('template'));
  assert.ok(atPos('\n', 0, 0, '9.21').includes('template'));
  // An option 9.20 removed (named: "option 'dscp' no longer exists") stays out there too.
  assert.ok(!atPos('options {\n    \n};', 1, 4, '9.20').includes('random-device'));
});

test('old names of values (master, slave, master-only) are offered tagged deprecated; their current names are not tagged', () => {
  assert.deepEqual(currentAt('options {\n    check-names \n};', 1, 16), ['primary', 'response', 'secondary']);
  assert.deepEqual(deprecatedAt('options {\n    check-names \n};', 1, 16), ['master', 'slave']);
  assert.deepEqual(currentAt('options {\n    notify \n};', 1, 11), ['explicit', 'no', 'primary-only', 'yes']);
  assert.deepEqual(deprecatedAt('options {\n    notify \n};', 1, 11), ['master-only']);
  // Keywords after values already given, keywords the version flags obsolete left out (listen-on's `dscp`).
  assert.deepEqual(atPos('options {\n    listen-on-v6 port 53 \n};', 1, 25), ['tls', 'http']);
});

test('`masters` is the old name of `primaries`: tagged in a zone; the top-level `primaries` list is old from 9.20 on', () => {
  const zone = 'zone "x" {\n    type secondary;\n    \n};';
  assert.ok(deprecatedAt(zone, 2, 4).includes('masters'));
  assert.ok(currentAt(zone, 2, 4).includes('primaries') && !deprecatedAt(zone, 2, 4).includes('primaries'));
  assert.ok(deprecatedAt('\n', 0, 0).includes('masters') && currentAt('\n', 0, 0).includes('primaries'));
  assert.ok(deprecatedAt('\n', 0, 0, '9.20').includes('primaries') && currentAt('\n', 0, 0, '9.20').includes('remote-servers'));
  // A `port` in a source option still works but named-checkconf warns "token 'port' is deprecated".
  assert.deepEqual(deprecatedAt('options {\n    transfer-source 192.0.2.1 \n};', 1, 30), ['port']);
});

test('LSP items: deprecated entries get the Deprecated tag and sort after the current ones', () => {
  const items = toCompletionItems(
    [
      { label: 'slave', kind: 'keyword', deprecated: true },
      { label: 'secondary', kind: 'keyword' },
      { label: 'primary', kind: 'keyword', deprecated: false },
    ],
    true,
  );
  assert.deepEqual(items[0].tags, [CompletionItemTag.Deprecated]);
  assert.equal(items[1].tags, undefined);
  assert.equal(items[2].tags, undefined);
  const order = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0)).map((i) => i.label);
  assert.deepEqual(order, ['primary', 'secondary', 'slave']);
  // Entries that bring their own order keep it; a list with neither deprecated entries nor orders gets no sortText.
  const ranked = toCompletionItems([{ label: 'b', kind: 'value', sortText: '01' }, { label: 'a', kind: 'value', sortText: '02' }], false);
  assert.ok(ranked[0].sortText! < ranked[1].sortText!);
  assert.ok(toCompletionItems([{ label: 'a', kind: 'value' }], false).every((i) => i.sortText === undefined && i.tags === undefined));
  // Through the dialect: every entry of a zone-type position carries the tag exactly when it is deprecated.
  const text = 'zone "x" {\n    type \n};';
  const entries = entriesAtPos(text, 1, 9);
  const converted = toCompletionItems(entries, true);
  for (const [i, e] of entries.entries()) assert.equal(converted[i].tags?.includes(CompletionItemTag.Deprecated) ?? false, e.deprecated === true, e.label);
});

// The tag in the other dialects whose completion knows old words (no completion test file of their own).
test('sshd and sendmail completion tag their old words: without-password, Compression delayed, deprecated conf* names', () => {
  const sshd = (text: string) => sshdDialect.completions!(sshdDialect.parse(text).model, text, text.length);
  const root = sshd('PermitRootLogin ');
  assert.deepEqual(root.filter((e) => e.deprecated).map((e) => e.label), ['without-password']);
  assert.ok(root.some((e) => e.label === 'prohibit-password' && !e.deprecated));
  assert.deepEqual(sshd('Compression ').filter((e) => e.deprecated).map((e) => e.label), ['delayed']);
  assert.ok(sshd('AddressFamily ').every((e) => !e.deprecated));
  const d = "define(`conf')";
  const conf = sendmailDialect.completions!(sendmailDialect.parse(d).model, d, 8);
  const flag = (label: string) => conf.find((e) => e.label === label)?.deprecated;
  assert.equal(flag('confME_TOO'), true);
  assert.equal(flag('confDAEMON_OPTIONS'), true, 'obsolete: proto.m4 rewrites it');
  assert.equal(flag('confBIND_OPTS'), undefined);
});
