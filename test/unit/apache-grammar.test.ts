// The Apache grammar and model: lines, continuations, quotes, comments only at line start, sections and their
// mismatches in httpd's words, <Macro> bodies, conditions, placeholders, bounded nesting, and bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseApacheText } from '../../grammars/apache/parser';
import { analyze } from '../../server/src/core/analyze';
import { matchesGlob } from '../../server/src/core/globs';
import { dialectForPath } from '../../server/src/core/registry';
import { apacheDialect } from '../../server/src/dialects/apache';
import { buildApacheModel, ifVersionHolds } from '../../server/src/dialects/apache/model';
import { parseHostPort } from '../../server/src/dialects/apache/hostport';
import { lookupDirective } from '../../server/src/dialects/apache/catalogue';
import { CORPUS, walkFiles } from '../fixture-lib';

const model = (text: string) => buildApacheModel(parseApacheText(text).cst);
const problems = (text: string) => parseApacheText(text).problems.map((p) => p.message);

test('directives, quoted arguments with escapes, continuation lines', () => {
  const m = model('Listen [::1]:80\nHeader set X-A "a \\"b\\" c" \'d e\'\nServerAlias a.example.org \\\n    b.example.org\n');
  assert.deepEqual(m.all.map((d) => d.name), ['Listen', 'Header', 'ServerAlias']);
  assert.deepEqual(m.all[1].args.map((a) => a.value), ['set', 'X-A', 'a "b" c', 'd e']);
  assert.deepEqual(m.all[2].args.map((a) => a.value), ['a.example.org', 'b.example.org']);
});

test('# starts a comment only at the start of a line; after a directive it is an argument', () => {
  const out = parseApacheText('# comment\n  # indented comment \\\n  still the comment\nListen 80 # not a comment\n');
  assert.equal(out.comments.length, 2);
  assert.match(out.comments[1].body, /still the comment/);
  const m = buildApacheModel(out.cst);
  assert.deepEqual(m.all[0].args.map((a) => a.value), ['80', '#', 'not', 'a', 'comment']);
  // Three arguments: httpd refuses the line ("Listen requires 1 or 2 arguments."), an error, not only a warning.
  const a = analyze(apacheDialect, 'Listen [::1]:80 # loopback\n');
  assert.deepEqual(a.findings.map((f) => `${f.severity} ${f.rule}`), ['error apache/argument-count']);
  assert.deepEqual(a.findings[0].fixes.map((f) => f.title), ['Move the comment to its own line above']);
  // A flag reads its first word only: httpd takes `KeepAlive On # x`, so the comment is only a warning.
  const b = analyze(apacheDialect, 'KeepAlive On # keep\n');
  assert.deepEqual(b.findings.map((f) => `${f.severity} ${f.rule}`), ['warning apache/inline-comment']);
  // Too many arguments before the comment: that count is the error (on the extra word), and the comment is a comment.
  const text = 'ServerAdmin webmaster@example.org root@example.org # both\n';
  const c = analyze(apacheDialect, text);
  assert.deepEqual(c.findings.map((f) => `${f.severity} ${f.rule} ${text.slice(f.span.start, f.span.end)}`), ['error apache/argument-count root@example.org', 'warning apache/inline-comment # both']);
});

test('sections nest; the header ends at its last >; mismatches in httpd words', () => {
  const m = model('<VirtualHost [::1]:80>\n  <Directory "/var/www">\n    Require all granted\n  </Directory>\n</VirtualHost>\n');
  assert.equal(m.directives.length, 1);
  assert.equal(m.directives[0].children[0].children[0].context, 'directory');
  assert.equal(m.directives[0].children[0].context, 'vhost');
  assert.deepEqual(model('<LocationMatch ^/a>b>\n</LocationMatch>\n').all[0].args.map((a) => a.value), ['^/a>b']);
  assert.deepEqual(problems('<VirtualHost *:80>\n</Directory>\n'), ['Expected </VirtualHost> but saw </Directory>']);
  assert.deepEqual(problems('</VirtualHost>\n'), ['</VirtualHost> without matching <VirtualHost> section']);
  assert.deepEqual(problems('<VirtualHost *:80>\nServerName a\n'), ['<VirtualHost> was not closed.']);
  assert.deepEqual(problems('<Directory /x\n</Directory>\n'), ["<Directory> directive missing closing '>'"]);
  // The last `>` closes the header even inside a quoted string (core.c: ap_strrchr_c(arg, '>') before reading the
  // words): `<Directory "/tmp>` is <Directory /tmp>, and apache2 -t says Syntax OK.
  assert.deepEqual(problems('<Directory "/tmp>\n</Directory>\n'), []);
  const q = model('<Directory "/tmp>\n</Directory>\n<Directory "/a>b" c\n</Directory>\n').all;
  assert.deepEqual(q.map((d) => d.args.map((a) => [a.value, a.image, a.terminated])), [[['/tmp', '"/tmp', false]], [['/a', '"/a', false]]]);
  assert.deepEqual(q.map((d) => d.gt), [16, 45]);
  assert.deepEqual(problems('<Directory "/tmp\n</Directory>\n'), ["<Directory> directive missing closing '>'"]);
  assert.deepEqual(problems('<IfModule a>\n<IfModule b>\n</IfModule>\n</IfModule>\n'), []);
  assert.deepEqual(problems('<virtualhost *:80>\n</VIRTUALHOST>\n'), [], 'names compare case-insensitively');
});

test('<Macro> bodies are raw: unbalanced sections inside are applied where the macro is used', () => {
  const text = '<Macro Open $dir>\n  <Directory $dir>\n</Macro>\n<Macro Close>\n  </Directory>\n</Macro>\nUse Open /tmp\nRequire all granted\nUse Close\n';
  assert.deepEqual(problems(text), []);
  const a = analyze(apacheDialect, text);
  assert.deepEqual(a.findings.map((f) => f.rule), []);
});

test('conditions: false <IfVersion> and <IfDefine !X> with X defined are not read; <IfDefine X> is conditional', () => {
  const args = (s: string) => parseApacheText(`<IfVersion ${s}>\n</IfVersion>\n`).cst.nodes[0].args;
  assert.equal(ifVersionHolds(args('< 2.3.6')), false);
  assert.equal(ifVersionHolds(args('>= 2.4')), true);
  // mod_version reads a short version with its missing parts as 0 (2.4 is 2.4.0); measured on httpd 2.4.71.
  assert.equal(ifVersionHolds(args('2.4')), false);
  assert.equal(ifVersionHolds(args('= 2.4')), false);
  assert.equal(ifVersionHolds(args('== 2.4')), false);
  assert.equal(ifVersionHolds(args('<= 2.4')), false);
  assert.equal(ifVersionHolds(args('< 2.4')), false);
  assert.equal(ifVersionHolds(args('> 2.4')), true);
  assert.equal(ifVersionHolds(args('!= 2.4')), true);
  assert.equal(ifVersionHolds(args('!> 2.4')), false);
  assert.equal(ifVersionHolds(args('2.4.71')), true);
  assert.equal(ifVersionHolds(args('<= 2.4.71')), true);
  assert.equal(ifVersionHolds(args('~= 2.4')), undefined);
  assert.equal(ifVersionHolds(args('! 2.4')), undefined);
  assert.equal(ifVersionHolds(args('>= 2.5.1')), false);
  assert.equal(ifVersionHolds(args('~ ^2\\.4')), true);
  const m = model('Define X\n<IfDefine !X>\n  RewriteLog /x\n</IfDefine>\n<IfDefine Y>\n  RewriteLock /y\n</IfDefine>\n');
  assert.equal(m.all[2].inactive, true);
  assert.equal(m.all[4].conditional, true);
  assert.deepEqual(analyze(apacheDialect, 'Define X\n<IfDefine !X>\n  RewriteLog /x\n</IfDefine>\n').findings, []);
});

test('template placeholders and third-party modules are not unknown directives', () => {
  const a = analyze(apacheDialect, '@@LoadModule@@\nListen @@Port@@\n<IfModule mod_wsgi.c>\n  WSGIDaemonProcess x\n</IfModule>\nBogusDirective 1\n');
  assert.deepEqual(a.findings.map((f) => `${f.rule} ${a.text.slice(f.span.start, f.span.end)}`), ['apache/unknown-directive BogusDirective']);
});

test('.htaccess-like files (no server-only directive) are not checked as the main server config', () => {
  assert.equal(model('Require all granted\nOptions -Indexes\n').topContext, 'any');
  assert.deepEqual(analyze(apacheDialect, 'RewriteEngine On\nRequire all granted\n').findings, []);
  assert.equal(model('Listen 80\nRequire all granted\n').topContext, 'server');
});

test('host:port as httpd reads it', () => {
  assert.deepEqual(parseHostPort('2001:db8::1:80').unbracketed, { apacheReading: { host: '2001:db8::1', port: '80' }, whole: '2001:db8::1:80' });
  assert.deepEqual(parseHostPort('::1').unbracketed, { apacheReading: undefined, whole: '::1' });
  assert.equal(parseHostPort('::1').kind, 'invalid');
  assert.equal(parseHostPort('[::1]:8080').kind, 'ipv6');
  assert.equal(parseHostPort('80').kind, 'none');
  assert.equal(parseHostPort('localhost:8080').kind, 'name');
  assert.equal(parseHostPort('_default_:443').kind, 'default');
});

test('file patterns: the dialect claims httpd/apache2 trees, sites-*/ and .htaccess, not every .conf', () => {
  for (const p of ['/etc/apache2/apache2.conf', '/etc/httpd/conf/httpd.conf', 'x/.htaccess', '/etc/apache2/sites-available/000-default.conf', '/etc/apache2/sites-enabled/site', '/etc/httpd/conf.d/ssl.conf', '/srv/www/sites-available/example']) {
    assert.equal(dialectForPath(p)?.name, 'apache', p);
  }
  for (const p of ['/etc/named.conf', '/etc/resolv.conf', '/tmp/foo.conf']) assert.notEqual(dialectForPath(p)?.name, 'apache', p);
  assert.ok(matchesGlob('a/apache2/mods-available/ssl.conf', '**/apache2/**/*.conf'));
  assert.ok(!matchesGlob('a/apache2/mods-available/ssl.load', '**/apache2/**/*.conf'));
});

test('bad input never throws and nesting is bounded', () => {
  const deep = '<IfModule x>\n'.repeat(10000) + 'Listen 80\n' + '</IfModule>\n'.repeat(10000);
  const a = analyze(apacheDialect, deep);
  assert.ok(a.findings.some((f) => /nested more than/.test(f.message)));
  assert.ok(!a.findings.some((f) => /without matching/.test(f.message)), 'the flat closers are paired');
  for (const text of ['', '\0\x01<', '<', '</', '<>\n', '"', "'unterminated", '\\', '<A\n'.repeat(100), 'Listen [\nListen ]:\nListen :::::\n', '\uFEFFListen 80\r\n<VirtualHost *:80>\r\n</VirtualHost>\r\n']) {
    assert.doesNotThrow(() => analyze(apacheDialect, text), JSON.stringify(text));
    assert.ok(!analyze(apacheDialect, text).findings.some((f) => f.rule === 'v6ready/internal-error'), JSON.stringify(text));
  }
});

test('each directive carries the catalogue entry of its name, a section the one of its <name>', () => {
  const files = [...walkFiles('test/fixtures/apache'), ...walkFiles('examples/apache2'), 'examples/httpd.conf', ...walkFiles(path.join(CORPUS, 'apache'))];
  let checked = 0;
  for (const f of files.filter((x) => !x.endsWith('.md') && !x.endsWith('.tsv'))) {
    for (const d of model(readFileSync(f, 'latin1')).all) {
      assert.equal(d.lname, d.name.toLowerCase(), f);
      assert.equal(d.fact, lookupDirective(d.section ? `<${d.name}>` : d.name), `${f}: ${d.name}`);
      checked++;
    }
  }
  assert.ok(checked > 1000, `only ${checked} directives`);
  // The same name as a directive and as a section: two entries, or none.
  const m = model('<Directory /x>\n</Directory>\nDirectory /y\n<Listen 80>\n</Listen>\n');
  assert.deepEqual(m.all.map((d) => [d.name, d.section, d.fact?.name]), [['Directory', true, '<Directory>'], ['Directory', false, undefined], ['Listen', true, undefined]]);
});

test('section bodies end where their sections close, also when closed by the wrong name, a macro or the end of the file', () => {
  type Tree = [string, Tree][];
  const names = (nodes: readonly { name: string; children: readonly unknown[] }[]): Tree => nodes.map((d) => [d.name, names(d.children as typeof nodes)]);
  assert.deepEqual(names(model('<VirtualHost *:80>\n<Directory /a>\nRequire all granted\n</Directory>\nServerName a\n</VirtualHost>\nListen 80\n').directives), [
    ['VirtualHost', [['Directory', [['Require', []]]], ['ServerName', []]]],
    ['Listen', []],
  ]);
  assert.deepEqual(names(model('<IfModule a>\n<Directory /a>\nA 1\n</IfModule>\nB 2\n').directives), [['IfModule', [['Directory', [['A', []]]]]], ['B', []]]);
  assert.deepEqual(names(model('<IfModule a>\n<Directory /a>\nA 1\n').directives), [['IfModule', [['Directory', [['A', []]]]]]]);
  const macro = '<Macro Open $d>\n<Directory $d>\n</Macro>\n<Macro Close>\n</Directory>\n</Macro>\nUse Open /tmp\nRequire all granted\nUse Close\nListen 80\n';
  assert.deepEqual(names(model(macro).directives).slice(2), [['Use', []], ['Directory', [['Require', []], ['Use', []]]], ['Listen', []]]);
});
