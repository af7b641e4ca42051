// apache/ipv4-only-listen: every Listen binds an IPv4 address, so httpd is unreachable over IPv6.
import { defineRule } from '../../../core/rule';
import type { Fix } from '../../../core/types';
import { bracket, isUnspecified } from '../hostport';
import { hasIncludes, insertLineAfter, ipv6Twins, linkedListenFacts, listenFacts } from '../listen';
import type { ApacheModel } from '../model';

export default defineRule<ApacheModel>({
  id: 'apache/ipv4-only-listen',
  // Whole-file (no scope): its fixes pair a Listen with the IPv6 addresses of the file's <VirtualHost> sections.
  severity: 'warning',
  docs: {
    summary: 'Every `Listen` names an IPv4 address: httpd does not accept a single IPv6 connection.',
    why:
      '`Listen 0.0.0.0:80` and `Listen 192.0.2.1:80` bind IPv4 sockets only; clients on an IPv6-only network get ' +
      '"connection refused". `Listen 80` and `Listen [::]:80` are one dual-stack socket on Linux (IPv4 arrives as ' +
      'IPv4-mapped), so they serve both families. The Listens of the files included with this one (an `Include`d ' +
      'ports.conf) count too, when they can be read.',
    bad: 'Listen 0.0.0.0:80',
    good: 'Listen 80\nListen 8443 https',
    fix:
      'Not safe (it opens IPv6): `Listen 0.0.0.0:<port>` becomes `Listen <port>`. Beside a specific IPv4 address it adds ' +
      '`Listen [<ipv6>]:<port>` only for an IPv6 address this file already names (a <VirtualHost> or another Listen). It ' +
      'never adds `[::]:<port>` beside a specific IPv4 Listen: on Linux httpd then fails with "Address already in use" ' +
      'and starts no listener at all (apache/listen-conflict).',
    references: ['https://httpd.apache.org/docs/2.4/bind.html', 'research/real-daemons.md §2c and Addendum'],
  },
  check(ctx) {
    const facts = listenFacts(ctx.model);
    if (facts.length === 0 || !facts.every((f) => f.binding === 'ipv4')) return;
    // The Listens of the whole include tree count (httpd reads it as one config): an included ports.conf may add IPv6.
    if (!linkedListenFacts(ctx.linked).every((f) => f.binding === 'ipv4')) return;
    // What the message may claim: an Include that was not read (a document on its own, a missing file) may hold one.
    const where = ctx.linked.length > 0 ? 'no Listen of this file or of the files included with it' : 'no Listen of this file';
    const unsure = ctx.linkedPartial || (ctx.linked.length === 0 && hasIncludes(ctx.model));
    const ports = new Set(facts.map((f) => f.port));
    for (const f of facts) {
      const fixes: Fix[] = [];
      if (isUnspecified(f.host)) {
        fixes.push({ title: `Listen on port ${f.port} on both IPv4 and IPv6`, safe: false, edits: [{ start: f.arg.start, end: f.arg.end, newText: f.port! }] });
      } else {
        for (const v6 of ipv6Twins(ctx.model, f.host, f.port)) {
          const line = `Listen ${bracket(v6, f.port)}`;
          fixes.push({ title: `Add '${line}'`, safe: false, edits: [insertLineAfter(ctx.text, ctx.lines, f.directive, line)] });
        }
      }
      ctx.report({
        span: f.arg,
        message:
          (unsure
            ? `Listen ${f.arg.value} binds IPv4 only, and ${where} that could be read accepts IPv6 (an included file that was not read may): httpd may be unreachable over IPv6`
            : `Listen ${f.arg.value} binds IPv4 only, and ${where} accepts IPv6: httpd is unreachable over IPv6`) +
          `${ports.size === 1 ? ` on port ${f.port}` : ''}. ` +
          (isUnspecified(f.host) ? `Write 'Listen ${f.port}' (one dual-stack socket).` : 'Add a Listen for the matching IPv6 address.'),
        fixes,
      });
    }
  },
});
