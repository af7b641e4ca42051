// named.conf hover docs, completion and TextMate grammar: coverage of BIND's clauses, context-aware lookup, grammar validity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBindText } from '../../grammars/bind/parser';
import { buildBindModel, type BindModel } from '../../server/src/dialects/bind/model';
import { bindCompletions, bindHover } from '../../server/src/dialects/bind/hover';
import { BIND_DOCS, PREDEFINED_ACLS, TOP_LEVEL_STATEMENTS, docFor } from '../../server/src/dialects/bind/docs';
import { clauseDef, clausesIn, mapContexts } from '../../server/src/dialects/bind/catalogue';

const root = fileURLToPath(new URL('../../', import.meta.url));

// The model is what bindDialect.parse builds; parsing here directly keeps this test independent of the rule set.
function parse(text: string): BindModel {
  return buildBindModel(parseBindText(text).cst);
}

/** Offset of the `nth` occurrence of `needle`, plus `delta` (1 = inside its first character). */
function at(text: string, needle: string, nth = 0, delta = 1): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `'${needle}' #${nth} not in the sample`);
  }
  return i + delta;
}

const SAMPLE = `acl trusted { 2001:db8::/32; 192.0.2.0/24; };
options {
    directory "/var/cache/bind";
    listen-on port 5353 { 127.0.0.1; };
    listen-on-v6 port 5353 { ::1; !localhost; localnets; };
    allow-recursion { trusted; };

};
controls { inet ::1 port 953 allow { localhost; } keys { "rndc-key"; }; };
logging { channel main { file "named.log" versions 3; severity info; }; category default { main; }; };
zone "example.com" { type primary; file "db.example.com"; };
options { type primary; };
`;

// Every top-level statement of BIND 9.18 and 9.20 (template: 9.21+).
const STATEMENTS = [
  'acl', 'controls', 'dlz', 'dnssec-policy', 'dyndb', 'http', 'include', 'key', 'key-store', 'logging', 'managed-keys',
  'masters', 'primaries', 'options', 'parental-agents', 'plugin', 'remote-servers', 'server', 'statistics-channels',
  'template', 'tls', 'trust-anchors', 'trusted-keys', 'view', 'zone',
];

test('hover over listen-on-v6 in options gives the default, the IPv6 note and an https link', () => {
  const model = parse(SAMPLE);
  const h = bindHover(model, SAMPLE, at(SAMPLE, 'listen-on-v6'));
  assert.ok(h, 'a hover');
  assert.deepEqual(h.span, { start: at(SAMPLE, 'listen-on-v6', 0, 0), end: at(SAMPLE, 'listen-on-v6', 0, 12) });
  assert.match(h.markdown, /^\*\*listen-on-v6\*\* — options/);
  assert.match(h.markdown, /\*\*Default:\*\*.*listen-on-v6 port 53 \{ any; \}/);
  assert.match(h.markdown, /\*\*IPv6:\*\*.*port 53/);
  assert.match(h.markdown, /\]\(https:\/\/bind9\.readthedocs\.io\/en\/v9\.18\/reference\.html#namedconf-statement-listen-on-v6\)/);
  assert.match(h.markdown, /```bind-named\nlisten-on-v6 \[ port <integer> \]/);
});

test('hover over listen-on says IPv6 addresses there are ignored', () => {
  const model = parse(SAMPLE);
  const h = bindHover(model, SAMPLE, at(SAMPLE, 'listen-on port'));
  assert.ok(h);
  assert.match(h.markdown, /^\*\*listen-on\*\*/);
  assert.match(h.markdown, /\*\*IPv6:\*\* IPv4 only\..*listen-on-v6/);
});

test('hover over `type` in a zone differs from `type` where BIND does not accept it', () => {
  const model = parse(SAMPLE);
  const inZone = bindHover(model, SAMPLE, at(SAMPLE, 'type primary', 0));
  const inOptions = bindHover(model, SAMPLE, at(SAMPLE, 'type primary', 1));
  assert.ok(inZone && inOptions);
  assert.notEqual(inZone.markdown, inOptions.markdown);
  assert.doesNotMatch(inZone.markdown, /Not valid/);
  assert.match(inOptions.markdown, /Not valid in `options`/);
  assert.match(inZone.markdown, /`master` and `slave`/);
});

test('per-context docs: `file` in a zone and in a logging channel, `inet` in controls', () => {
  const model = parse(SAMPLE);
  const channel = bindHover(model, SAMPLE, at(SAMPLE, 'file "named.log"'));
  const zone = bindHover(model, SAMPLE, at(SAMPLE, 'file "db.example.com"'));
  assert.ok(channel && zone);
  assert.match(channel.markdown, /versions/);
  assert.doesNotMatch(zone.markdown, /versions/);
  const inet = bindHover(model, SAMPLE, at(SAMPLE, 'inet'));
  assert.ok(inet);
  assert.match(inet.markdown, /`::`/);
  assert.equal(docFor('dnssec-policy', 'zone')?.syntax, 'dnssec-policy <name>;');
  assert.match(docFor('dnssec-policy', 'top')!.syntax, /\{/);
});

test('hover over argument keywords and predefined ACLs', () => {
  const model = parse(SAMPLE);
  const allow = bindHover(model, SAMPLE, at(SAMPLE, 'allow {'));
  assert.ok(allow);
  assert.match(allow.markdown, /^\*\*allow\*\* — argument of `inet` \(controls\)/);
  const port = bindHover(model, SAMPLE, at(SAMPLE, 'port 5353', 1));
  assert.ok(port);
  assert.match(port.markdown, /Not taken from listen-on/);

  for (const [needle, nth] of [['localhost', 0], ['localnets', 0], ['localhost', 1]] as const) {
    const h = bindHover(model, SAMPLE, at(SAMPLE, needle, nth));
    assert.ok(h, `${needle} #${nth}`);
    assert.match(h.markdown, new RegExp(`^\\*\\*${needle}\\*\\* — predefined address match list`));
    assert.match(h.markdown, /\*\*IPv6:\*\*.*IPv6/);
  }
  // A user ACL name, a value and whitespace have no hover.
  assert.equal(bindHover(model, SAMPLE, at(SAMPLE, 'trusted; }')), undefined);
  assert.equal(bindHover(model, SAMPLE, at(SAMPLE, '"/var/cache/bind"')), undefined);
  assert.equal(bindHover(model, SAMPLE, at(SAMPLE, '\n\n};', 0, 1)), undefined);
});

test('every top-level statement of BIND 9.18/9.20 has docs, and they are the top-level list', () => {
  for (const name of STATEMENTS) {
    const d = docFor(name, 'top');
    assert.ok(d, `${name} documented`);
    assert.ok(d.validHere, `${name} valid at top level`);
    assert.ok(d.syntax.startsWith(name), `${name} syntax starts with its name`);
  }
  assert.deepEqual([...TOP_LEVEL_STATEMENTS].sort(), [...STATEMENTS].sort());
});

test('at least 60 options and clauses are documented, each complete', () => {
  const options = Object.keys(BIND_DOCS).filter((n) => !BIND_DOCS[n].contexts.includes('top'));
  assert.ok(options.length >= 60, `${options.length} option docs`);
  const mustHave = [
    'directory', 'listen-on', 'listen-on-v6', 'allow-query', 'allow-query-cache', 'allow-recursion', 'allow-transfer',
    'allow-update', 'allow-notify', 'also-notify', 'notify', 'notify-source', 'notify-source-v6', 'transfer-source',
    'transfer-source-v6', 'query-source', 'query-source-v6', 'forwarders', 'forward', 'recursion', 'dnssec-validation',
    'type', 'file', 'pid-file', 'session-keyfile', 'managed-keys-directory', 'max-cache-size', 'version', 'hostname',
    'server-id', 'empty-zones-enable', 'querylog', 'minimal-responses', 'auth-nxdomain', 'rate-limit', 'response-policy',
    'check-names', 'dual-stack-servers', 'use-v4-udp-ports', 'use-v6-udp-ports', 'avoid-v4-udp-ports',
    'avoid-v6-udp-ports', 'match-clients', 'match-destinations', 'match-recursive-only', 'in-view', 'update-policy',
    'key-directory', 'inline-signing', 'serial-update-method', 'zone-statistics', 'statistics-file', 'dump-file',
    'memstatistics-file', 'blackhole', 'sortlist', 'edns-udp-size', 'max-udp-size', 'tcp-clients', 'recursive-clients',
    'channel', 'category', 'severity', 'print-time', 'algorithm', 'secret', 'inet',
  ];
  for (const n of mustHave) assert.ok(BIND_DOCS[n], `${n} documented`);
  assert.equal(docFor('primaries', 'zone')?.validHere, true);
  assert.equal(docFor('masters', 'zone')?.validHere, true);
  assert.equal(docFor('dnssec-policy', 'zone')?.validHere, true);

  const sentences = (s: string) => s.split(/(?<!\be\.g|\bi\.e|\betc)[.!?](?:\s+|$)(?=[A-Z`(]|$)/).filter((x) => x.trim()).length;
  for (const [name, doc] of Object.entries(BIND_DOCS)) {
    assert.ok(doc.contexts.length > 0, `${name}: contexts`);
    for (const ctx of doc.contexts) {
      const d = docFor(name, ctx)!;
      assert.ok(d.syntax.trim(), `${name}/${ctx}: syntax`);
      assert.ok(d.description.trim(), `${name}/${ctx}: description`);
      assert.ok(sentences(d.description) <= 3, `${name}/${ctx}: at most 3 sentences`);
      assert.match(d.link, /^https:\/\/bind9\.readthedocs\.io\/en\/(v9\.18|v9\.20|latest)\//, `${name}/${ctx}: link`);
    }
    for (const ctx of Object.keys(doc.byContext ?? {})) {
      assert.ok((doc.contexts as readonly string[]).includes(ctx), `${name}: override for a context it is valid in (${ctx})`);
    }
  }
  for (const n of ['any', 'none', 'localhost', 'localnets']) assert.ok(PREDEFINED_ACLS[n]);
  assert.match(PREDEFINED_ACLS.localhost.ipv6, /::1/);
  assert.match(PREDEFINED_ACLS.localnets.ipv6, /IPv6 prefixes/);
});

test('every clause BIND 9.18 accepts (not ancient) has a hover doc that is valid in that context', () => {
  // From the catalogue (namedconf.c of 9.18): active, deprecated, obsolete and test-only clauses of every map
  // context. `include` is the parser's, allowed in any block, and documented as a statement.
  const missing = new Set<string>();
  const misplaced: string[] = [];
  let checked = 0;
  for (const ctx of mapContexts()) {
    for (const name of clausesIn(ctx, '9.18')) {
      if (clauseDef(ctx, name)?.synthetic) continue;
      checked++;
      const d = docFor(name, ctx);
      if (!d) missing.add(name);
      else if (!d.validHere) misplaced.push(`${name} in ${ctx}`);
    }
  }
  assert.ok(checked > 300, `${checked} clauses checked`);
  assert.deepEqual([...missing].sort(), [], `${missing.size} clauses of BIND 9.18 without a hover doc`);
  assert.deepEqual(misplaced, [], 'docs whose contexts leave out one where 9.18 accepts the clause');
});

test('hover over options the audit found bare: resolver, transfer and zone limits', () => {
  const text = [
    'options {',
    '    min-ncache-ttl 60; min-cache-ttl 30; serial-query-rate 50; update-quota 20;',
    '    nocookie-udp-size 1232; stale-refresh-time 0; max-query-count 100;',
    '};',
    'zone "example.com" { type primary; file "db"; sig-validity-interval 21; max-transfer-time-out 60; max-transfer-idle-out 30; };',
    '',
  ].join('\n');
  const model = parse(text);
  for (const name of ['min-ncache-ttl', 'min-cache-ttl', 'serial-query-rate', 'update-quota', 'nocookie-udp-size',
    'stale-refresh-time', 'max-query-count', 'sig-validity-interval', 'max-transfer-time-out', 'max-transfer-idle-out']) {
    const h = bindHover(model, text, at(text, `${name} `));
    assert.ok(h, `${name}: a hover`);
    assert.match(h.markdown, new RegExp(`^\\*\\*${name}\\*\\* — `), name);
    assert.doesNotMatch(h.markdown, /Not valid/, name);
    assert.ok(h.markdown.includes(`(https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-${name})`), `${name}: link`);
  }
  const ttl = bindHover(model, text, at(text, 'min-ncache-ttl'))!;
  assert.match(ttl.markdown, /\*\*Default:\*\* 0/);
  assert.match(ttl.markdown, /90/);
});

test('the *-source options state that they take only their own family', () => {
  for (const n of ['notify-source', 'transfer-source', 'query-source']) {
    assert.match(BIND_DOCS[n].ipv6 ?? '', /IPv4 only/, n);
    assert.match(BIND_DOCS[`${n}-v6`].ipv6 ?? '', /IPv6 only/, `${n}-v6`);
  }
});

test('completions inside options offer options (listen-on-v6 with a snippet), not zone-only clauses', () => {
  const model = parse(SAMPLE);
  const items = bindCompletions(model, SAMPLE, at(SAMPLE, '\n\n};', 0, 1));
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes('listen-on-v6'));
  assert.ok(labels.includes('allow-query'));
  for (const zoneOnly of ['type', 'file', 'in-view', 'update-policy', 'zone', 'options']) assert.ok(!labels.includes(zoneOnly), zoneOnly);
  const v6 = items.find((i) => i.label === 'listen-on-v6')!;
  assert.equal(v6.kind, 'property');
  assert.equal(v6.snippet, 'listen-on-v6 { ${1:any}; };');
  assert.match(v6.documentation ?? '', /IPv6/);
});

test('completions at top level offer the statements, with snippets for zone, acl and view', () => {
  const model = parse(SAMPLE);
  for (const offset of [0, SAMPLE.length, at(SAMPLE, 'controls', 0, 0)]) {
    const items = bindCompletions(model, SAMPLE, offset);
    const labels = items.map((i) => i.label);
    for (const n of ['zone', 'options', 'acl', 'view', 'logging', 'key']) assert.ok(labels.includes(n), `${n} at ${offset}`);
    assert.ok(!labels.includes('listen-on'), 'no options at top level');
    for (const n of ['zone', 'acl', 'view']) assert.ok(items.find((i) => i.label === n)?.snippet, `${n} snippet`);
  }
});

test('completions follow the enclosing block: zone, channel, lists, argument keywords, unclosed blocks', () => {
  const model = parse(SAMPLE);
  const inZone = bindCompletions(model, SAMPLE, at(SAMPLE, 'file "db.example.com"', 0, 0)).map((i) => i.label);
  // The SAMPLE zone is `type primary`: no primaries there (named-checkconf: "not allowed in 'primary' zone").
  assert.ok(inZone.includes('type') && inZone.includes('allow-transfer') && !inZone.includes('primaries') && !inZone.includes('listen-on-v6'));
  const inChannel = bindCompletions(model, SAMPLE, at(SAMPLE, 'severity', 0, 0)).map((i) => i.label);
  assert.ok(inChannel.includes('print-time') && inChannel.includes('file') && !inChannel.includes('type'));

  const inList = bindCompletions(model, SAMPLE, at(SAMPLE, '::1; !localhost', 0, 0));
  assert.deepEqual(inList.map((i) => i.label).sort(), ['any', 'localhost', 'localnets', 'none', 'trusted']);
  assert.ok(inList.every((i) => i.kind === 'value'));

  const args = bindCompletions(model, SAMPLE, at(SAMPLE, 'listen-on-v6', 0, 13)).map((i) => i.label);
  assert.deepEqual(args, ['port', 'tls', 'http']);

  const partial = 'options {\n    listen-o';
  const items = bindCompletions(parse(partial), partial, partial.length).map((i) => i.label);
  assert.ok(items.includes('listen-on-v6') && !items.includes('zone'));
  const view = 'view "inside" {\n    \n};';
  const inView = bindCompletions(parse(view), view, view.indexOf('\n    ') + 5).map((i) => i.label);
  assert.ok(inView.includes('zone') && inView.includes('match-clients') && !inView.includes('listen-on'));
});

test('hover and completion survive broken input', () => {
  for (const text of ['', '{', '};', 'options {', 'zone "x" { type', '!', 'options { listen-on-v6 { ', '"unterminated']) {
    const model = parse(text);
    for (let off = 0; off <= text.length; off++) {
      bindHover(model, text, off);
      bindCompletions(model, text, off);
    }
  }
});

test('the TextMate grammar is valid, matches package.json and knows every statement', () => {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  const contributed = pkg.contributes.grammars.find((g: { language: string }) => g.language === 'bind-named');
  assert.ok(contributed, 'package.json contributes a bind-named grammar');
  const grammar = JSON.parse(readFileSync(`${root}${contributed.path.replace(/^\.\//, '')}`, 'utf8'));
  assert.equal(grammar.scopeName, contributed.scopeName);
  assert.equal(grammar.scopeName, 'source.bind-named');

  // Oniguruma's inline case-insensitive group has no JavaScript twin; everything else must compile as is.
  const rules: Record<string, string> = {};
  const collect = (node: unknown, path: string) => {
    if (Array.isArray(node)) node.forEach((n, i) => collect(n, `${path}/${i}`));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'match' || k === 'begin' || k === 'end') && typeof v === 'string') rules[`${path}/${k}`] = v;
        else collect(v, `${path}/${k}`);
      }
    }
  };
  collect(grammar, '');
  const compile = (src: string) => new RegExp(src.replace(/\(\?i:/g, '(?:'), 'i');
  for (const [where, src] of Object.entries(rules)) assert.doesNotThrow(() => compile(src), where);

  const whole = (src: string, s: string) => {
    const m = compile(src).exec(s);
    return m !== null && m[0] === s;
  };
  const v6 = grammar.repository.addresses.patterns[0].match;
  const v4 = grammar.repository.addresses.patterns[1].match;
  for (const s of ['2001:db8::1', '2001:db8::/32', '::1', '::', 'fe80::1%eth0', '::ffff:192.0.2.1', '64:ff9b::192.0.2.1', '2001:db8:1:2:3:4:5:6']) {
    assert.ok(whole(v6, s), `IPv6 ${s}`);
  }
  for (const s of ['127.0.0.1', '192.0.2.0/24', '10/8']) assert.ok(whole(v4, s), `IPv4 ${s}`);
  assert.ok(!compile(v6).test('listen-on-v6'));

  const statements = grammar.repository.statements.patterns[0].match;
  for (const n of STATEMENTS) assert.ok(whole(statements, n), `statement keyword ${n}`);
  const options = grammar.repository.options.patterns[0].match;
  for (const n of ['listen-on-v6', 'allow-query', 'notify-source-v6', 'type']) assert.ok(whole(options, n), `option keyword ${n}`);
});

test('the language configuration keeps IPv6 literals and hyphenated names as one word', () => {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'bind-named');
  const conf = JSON.parse(readFileSync(`${root}${lang.configuration.replace(/^\.\//, '')}`, 'utf8'));
  assert.deepEqual(conf.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
  assert.deepEqual(conf.brackets, [['{', '}']]);
  const words = 'listen-on-v6 { 2001:db8::1/64; fe80::1%eth0; !10/8; }; // c'.match(new RegExp(conf.wordPattern, 'g'));
  assert.deepEqual(words, ['listen-on-v6', '2001:db8::1/64', 'fe80::1%eth0', '10/8', 'c']);
});

test('completion offers the names the file defines: keys in address lists, primaries lists, dnssec-policy names', () => {
  const text = [
    'key "xfer-key" { algorithm hmac-sha256; secret "c2VjcmV0"; };',
    'acl trusted { 192.0.2.0/24; 2001:db8::/32; };',
    'primaries upstream { 2001:db8::53; };',
    'dnssec-policy strict { keys { csk lifetime unlimited algorithm 13; }; };',
    'zone "example.net" { type secondary; file "db"; primaries {  }; };',
    'zone "example.org" { type primary; file "db2"; dnssec-policy  ; allow-transfer {  }; };',
    '',
  ].join('\n');
  const model = buildBindModel(parseBindText(text).cst);
  const at = (marker: string, delta: number) => bindCompletions(model, text, text.indexOf(marker) + delta).map((e) => e.label);
  assert.deepEqual(at('primaries {  }', 12), ['upstream']);
  const policy = at('dnssec-policy  ;', 14);
  assert.ok(policy.includes('strict') && policy.includes('default') && policy.includes('insecure'), policy.join());
  const aml = at('allow-transfer {  }', 17);
  for (const l of ['any', 'none', 'trusted', 'key xfer-key']) assert.ok(aml.includes(l), `${l} missing from ${aml.join()}`);
});

test('include is valid in every block of statements, as named reads it (key, logging, channel, ...)', () => {
  for (const ctx of ['top', 'options', 'view', 'zone', 'key', 'logging', 'channel', 'server', 'dnssec-policy', 'tls']) {
    assert.equal(docFor('include', ctx)?.validHere, true, ctx);
  }
});
