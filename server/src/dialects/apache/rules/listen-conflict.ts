// apache/listen-conflict: a specific IPv4 Listen beside an IPv6-wildcard Listen on the same port (Linux: no start).
import { defineRule } from '../../../core/rule';
import { listenFacts } from '../listen';
import { removeLines } from '../listen';
import type { ApacheModel } from '../model';

export default defineRule<ApacheModel>({
  id: 'apache/listen-conflict',
  // Listens against each other: a local <VirtualHost> holds none (segments.ts), so all of them are global.
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'A specific IPv4 `Listen` and a wildcard `Listen` (`[::]:<port>` or a bare `<port>`) on the same port.',
    why:
      'On Linux (net.ipv6.bindv6only = 0) the IPv6 wildcard socket also takes IPv4, so the second bind fails: ' +
      '"(98)Address already in use: AH00072: make_sock: could not bind to address [::]:8088", then "no listening sockets ' +
      'available, shutting down". httpd starts no listener at all, IPv4 included; `apache2 -t` says Syntax OK. ' +
      '(On FreeBSD, where IPv6 sockets are IPv6-only, the pair works.)',
    bad: 'Listen 127.0.0.1:8088\nListen [::]:8088',
    good: 'Listen 127.0.0.1:8088\nListen [::1]:8088',
    fix: 'Not safe: removes the specific IPv4 Listen, since the wildcard already serves IPv4 on every address. Or replace the wildcard with specific IPv6 addresses.',
    references: ['https://httpd.apache.org/docs/2.4/bind.html#ipv6', 'research/real-daemons.md Addendum'],
  },
  check(ctx) {
    const facts = listenFacts(ctx.model);
    for (const w of facts) {
      if (w.binding !== 'dual' || w.host === '0.0.0.0') continue;
      for (const v4 of facts) {
        if (v4.binding !== 'ipv4' || v4.host === '0.0.0.0' || v4.port !== w.port) continue;
        ctx.report({
          span: v4.arg,
          message:
            `Listen ${v4.arg.value} and Listen ${w.arg.value} cannot both bind on Linux: the IPv6 wildcard also covers IPv4, so httpd fails with ` +
            `"(98)Address already in use: AH00072: make_sock" and starts no listener at all.`,
          related: [{ span: w.arg, message: 'the wildcard Listen on the same port' }],
          fixes: [{ title: `Remove 'Listen ${v4.arg.value}' (the wildcard serves IPv4 too)`, safe: false, edits: [removeLines(ctx.text, ctx.lines, v4.directive)] }],
        });
      }
    }
  },
});
