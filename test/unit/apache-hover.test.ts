// Apache editor features: hover for every catalogued directive, completion by context, symbols, folding, Include links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseApacheText } from '../../grammars/apache/parser';
import { allDirectives, lookupDirective, manualLink } from '../../server/src/dialects/apache/catalogue';
import { apacheCompletions, apacheHover, renderDirective } from '../../server/src/dialects/apache/hover';
import { buildApacheModel } from '../../server/src/dialects/apache/model';
import { apacheFolding, apacheIncludes, apacheSymbols } from '../../server/src/dialects/apache/outline';

const model = (text: string) => buildApacheModel(parseApacheText(text).cst);

test('the catalogue covers httpd 2.4 core and the standard modules', () => {
  const all = allDirectives();
  assert.ok(all.filter((d) => !d.trunk).length > 650, `${all.length} directives`);
  for (const n of ['Listen', 'ServerName', '<VirtualHost>', 'Require', 'Allow', 'ProxyPass', 'RewriteRule', 'SSLEngine', 'Include', 'IncludeOptional', 'Define', '<IfModule>', '<If>', '<Macro>', 'H2Push', 'MDomain']) {
    assert.ok(lookupDirective(n), n);
  }
  assert.equal(lookupDirective('Listen')!.contexts, 's');
  assert.equal(lookupDirective('Allow')!.module, 'mod_access_compat');
  assert.equal(lookupDirective('ServerName')!.args, 'TAKE1');
  assert.equal(manualLink(lookupDirective('Listen')!), 'https://httpd.apache.org/docs/2.4/mod/mpm_common.html#listen');
  assert.equal(manualLink(lookupDirective('<VirtualHost>')!), 'https://httpd.apache.org/docs/2.4/mod/core.html#virtualhost');
});

test('hover for every directive: module, contexts, syntax, link', () => {
  for (const d of allDirectives()) {
    const md = renderDirective(d);
    assert.ok(md.startsWith(`**${d.name}** — `), d.name);
    if (!d.undocumented) assert.ok(md.includes('https://httpd.apache.org/docs/'), d.name);
    if (d.contexts) assert.match(md, /\*\*Context:\*\*/, d.name);
  }
  const text = 'Define DOCROOT /srv/www\nListen [::1]:80\n<VirtualHost [::1]:80>\n  Listen 8080\n  DocumentRoot ${DOCROOT}/html\n</VirtualHost>\n';
  const m = model(text);
  const h = apacheHover(m, text, text.indexOf('Listen') + 2)!;
  assert.match(h.markdown, /\*\*Listen\*\* — mpm_common/);
  assert.match(h.markdown, /\*\*IPv6:\*\*/);
  assert.match(h.markdown, /mpm_common\.html#listen/);
  const inVhost = apacheHover(m, text, text.indexOf('Listen 8080') + 1)!;
  assert.match(inVhost.markdown, /Not valid here/);
  const v = apacheHover(m, text, text.indexOf('${DOCROOT}') + 3)!;
  assert.match(v.markdown, /\/srv\/www/);
  assert.equal(apacheHover(m, text, text.indexOf('/html')), undefined);
});

test('completion offers what the context accepts', () => {
  const text = 'Listen 80\n<VirtualHost *:80>\n  \n</VirtualHost>\n<Directory /x>\n  \n</Directory>\nKeepAlive \n';
  const m = model(text);
  const inVhost = apacheCompletions(m, text, text.indexOf('  \n') + 2).map((c) => c.label);
  assert.ok(inVhost.includes('ServerName') && !inVhost.includes('Listen') && !inVhost.includes('Require'));
  const inDir = apacheCompletions(m, text, text.lastIndexOf('  \n') + 2).map((c) => c.label);
  assert.ok(inDir.includes('Require') && !inDir.includes('ServerName'));
  const top = apacheCompletions(m, text, text.length).map((c) => c.label);
  assert.deepEqual(apacheCompletions(m, text, text.indexOf('KeepAlive ') + 10).map((c) => c.label), ['On', 'Off']);
  assert.ok(top.length > 0);
});

test('symbols show sections, a VirtualHost with its ServerName; folding; Include links', () => {
  const text = '<VirtualHost [::1]:80>\n  ServerName www.example.org\n  <Directory /var/www>\n  </Directory>\n</VirtualHost>\nInclude conf.d/*.conf\nIncludeOptional "sites-enabled/*.conf"\n';
  const m = model(text);
  const s = apacheSymbols(m);
  assert.equal(s.length, 1);
  assert.equal(s[0].name, '<VirtualHost [::1]:80> www.example.org');
  assert.equal(s[0].children[0].name, '<Directory /var/www>');
  assert.equal(apacheFolding(m, text).length, 2);
  const links = apacheIncludes(m);
  assert.deepEqual(links.map((l) => [l.target, text.slice(l.span.start, l.span.end), l.optional]), [
    ['conf.d/*.conf', 'conf.d/*.conf', false],
    ['sites-enabled/*.conf', 'sites-enabled/*.conf', true],
  ]);
});

test('Include and IncludeOptional paths are links resolving against ServerRoot; a glob is marked (followed, not opened)', async () => {
  const { apacheDialect } = await import('../../server/src/dialects/apache');
  const text = 'ServerRoot "/etc/apache2"\nInclude ports.conf\nIncludeOptional "conf-enabled/*.conf"\nIncludeOptional mods-enabled/ssl.load\n';
  const links = apacheDialect.links!(apacheDialect.parse(text).model, text);
  assert.deepEqual(
    links.map((l) => [text.slice(l.span.start, l.span.end), l.target, l.kind, l.directory, !!l.glob, !!l.optional]),
    [
      ['ports.conf', 'ports.conf', 'include', '/etc/apache2', false, false],
      ['conf-enabled/*.conf', 'conf-enabled/*.conf', 'include', '/etc/apache2', true, true],
      ['mods-enabled/ssl.load', 'mods-enabled/ssl.load', 'include', '/etc/apache2', false, true],
    ],
  );
});
