// Apache completion and hover against httpd's handler-level refusals (Alias, ProxyPass ... in <Directory>) and the
// documented values of keyword directives (Options, AllowOverride, LogLevel, Require, Listen).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseApacheText } from '../../grammars/apache/parser';
import { handlerRefusal, lookupDirective } from '../../server/src/dialects/apache/catalogue';
import { apacheCompletions, apacheHover } from '../../server/src/dialects/apache/hover';
import { buildApacheModel } from '../../server/src/dialects/apache/model';

const model = (text: string) => buildApacheModel(parseApacheText(text).cst);
/** Completion labels at the `|` in the text. */
const labels = (withCursor: string) => {
  const offset = withCursor.indexOf('|');
  const text = withCursor.replace('|', '');
  return apacheCompletions(model(text), text, offset).map((c) => c.label);
};

test('completion leaves out what the handler refuses in the section at the cursor', () => {
  const inDirectory = labels('Listen 80\n<Directory /x>\n    |\n</Directory>\n');
  for (const n of ['Alias', 'ScriptAlias', 'ProxyPass', 'ProxyPassMatch', 'ProxyPassReverse', 'CacheEnable']) assert.ok(!inDirectory.includes(n), n);
  for (const n of ['Options', 'Require', 'Redirect', 'RedirectMatch', 'MultiviewsMatch', '<Files>']) assert.ok(inDirectory.includes(n), n);
  // <Location> takes the one-argument Alias and ProxyPass, not <Files> nor MultiviewsMatch.
  const inLocation = labels('Listen 80\n<Location /a>\n    |\n</Location>\n');
  for (const n of ['Alias', 'ScriptAlias', 'ProxyPass', 'ProxyPassReverse', 'Redirect']) assert.ok(inLocation.includes(n), n);
  for (const n of ['<Files>', '<FilesMatch>', 'MultiviewsMatch', 'AliasMatch']) assert.ok(!inLocation.includes(n), n);
  // <If> inside <Location> is a "Files" section to the handler.
  const inIf = labels('Listen 80\n<Location /a>\n  <If "true">\n    |\n  </If>\n</Location>\n');
  for (const n of ['Alias', 'ProxyPass', '<Files>']) assert.ok(!inIf.includes(n), n);
  const top = labels('Listen 80\n|\n');
  for (const n of ['Alias', 'ScriptAlias', 'ProxyPass', 'AliasMatch']) assert.ok(top.includes(n), n);
});

test('handlerRefusal gives httpd\'s own words (apache2 -t 2.4.71)', () => {
  const f = (n: string) => lookupDirective(n)!;
  const sec = (...names: string[]) => names.map((name) => ({ name, lname: name.toLowerCase() }));
  assert.equal(handlerRefusal(f('Alias'), 2, sec('Directory')), 'Alias cannot occur within directory context');
  assert.equal(handlerRefusal(f('Alias'), 1, sec('Directory')), 'Alias cannot occur within <Directory> section');
  assert.equal(handlerRefusal(f('Alias'), 1, sec('Location')), undefined);
  assert.equal(handlerRefusal(f('Alias'), 1, [], true), 'Alias must have two arguments when used globally');
  assert.equal(handlerRefusal(f('Alias'), 1, []), undefined);
  assert.equal(handlerRefusal(f('ScriptAlias'), 2, sec('Location')), 'ScriptAlias cannot occur within directory context');
  assert.equal(handlerRefusal(f('ProxyPass'), 2, sec('Directory')), 'ProxyPass cannot occur within <Directory> section');
  assert.equal(handlerRefusal(f('ProxyPass'), 1, sec('If', 'Location')), 'ProxyPass cannot occur within <If> section');
  assert.equal(handlerRefusal(f('ProxyPass'), 1, sec('Limit', 'Location')), 'ProxyPass cannot occur within <Limit> or <LimitExcept> section');
  assert.equal(handlerRefusal(f('MultiviewsMatch'), 1, sec('Location', 'VirtualHost')), 'MultiviewsMatch cannot occur within <Location> section');
  assert.equal(handlerRefusal(f('<Files>'), 1, sec('If', 'Location')), '<Files> cannot occur within <Location> section');
  assert.equal(handlerRefusal(f('Redirect'), 2, sec('Directory')), undefined);
});

test('hover: the context line names the sections the handler refuses, and warns where it stands', () => {
  const text = 'Listen 80\n<Directory /x>\n    Alias /a /b\n    ProxyPass http://b/\n</Directory>\n';
  const m = model(text);
  const alias = apacheHover(m, text, text.indexOf('Alias') + 1)!.markdown;
  assert.match(alias, /Not valid here: httpd says "Alias cannot occur within directory context"/);
  assert.match(alias, /\*\*Context:\*\* server config, virtual host, directory \(with one argument: in sections only <Location>, <LocationMatch>, <Proxy>, <ProxyMatch>; with two arguments: not in any section\)/);
  const proxy = apacheHover(m, text, text.indexOf('ProxyPass') + 1)!.markdown;
  assert.match(proxy, /Not valid here: httpd says "ProxyPass cannot occur within <Directory> section"/);
  const ok = 'Listen 80\n<Location /a>\n    Alias /b\n</Location>\n';
  assert.doesNotMatch(apacheHover(model(ok), ok, ok.indexOf('Alias') + 1)!.markdown, /Not valid here/);
});

test('value completion: Options, AllowOverride, LogLevel, Require, Listen', () => {
  const dir = (line: string) => labels(`Listen 80\n<Directory /x>\n    ${line}\n</Directory>\n`);
  const options = dir('Options |');
  for (const v of ['All', 'None', 'FollowSymLinks', 'SymLinksIfOwnerMatch', 'Indexes', 'ExecCGI', 'Includes', 'IncludesNOEXEC', 'MultiViews']) assert.ok(options.includes(v), v);
  // A signed list stays signed; All and None never take a sign.
  assert.deepEqual(dir('Options +Indexes -|').filter((l) => !l.startsWith('-')), []);
  assert.ok(dir('Options +Indexes |').includes('+FollowSymLinks'));
  assert.ok(!dir('Options +|').includes('+All'));
  assert.ok(!dir('Options Indexes |').includes('All'));
  const override = dir('AllowOverride |');
  for (const v of ['All', 'None', 'AuthConfig', 'FileInfo', 'Indexes', 'Limit', 'Options', 'Options=']) assert.ok(override.includes(v), v);
  const levels = labels('LogLevel |\n');
  assert.deepEqual(levels, ['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug', 'trace1', 'trace2', 'trace3', 'trace4', 'trace5', 'trace6', 'trace7', 'trace8']);
  const require = dir('Require |');
  for (const v of ['all', 'local', 'ip', 'host', 'env', 'method', 'expr', 'user', 'group', 'valid-user']) assert.ok(require.includes(v), v);
  assert.deepEqual(dir('Require all |'), ['granted', 'denied']);
  assert.deepEqual(dir('Require ip |'), []);
  const text = 'Listen 80\n<Directory /x>\n    Require \n</Directory>\n';
  const entries = apacheCompletions(model(text), text, text.indexOf('Require ') + 8);
  assert.match(entries.find((e) => e.label === 'valid-user')!.detail!, /mod_authz_user/);
  assert.deepEqual(labels('Listen |\n'), ['80', '443']);
  assert.deepEqual(labels('Listen 80 |\n'), []);
  assert.deepEqual(labels('KeepAlive |\n'), ['On', 'Off']);
  assert.deepEqual(labels('ServerName |\n'), []);
});

test('deprecated directives are tagged: mod_access_compat, SSLRequire, SSLCertificateChainFile, NameVirtualHost; their replacements are not', () => {
  const at = (withCursor: string) => {
    const offset = withCursor.indexOf('|');
    const text = withCursor.replace('|', '');
    return apacheCompletions(model(text), text, offset);
  };
  const inDirectory = at('Listen 80\n<Directory /x>\n    |\n</Directory>\n');
  const tagged = (label: string) => inDirectory.find((e) => e.label === label)?.deprecated;
  for (const n of ['Order', 'Allow', 'Deny', 'Satisfy', 'SSLRequire']) assert.equal(tagged(n), true, n);
  for (const n of ['Require', 'Options', 'AllowOverride', '<Files>', 'SSLRequireSSL']) assert.equal(tagged(n), undefined, n);
  const top = at('Listen 80\n|\n');
  for (const n of ['NameVirtualHost', 'SSLCertificateChainFile']) assert.equal(top.find((e) => e.label === n)?.deprecated, true, n);
  for (const n of ['SSLCertificateFile', 'Listen', '<VirtualHost>']) assert.equal(top.find((e) => e.label === n)?.deprecated, undefined, n);
  // Values carry no tag.
  assert.ok(at('KeepAlive |\n').every((e) => e.deprecated === undefined));
});

test('completion: nothing on a line that continues the directive above (a line ending in a backslash)', () => {
  assert.deepEqual(labels('Options Indexes \\\n    |\n'), []);
  assert.deepEqual(labels('Options Indexes \\\r\n    |\n'), []);
  // Not a continuation: a backslash followed by a blank before the line break, and the line after a complete one.
  assert.ok(labels('Options Indexes \\ \n|\n').includes('Listen'));
  assert.ok(labels('Options Indexes \\\n    FollowSymLinks\n|\n').includes('Listen'));
});
