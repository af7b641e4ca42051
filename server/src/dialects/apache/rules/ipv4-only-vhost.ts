// apache/ipv4-only-vhost: a <VirtualHost> bound only to IPv4 addresses while httpd listens on IPv6.
import type { ArgNode } from '../../../../../grammars/apache/cst';
import { defineRule } from '../../../core/rule';
import type { Fix } from '../../../core/types';
import { bracket, isLoopback, isUnspecified } from '../hostport';
import { linkedListenFacts, listenFacts, listensOnIpv6, virtualHosts, vhostAddresses, type ListenFact, type VhostAddress } from '../listen';
import type { ApacheModel } from '../model';

export default defineRule<ApacheModel>({
  id: 'apache/ipv4-only-vhost',
  // A virtual host against the Listens, which are all global: a local <VirtualHost> holds none (segments.ts).
  scope: 'statement',
  severity: 'warning',
  docs: {
    summary: 'A `<VirtualHost>` whose addresses are all IPv4, in a server that accepts IPv6 connections.',
    why:
      'httpd picks the virtual host by the address a connection arrived on. A request over IPv6 matches no ' +
      '`<VirtualHost 192.0.2.1:80>`, so it is answered by the default (first) virtual host: another site, another ' +
      'certificate, or a 404, for IPv6 users only. The Listens of the files included with this one count; a file ' +
      'without Listen, read alone, is taken to be included beside one that listens on IPv6 (Debian\'s `Listen 80` does).',
    bad: 'Listen 127.0.0.1:80\nListen [::1]:80\n<VirtualHost 127.0.0.1:80>\n    ServerName www.example.org\n</VirtualHost>',
    good: 'Listen 127.0.0.1:80\nListen [::1]:80\n<VirtualHost 127.0.0.1:80 [::1]:80>\n    ServerName www.example.org\n</VirtualHost>',
    fix:
      'Safe when a Listen names the matching IPv6 address on that port (loopback with loopback): adds it to the ' +
      '<VirtualHost>. Otherwise, not safe: `*:<port>`, which makes the virtual host answer on every address.',
    references: ['https://httpd.apache.org/docs/2.4/vhosts/details.html', 'https://httpd.apache.org/docs/2.4/mod/core.html#virtualhost'],
  },
  check(ctx) {
    // The Listens of the whole include tree (a site file's are in ports.conf): httpd reads it as one config.
    const facts = [...listenFacts(ctx.model), ...linkedListenFacts(ctx.linked)];
    if (facts.length > 0 && !listensOnIpv6(facts)) return;
    // Thousands of virtual hosts share a few address lists: what a list calls for is worked out once per list.
    const verdicts = new Map<string, Verdict | null>();
    for (const vh of virtualHosts(ctx.model)) {
      const key = addressListKey(vh.args);
      let verdict = verdicts.get(key);
      if (verdict === undefined) verdicts.set(key, (verdict = judge(vhostAddresses(vh), facts)));
      if (verdict === null) continue;
      // The list's first and last addresses (vhostAddresses leaves out empty arguments).
      let first: ArgNode | undefined;
      let last: ArgNode | undefined;
      for (let i = 0; i < vh.args.length; i++) {
        if (vh.args[i].value === '') continue;
        first ??= vh.args[i];
        last = vh.args[i];
      }
      const fixes: Fix[] = [];
      if (verdict.add) fixes.push({ title: verdict.add.title, safe: true, edits: [{ start: last!.end, end: last!.end, newText: verdict.add.newText }] });
      if (verdict.star) fixes.push({ title: verdict.star.title, safe: false, edits: [{ start: first!.start, end: last!.end, newText: verdict.star.newText }] });
      ctx.report({ span: { start: first!.start, end: last!.end }, message: verdict.message, fixes });
    }
  },
});

/** What an IPv4-only address list calls for: the fix adding IPv6 addresses, the `*:<port>` one, the message. */
interface Verdict {
  add?: { title: string; newText: string };
  star?: { title: string; newText: string };
  message: string;
}

/** The list's values (empty ones left out), as one key: a value holds no line break. */
function addressListKey(args: readonly ArgNode[]): string {
  let key = '';
  let n = 0;
  for (let i = 0; i < args.length; i++) {
    if (args[i].value === '') continue;
    key = n++ === 0 ? args[i].value : `${key}\n${args[i].value}`;
  }
  return key;
}

/** The finding a virtual host with these addresses gets, or null when it serves IPv6 (or names nothing). */
function judge(addrs: VhostAddress[], facts: readonly ListenFact[]): Verdict | null {
  // `<VirtualHost 0.0.0.0:80>` is `<VirtualHost *:80>`: httpd reads the unspecified address there as the wildcard, which
  // matches IPv6 connections too (`apache2 -S` lists it as `*:80`), unlike `Listen 0.0.0.0:80`, an IPv4 socket.
  if (addrs.length === 0 || !addrs.every((a) => a.hp.kind === 'ipv4' && !isUnspecified(a.host))) return null;
  const verdict: Verdict = {
    message:
      `<VirtualHost ${addrs.map((a) => a.arg.value).join(' ')}> matches IPv4 connections only, but httpd ${facts.length ? 'listens' : 'may listen'} on IPv6: ` +
      'IPv6 requests land in the default virtual host instead. Add the IPv6 address, or use *:<port>.',
  };
  const add = new Set<string>();
  for (const a of addrs) {
    const v6 = facts.filter((f) => f.binding === 'ipv6' && f.port === a.port && isLoopback(f.host) === isLoopback(a.host)).map((f) => f.host);
    const unique = [...new Set(v6)];
    if (unique.length === 1) add.add(bracket(unique[0], a.port));
  }
  if (add.size > 0) {
    const text = [...add].filter((t) => !addrs.some((a) => a.arg.value === t)).join(' ');
    if (text) verdict.add = { title: `Add ${text} to this <VirtualHost>`, newText: ` ${text}` };
  }
  const ports = [...new Set(addrs.map((a) => a.port ?? '*'))];
  if (ports.length === 1) verdict.star = { title: `Use *:${ports[0]} (every address)`, newText: `*:${ports[0]}` };
  return verdict;
}
