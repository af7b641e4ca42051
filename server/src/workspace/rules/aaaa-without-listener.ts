// workspace/aaaa-without-listener: a zone of the workspace publishes an AAAA record for a name whose service (in
// the same workspace) does not listen on IPv6: clients try IPv6 first and fail, or wait, before falling back.
import { displayName, type ServiceKind } from '../model';
import { defineWorkspaceRule } from '../rule';

const DAEMON: Record<ServiceKind, string> = { web: 'httpd', mail: 'sendmail', dns: 'named', ssh: 'sshd', os: 'the host' };

export default defineWorkspaceRule({
  id: 'workspace/aaaa-without-listener',
  severity: 'error',
  docs: {
    summary: 'A zone in the workspace publishes an AAAA record for a name whose service in the workspace does not listen on IPv6 (Apache `Listen` IPv4 only, Sendmail without a `Family=inet6` daemon).',
    why: 'Clients prefer IPv6: with an AAAA record they connect to the IPv6 address first. When the daemon listens on IPv4 only, that connection is refused (or, through a firewall, times out) and a dual-stack client falls back late, while an IPv6-only client never reaches the service at all. Publishing AAAA for a service that does not listen on IPv6 is worse than publishing none.',
    bad: '# httpd.conf\nListen 192.0.2.80:80\nServerName www.example.net\n\n; db.example.net\nwww  IN  A     192.0.2.80\nwww  IN  AAAA  2001:db8::80',
    good: '# httpd.conf\nListen 192.0.2.80:80\nListen [2001:db8::80]:80\nServerName www.example.net',
    fix: 'None automatic: make the service listen on the IPv6 address (the finding links to its listener), or remove the AAAA record until it does.',
    references: ['RFC 8305 (Happy Eyeballs v2)', 'RFC 6555', 'research/real-daemons.md'],
  },
  check(ctx) {
    const { ws } = ctx;
    for (const service of ws.services) {
      if (service.listen.v6 !== false || service.kind === 'dns') continue; // name servers: workspace/ns-unreachable-v6
      const reported = new Set<string>();
      for (const n of service.names) {
        if (!n.host) continue; // a mail domain's own AAAA is its web site's, not the MTA's
        for (const r of ws.addresses.get(n.name) ?? []) {
          if (r.type !== 'AAAA' || reported.has(`${r.site.file} ${r.site.span.start}`)) continue;
          reported.add(`${r.site.file} ${r.site.span.start}`);
          ctx.report({
            site: r.site,
            message:
              `AAAA record for ${displayName(n.name)}, but ${DAEMON[service.kind]} (${n.source} ${displayName(n.name)}) does not listen on IPv6: ` +
              `clients try ${r.address} first and fail. Make ${DAEMON[service.kind]} listen on IPv6, or remove this record.`,
            related: [
              ...(service.listen.site ? [{ ...service.listen.site, message: `${DAEMON[service.kind]} ${service.listen.v4 ? 'listens on IPv4 only' : 'listens on no address other hosts reach over IPv6'}: ${service.listen.detail}` }] : []),
              { ...n.site, message: `${displayName(n.name)} is served here (${n.source})` },
            ],
          });
        }
      }
    }
  },
});
