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
      'For `localhost`, not safe: writes the two loopback addresses, `127.0.0.1` and `[::1]`, with the same port (under ' +
      '`AddressFamily inet` only `127.0.0.1`, under `inet6` only `[::1]`: sshd refuses an address of the other family). Other ' +
      'names have no automatic fix: list the host\'s addresses yourself.',
    references: ['https://man.openbsd.org/sshd_config#ListenAddress', 'research/real-daemons.md §4a, §8'],
  },
  check(ctx) {
    for (const la of ctx.model.listenAddresses) {
      if (la.error || la.hostKind.kind !== 'hostname') continue;
      const fixes: Fix[] = [];
      const isLocalhost = /^localhost\.?$/i.test(la.host);
      // sshd resolves every ListenAddress in the family AddressFamily names (the first one it reads): under inet an
      // `[::1]` line stops it ("bad addr or host: ::1 (Address family for hostname not supported)"), and under
      // inet6 a `127.0.0.1` one. So only the loopback address of that family is offered there.
      const family = ctx.model.addressFamily?.value;
      if (isLocalhost) {
        const suffix = la.rdomain ? ` rdomain ${la.rdomain}` : '';
        const v4 = la.port !== undefined ? `127.0.0.1:${la.port}` : '127.0.0.1';
        const v6 = la.port !== undefined ? `[::1]:${la.port}` : '::1';
        if (family === 'inet' || family === 'inet6') {
          const only = family === 'inet' ? v4 : v6;
          fixes.push({ title: `Listen on ${only}`, safe: false, edits: [replaceSpan(la.arg, only)] });
        } else {
          fixes.push({
            title: `Listen on ${v4} and ${v6}`,
            safe: false,
            edits: [replaceSpan(la.arg, v4), insertLinesAfter(ctx.lines, la.directive, [`${la.directive.keyword} ${v6}${suffix}`])],
          });
        }
      }
      ctx.report({
        span: la.arg,
        message:
          `'${la.host}' is a host name: sshd resolves it once at startup and listens only on the addresses it gets then — ` +
          (!isLocalhost ? `IPv4 only if the name has no AAAA record. List the addresses instead.`
            : family === 'inet' ? `127.0.0.1 under AddressFamily inet. Write the loopback address instead.`
              : family === 'inet6' ? `::1 under AddressFamily inet6, and sshd does not start at all where /etc/hosts has no '::1 localhost'. Write the loopback address instead.`
                : `127.0.0.1 alone where /etc/hosts has no '::1 localhost'. Write the loopback addresses instead.`),
        fixes,
      });
    }
  },
});
