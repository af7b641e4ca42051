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
}

function fixesFor(h: Hit): Fix[] {
  const u = h.hp.unbracketed!;
  const start = h.arg.start + h.offset;
  const end = start + h.hp.text.length;
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
      if (isHit(hp)) (out ??= []).push({ arg: a, offset: a.kind === 'string' ? 1 : 0, hp, where: '<VirtualHost>', listen: false });
    }
  } else if (!d.section && (d.lname === 'listen' || d.lname === 'namevirtualhost')) {
    const a = d.args[0];
    const hp = a && parseHostPort(a.value);
    if (hp && isHit(hp)) out = [{ arg: a, offset: a.kind === 'string' ? 1 : 0, hp, where: d.name, listen: d.lname === 'listen' }];
  } else if (!d.section && URL_DIRECTIVES.has(d.lname)) {
    for (const a of d.args) {
      const u = urlHost(a.value);
      if (u && isHit(u.hostport) && a.image.includes(a.value)) (out ??= []).push({ arg: a, offset: a.image.indexOf(a.value) + u.start, hp: u.hostport, where: `the URL of ${d.name}`, listen: false });
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
      '(`apache2 -t` still says Syntax OK), and `Listen 2001:db8::80` stops httpd from starting.',
    bad: 'Listen 2001:db8::1:80\n<VirtualHost ::1>\n</VirtualHost>',
    good: 'Listen [2001:db8::1]:80\n<VirtualHost [::1]>\n</VirtualHost>',
    fix:
      'Safe: adds the brackets, keeping httpd\'s reading where it has one (`2001:db8::1:80` -> `[2001:db8::1]:80`); where ' +
      'httpd has no valid reading the whole text becomes the address. A Listen without a port gets no fix (choose the port).',
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
