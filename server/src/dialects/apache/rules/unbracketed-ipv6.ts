// apache/unbracketed-ipv6: an IPv6 literal without brackets in Listen, <VirtualHost>, NameVirtualHost or a URL.
import type { ArgNode } from '../../../../../grammars/apache/cst';
import { defineRule } from '../../../core/rule';
import type { Fix } from '../../../core/types';
import { bracket, parseHostPort, urlHost, type HostPort } from '../hostport';
import { unchecked, type ApacheModel, type Directive } from '../model';

/** Directives whose arguments hold URLs (mod_alias, mod_proxy, mod_rewrite ...). */
const URL_DIRECTIVES = new Set([
  'proxypass', 'proxypassreverse', 'proxypassmatch', 'proxyremote', 'proxyremotematch', 'proxypassreversecookiedomain',
  'redirect', 'redirectmatch', 'redirectpermanent', 'redirecttemp', 'rewriterule', 'errordocument', 'proxyset',
  'balancermember', 'header', 'requestheader', 'proxyhtmlurlmap', 'remoteipproxyprotocolexceptions', 'documentroot',
]);

interface Hit {
  arg: ArgNode;
  /** Offsets of the host[:port] text inside the argument's image. */
  offset: number;
  hp: HostPort;
  where: string;
  listen: boolean;
  /** Inside a URL: httpd does not split host and port at the last colon there (see urlFixes). */
  url: boolean;
}

/**
 * In a URL httpd has no reading to keep: apr_uri_parse splits at the FIRST colon, so mod_proxy refuses the URL
 * ("ProxyPass Unable to parse URL") and Redirect or RewriteRule pass it on as written. When the text is an address
 * with a port as well as one address on the default port (`2001:db8::5:8080`), only the author knows which is meant:
 * both are offered, neither is safe. When only one reading is an address, that bracketing is the safe fix.
 */
function urlFixes(h: Hit, start: number, end: number): Fix[] {
  const u = h.hp.unbracketed!;
  const r = u.apacheReading && /^\d+$/.test(u.apacheReading.port) ? u.apacheReading : undefined;
  const withPort = r && bracket(r.host, r.port);
  const whole = u.whole && bracket(u.whole);
  if (withPort && whole) {
    return [
      { title: `Write ${withPort} (address ${r.host}, port ${r.port})`, safe: false, edits: [{ start, end, newText: withPort }] },
      { title: `Write ${whole} (all of it the address, default port)`, safe: false, edits: [{ start, end, newText: whole }] },
    ];
  }
  const only = withPort ?? whole;
  return only ? [{ title: `Write ${only}`, safe: true, edits: [{ start, end, newText: only }] }] : [];
}

function fixesFor(h: Hit): Fix[] {
  const u = h.hp.unbracketed!;
  const start = h.arg.start + h.offset;
  const end = start + h.hp.text.length;
  if (h.url) return urlFixes(h, start, end);
  // Listen, <VirtualHost>, NameVirtualHost: apr_parse_addr_port takes the digits after the last colon as the port,
  // a reading httpd documents and acts on (research/real-daemons.md §2b), so keeping it is safe.
  const out: Fix[] = [];
  if (u.apacheReading) {
    const t = bracket(u.apacheReading.host, u.apacheReading.port);
    out.push({ title: `Write ${t} (httpd's reading)`, safe: true, edits: [{ start, end, newText: t }] });
    if (u.whole && !h.listen) out.push({ title: `Write ${bracket(u.whole)} (the whole text as one address)`, safe: false, edits: [{ start, end, newText: bracket(u.whole) }] });
  } else if (u.whole && !h.listen) {
    out.push({ title: `Write ${bracket(u.whole)}`, safe: true, edits: [{ start, end, newText: bracket(u.whole) }] });
  }
  return out;
}

function describe(h: Hit): string {
  const u = h.hp.unbracketed!;
  const t = h.hp.text;
  if (h.url) {
    const fixes = urlFixes(h, 0, 0);
    const readings = fixes.length === 2 ? `'${t}' can be ${fixes[0].edits[0].newText} or ${fixes[1].edits[0].newText} on the default port; write the brackets around the address you mean` : `write ${fixes[0]?.edits[0].newText ?? '[address]:port'}`;
    return `IPv6 address without brackets in ${h.where}: a URL needs brackets around an IPv6 host, and httpd does not guess where the address ends (mod_proxy refuses the URL: "Unable to parse URL"; other directives pass it on as written). ${readings[0].toUpperCase()}${readings.slice(1)}.`;
  }
  if (u.apacheReading) {
    return `IPv6 address without brackets in ${h.where}: httpd takes the digits after the last ':' as the port and reads '${t}' as ${bracket(u.apacheReading.host, u.apacheReading.port)}. Write the brackets so that it says what it does.`;
  }
  const last = t.lastIndexOf(':');
  const reading = `host '${t.slice(0, last)}' port '${t.slice(last + 1)}'`;
  const effect = h.listen
    ? 'Listen fails ("alloc_listener: failed to set up sockaddr") and httpd does not start'
    : h.where.startsWith('<VirtualHost')
      ? 'the name does not resolve, and httpd drops this virtual host with only an error line ("Could not resolve host name ... -- ignoring!")'
      : 'the URL points nowhere';
  return `IPv6 address without brackets in ${h.where}: httpd reads '${t}' as ${reading}; ${effect}. Write [${u.whole}]${h.listen ? ':<port>' : ''}.`;
}

/** An address httpd misreads, and not one still to be expanded from a variable or template placeholder. */
function isHit(hp: HostPort): boolean {
  return hp.unbracketed !== undefined && !/\$\{|@\w+@/.test(hp.text);
}

/** The unbracketed IPv6 addresses of the directive, or undefined (nearly every directive): no array made for none. */
function hitsOf(d: Directive): Hit[] | undefined {
  let out: Hit[] | undefined;
  if (d.section && d.lname === 'virtualhost') {
    for (const a of d.args) {
      const hp = parseHostPort(a.value);
      if (isHit(hp)) (out ??= []).push({ arg: a, offset: a.kind === 'string' ? 1 : 0, hp, where: '<VirtualHost>', listen: false, url: false });
    }
  } else if (!d.section && (d.lname === 'listen' || d.lname === 'namevirtualhost')) {
    const a = d.args[0];
    const hp = a && parseHostPort(a.value);
    if (hp && isHit(hp)) out = [{ arg: a, offset: a.kind === 'string' ? 1 : 0, hp, where: d.name, listen: d.lname === 'listen', url: false }];
  } else if (!d.section && URL_DIRECTIVES.has(d.lname)) {
    for (const a of d.args) {
      const u = urlHost(a.value);
      if (u && isHit(u.hostport) && a.image.includes(a.value)) (out ??= []).push({ arg: a, offset: a.image.indexOf(a.value) + u.start, hp: u.hostport, where: `the URL of ${d.name}`, listen: false, url: true });
    }
  }
  return out;
}

export default defineRule<ApacheModel>({
  id: 'apache/unbracketed-ipv6',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'An IPv6 address without `[ ]` in `Listen`, `<VirtualHost>`, `NameVirtualHost` or a URL.',
    why:
      'httpd splits `host:port` at the LAST colon. `Listen 2001:db8::1:80` happens to mean [2001:db8::1]:80, but ' +
      '`<VirtualHost ::1>` is host `:` port 1: the name does not resolve and httpd silently drops the virtual host ' +
      '(`apache2 -t` still says Syntax OK), and `Listen 2001:db8::80` stops httpd from starting. In a URL there is no such ' +
      'reading: mod_proxy refuses `http://2001:db8::5:8080/` ("Unable to parse URL"), and other directives send it on as written.',
    bad: 'Listen 2001:db8::1:80\n<VirtualHost ::1>\n</VirtualHost>',
    good: 'Listen [2001:db8::1]:80\n<VirtualHost [::1]>\n</VirtualHost>',
    fix:
      'In `Listen`, `<VirtualHost>` and `NameVirtualHost`, safe: adds the brackets, keeping httpd\'s reading where it has one ' +
      '(`2001:db8::1:80` -> `[2001:db8::1]:80`); where httpd has no valid reading the whole text becomes the address. A Listen ' +
      'without a port gets no fix (choose the port). In a URL httpd has no reading to keep (mod_proxy refuses the URL, other ' +
      'directives pass it on): when only one bracketing gives an address the fix writes it, safely; when the text is an ' +
      'address with a port and also an address on the default port (`http://2001:db8::5:8080/`), both are offered as ' +
      'quick fixes, neither safe, as only you know which one you meant.',
    references: ['https://httpd.apache.org/docs/2.4/bind.html', 'https://httpd.apache.org/docs/2.4/mod/core.html#virtualhost', 'research/real-daemons.md §2b'],
  },
  check(ctx) {
    const all = ctx.model.all;
    for (let k = 0; k < all.length; k++) {
      const d = all[k];
      if (unchecked(d)) continue;
      for (const h of hitsOf(d) ?? []) ctx.report({ span: { start: h.arg.start + h.offset, end: h.arg.start + h.offset + h.hp.text.length }, message: describe(h), fixes: fixesFor(h) });
    }
  },
});
