// apache/listen-conflict: a specific IPv4 or IPv6 Listen beside an IPv6-wildcard Listen on the same port (Linux: no start).
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
    summary: 'A specific `Listen` address and a wildcard `Listen` (`[::]:<port>`, `*:<port>` or a bare `<port>`) on the same port.',
    why:
      'On Linux (net.ipv6.bindv6only = 0) the IPv6 wildcard socket also takes IPv4, so the second bind fails: ' +
      '"(98)Address already in use: AH00072: make_sock: could not bind to address [::]:8088", then "no listening sockets ' +
      'available, shutting down". httpd starts no listener at all, IPv4 included; `apache2 -t` says Syntax OK. ' +
      '(On FreeBSD, where IPv6 sockets are IPv6-only, the pair works.) On Linux a specific IPv6 address (`[::1]:8088`) cannot ' +
      'be bound beside `[::]:8088` either, nor after a bare `8088` or `*:8088`, which bind `[::]` first.',
    bad: 'Listen 127.0.0.1:8088\nListen [::]:8088',
    good: 'Listen 127.0.0.1:8088\nListen [::1]:8088',
    fix: 'Not safe: removes the specific Listen, since the wildcard already serves every address of both families. Or replace the wildcard with specific addresses.',
    references: ['https://httpd.apache.org/docs/2.4/bind.html#ipv6', 'research/real-daemons.md Addendum'],
  },
  check(ctx) {
    const facts = listenFacts(ctx.model);
    for (const w of facts) {
      if (w.binding !== 'dual' || w.host === '0.0.0.0') continue;
      // A specific IPv6 address beside the IPv6 wildcard: whichever is bound second fails (Linux). httpd
      // binds in the order of the Listens; a port-only or `*` Listen is the pair [::] then 0.0.0.0, and when its [::]
      // fails with the next listener on 0.0.0.0 of that port, open_listeners (server/listen.c) carries on with IPv4
      // alone: so `Listen [::1]:8080` before `Listen 8080` starts (IPv6 on ::1 only), after it does not. `[::]:8080`
      // has no IPv4 fallback: both orders fail. (Measured on a real start, Apache 2.4 on Linux.)
      const explicitV6 = w.hp.kind === 'ipv6' || !!w.hp.unbracketed?.apacheReading;
      for (const v6 of facts) {
        if (v6.binding !== 'ipv6' || v6.port !== w.port) continue;
        if (!explicitV6 && v6.directive.span.start < w.directive.span.start) continue;
        ctx.report({
          span: v6.arg,
          message:
            `Listen ${v6.arg.value} and Listen ${w.arg.value} cannot both bind on Linux: the IPv6 wildcard already holds port ${w.port} on every IPv6 address, ` +
            `so httpd fails with "(98)Address already in use: AH00072: make_sock" and starts no listener at all.`,
          related: [{ span: w.arg, message: 'the wildcard Listen on the same port' }],
          fixes: [{ title: `Remove 'Listen ${v6.arg.value}' (the wildcard serves it too)`, safe: false, edits: [removeLines(ctx.text, ctx.lines, v6.directive)] }],
        });
      }
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
