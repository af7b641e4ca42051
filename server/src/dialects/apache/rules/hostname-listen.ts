// apache/hostname-listen: a host name in Listen binds whatever the resolver returns, often IPv4 only.
import { defineRule } from '../../../core/rule';
import type { Fix } from '../../../core/types';
import { insertLineAfter, listenFacts } from '../listen';
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
    for (const f of listenFacts(ctx.model)) {
      if (f.binding !== 'name' || !f.port) continue;
      const fixes: Fix[] = [];
      const proto = f.directive.args.slice(1).map((a) => ` ${a.image}`).join('');
      if (f.host.toLowerCase() === 'localhost') {
        fixes.push({
          title: `Listen on 127.0.0.1:${f.port} and [::1]:${f.port}`,
          safe: false,
          edits: [
            { start: f.arg.start, end: f.arg.end, newText: `127.0.0.1:${f.port}` },
            insertLineAfter(ctx.text, ctx.lines, f.directive, `Listen [::1]:${f.port}${proto}`),
          ],
        });
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
