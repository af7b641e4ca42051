// sshd/hostname-listenaddress: a host name in ListenAddress binds whatever the resolver returns at startup, often IPv4 only.
import { defineRule } from '../../../core/rule';
import type { Fix } from '../../../core/types';
import { insertLinesAfter, replaceSpan } from '../edits';
import type { SshdModel } from '../model';

export default defineRule<SshdModel>({
  id: 'sshd/hostname-listenaddress',
  severity: 'warning',
  docs: {
    summary: 'A host name in ListenAddress: sshd listens on whatever the resolver returns at startup, often IPv4 only.',
    why:
      'sshd resolves the name once, when it starts, and binds every address it gets back. `localhost` is `127.0.0.1` ' +
      'alone wherever /etc/hosts has no `::1 localhost` line (many container images), and a name without an AAAA ' +
      'record gives IPv4 only: `ListenAddress localhost:2222` then listens on `127.0.0.1:2222` and refuses IPv6. When ' +
      'DNS is not up yet at boot, sshd does not start at all.',
    bad: 'ListenAddress localhost:2222',
    good: 'ListenAddress 127.0.0.1:2222\nListenAddress [::1]:2222',
    fix:
      'For `localhost`, not safe: writes the two loopback addresses, `127.0.0.1` and `[::1]`, with the same port. Other ' +
      'names have no automatic fix: list the host\'s addresses yourself.',
    references: ['https://man.openbsd.org/sshd_config#ListenAddress', 'research/real-daemons.md §4a, §8'],
  },
  check(ctx) {
    for (const la of ctx.model.listenAddresses) {
      if (la.error || la.hostKind.kind !== 'hostname') continue;
      const fixes: Fix[] = [];
      const isLocalhost = /^localhost\.?$/i.test(la.host);
      if (isLocalhost) {
        const suffix = la.rdomain ? ` rdomain ${la.rdomain}` : '';
        const v4 = la.port !== undefined ? `127.0.0.1:${la.port}` : '127.0.0.1';
        const v6 = la.port !== undefined ? `[::1]:${la.port}` : '::1';
        fixes.push({
          title: `Listen on ${v4} and ${v6}`,
          safe: false,
          edits: [replaceSpan(la.arg, v4), insertLinesAfter(ctx.lines, la.directive, [`${la.directive.keyword} ${v6}${suffix}`])],
        });
      }
      ctx.report({
        span: la.arg,
        message:
          `'${la.host}' is a host name: sshd resolves it once at startup and listens only on the addresses it gets then — ` +
          (isLocalhost ? `127.0.0.1 alone where /etc/hosts has no '::1 localhost'. Write the loopback addresses instead.` : `IPv4 only if the name has no AAAA record. List the addresses instead.`),
        fixes,
      });
    }
  },
});
