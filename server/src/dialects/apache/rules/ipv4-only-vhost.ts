// apache/ipv4-only-vhost: a <VirtualHost> bound only to IPv4 addresses while httpd listens on IPv6.
import { defineRule } from '../../../core/rule';
import type { Fix } from '../../../core/types';
import { bracket, isLoopback } from '../hostport';
import { listenFacts, listensOnIpv6, virtualHosts, vhostAddresses } from '../listen';
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
      'certificate, or a 404, for IPv6 users only. A file without Listen is taken to be included beside one that ' +
      'listens on IPv6 (Debian\'s `Listen 80` does).',
    bad: 'Listen 127.0.0.1:80\nListen [::1]:80\n<VirtualHost 127.0.0.1:80>\n    ServerName www.example.org\n</VirtualHost>',
    good: 'Listen 127.0.0.1:80\nListen [::1]:80\n<VirtualHost 127.0.0.1:80 [::1]:80>\n    ServerName www.example.org\n</VirtualHost>',
    fix:
      'Safe when a Listen names the matching IPv6 address on that port (loopback with loopback): adds it to the ' +
      '<VirtualHost>. Otherwise, not safe: `*:<port>`, which makes the virtual host answer on every address.',
    references: ['https://httpd.apache.org/docs/2.4/vhosts/details.html', 'https://httpd.apache.org/docs/2.4/mod/core.html#virtualhost'],
  },
  check(ctx) {
    const facts = listenFacts(ctx.model);
    if (facts.length > 0 && !listensOnIpv6(facts)) return;
    for (const vh of virtualHosts(ctx.model)) {
      const addrs = vhostAddresses(vh);
      if (addrs.length === 0 || !addrs.every((a) => a.hp.kind === 'ipv4')) continue;
      const last = addrs[addrs.length - 1].arg;
      const fixes: Fix[] = [];
      const add = new Set<string>();
      for (const a of addrs) {
        const v6 = facts.filter((f) => f.binding === 'ipv6' && f.port === a.port && isLoopback(f.host) === isLoopback(a.host)).map((f) => f.host);
        const unique = [...new Set(v6)];
        if (unique.length === 1) add.add(bracket(unique[0], a.port));
      }
      if (add.size > 0) {
        const text = [...add].filter((t) => !addrs.some((a) => a.arg.value === t)).join(' ');
        if (text) fixes.push({ title: `Add ${text} to this <VirtualHost>`, safe: true, edits: [{ start: last.end, end: last.end, newText: ` ${text}` }] });
      }
      const ports = [...new Set(addrs.map((a) => a.port ?? '*'))];
      if (ports.length === 1) {
        const star = `*:${ports[0]}`;
        fixes.push({ title: `Use ${star} (every address)`, safe: false, edits: [{ start: addrs[0].arg.start, end: last.end, newText: star }] });
      }
      ctx.report({
        span: { start: addrs[0].arg.start, end: last.end },
        message:
          `<VirtualHost ${addrs.map((a) => a.arg.value).join(' ')}> matches IPv4 connections only, but httpd ${facts.length ? 'listens' : 'may listen'} on IPv6: ` +
          'IPv6 requests land in the default virtual host instead. Add the IPv6 address, or use *:<port>.',
        fixes,
      });
    }
  },
});
