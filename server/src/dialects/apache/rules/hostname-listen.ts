// apache/hostname-listen: a host name in Listen binds whatever the resolver returns, often IPv4 only.
import { defineRule } from '../../../core/rule';
import type { Fix } from '../../../core/types';
import { isLoopback } from '../hostport';
import { insertLineAfter, linkedListenFacts, listenFacts, removeLines } from '../listen';
import type { ApacheModel } from '../model';

export default defineRule<ApacheModel>({
  id: 'apache/hostname-listen',
  // Each Listen alone; a local <VirtualHost> holds none (segments.ts).
  scope: 'statement',
  severity: 'warning',
  docs: {
    summary: 'A host name in `Listen` (`Listen localhost:8080`): httpd binds the address the resolver returns at startup.',
    why:
      'httpd resolves the name once and binds the first address it gets. Where /etc/hosts maps `localhost` to 127.0.0.1 ' +
      'only (measured on Debian 12 images), `Listen localhost:8080` is IPv4 only and `curl -6 http://[::1]:8080/` is refused. ' +
      'The result also changes with DNS, and a name that does not resolve stops httpd from starting.',
    bad: 'Listen localhost:8080',
    good: 'Listen 127.0.0.1:8080\nListen [::1]:8080',
    fix: 'Not safe: for `localhost`, replaces the name with `127.0.0.1` and adds `Listen [::1]:<port>`. Other names get no fix: write the addresses you mean.',
    references: ['https://httpd.apache.org/docs/2.4/mod/mpm_common.html#listen', 'research/real-daemons.md §2c'],
  },
  check(ctx) {
    const facts = listenFacts(ctx.model);
    // Those of the files included with this one too: httpd reads the include tree as one config.
    const tree = ctx.linked.length ? [...facts, ...linkedListenFacts(ctx.linked)] : facts;
    for (const f of facts) {
      if (f.binding !== 'name' || !f.port) continue;
      const fixes: Fix[] = [];
      const proto = f.directive.args.slice(1).map((a) => ` ${a.image}`).join('');
      if (f.host.toLowerCase() === 'localhost') {
        // httpd refuses a second Listen on an address and port it already has ("Cannot define multiple Listeners on
        // the same IP:port"): name only the loopback addresses not listened on yet.
        const has = (family: 'ipv4' | 'ipv6') => tree.some((g) => g.binding === family && g.port === f.port && isLoopback(g.host) && (family === 'ipv6' || g.host === '127.0.0.1'));
        const v4 = `127.0.0.1:${f.port}`;
        const v6 = `[::1]:${f.port}`;
        const edits =
          has('ipv4') && has('ipv6')
            ? [removeLines(ctx.text, ctx.lines, f.directive)]
            : has('ipv4')
              ? [{ start: f.arg.start, end: f.arg.end, newText: v6 }]
              : has('ipv6')
                ? [{ start: f.arg.start, end: f.arg.end, newText: v4 }]
                : [{ start: f.arg.start, end: f.arg.end, newText: v4 }, insertLineAfter(ctx.text, ctx.lines, f.directive, `Listen ${v6}${proto}`)];
        const title =
          has('ipv4') && has('ipv6')
            ? `Remove this Listen (${v4} and ${v6} are listened on already)`
            : has('ipv4')
              ? `Listen on ${v6} (${v4} is listened on already)`
              : has('ipv6')
                ? `Listen on ${v4} (${v6} is listened on already)`
                : `Listen on ${v4} and ${v6}`;
        fixes.push({ title, safe: false, edits });
      }
      ctx.report({
        span: f.arg,
        message:
          `Listen ${f.arg.value} binds what '${f.host}' resolves to when httpd starts, often an IPv4 address only (localhost has no ::1 in many /etc/hosts). ` +
          (f.host.toLowerCase() === 'localhost'
            ? `Name the addresses: Listen 127.0.0.1:${f.port} and Listen [::1]:${f.port}.`
            : `Name the addresses it should bind, an IPv4 and an IPv6 Listen, or write Listen ${f.port} for all.`),
        fixes,
      });
    }
  },
});
