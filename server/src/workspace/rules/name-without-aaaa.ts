// workspace/name-without-aaaa: a name a service of the workspace serves (and that service listens on IPv6) whose
// zone, also in the workspace, has an A record for it but no AAAA: IPv6-only clients cannot find the service.
import { displayName, zoneOf, type ServedName } from '../model';
import { defineWorkspaceRule } from '../rule';

const SERVICE_WORD: Record<string, string> = { web: 'httpd', mail: 'sendmail', dns: 'named', ssh: 'sshd', os: 'the host' };

export default defineWorkspaceRule({
  id: 'workspace/name-without-aaaa',
  severity: 'warning',
  docs: {
    summary: 'A name a service serves (Apache `ServerName`/`ServerAlias`, Sendmail `confDOMAIN_NAME`) has an A record but no AAAA record in its zone in the workspace, although the service listens on IPv6.',
    why: 'The service is ready for IPv6 clients but DNS does not tell them where it is: a client on an IPv6-only network looks up the AAAA record, finds none, and never connects. The zone is in the same workspace, so the fix is one record away. Names served by a service that does not listen on IPv6 are left out on purpose: publishing AAAA for them would break clients (workspace/aaaa-without-listener).',
    bad: '# httpd.conf\nListen 80\nServerName www.example.net\n\n; db.example.net (zone "example.net" in named.conf)\nwww  IN  A     192.0.2.80',
    good: '; db.example.net\nwww  IN  A     192.0.2.80\nwww  IN  AAAA  2001:db8::80',
    fix: 'None automatic: add an AAAA record with the address the service listens on (the finding links to the A record). Or, if the name should stay IPv4-only, disable the rule for that line with a suppression comment.',
    references: ['RFC 3596 (DNS extensions to support IPv6)', 'RFC 8305 (Happy Eyeballs v2: clients ask for AAAA first)', 'research/real-daemons.md'],
  },
  check(ctx) {
    const { ws } = ctx;
    for (const service of ws.services) {
      if (service.listen.v6 !== true) continue;
      const seen = new Set<string>();
      for (const n of service.names) {
        // NS and MX targets have their own rules (workspace/ns-unreachable-v6, zone/mx-without-aaaa).
        if (!n.host || n.source === 'NS' || n.source === 'MX' || seen.has(n.name)) continue;
        seen.add(n.name);
        report(n);
      }
      function report(n: ServedName) {
        const zone = zoneOf(ws, n.name);
        if (!zone) return;
        const records = ws.addresses.get(n.name) ?? [];
        const a = records.filter((r) => r.type === 'A');
        if (a.length === 0 || records.some((r) => r.type === 'AAAA')) return;
        ctx.report({
          site: n.site,
          message:
            `${displayName(n.name)} (${n.source}) has an A record but no AAAA record in zone ${displayName(zone.zone)}, while ${SERVICE_WORD[service.kind]} listens on IPv6: ` +
            `IPv6-only clients cannot find this service. Add an AAAA record for ${displayName(n.name)}.`,
          related: [
            ...a.map((r) => ({ file: r.site.file, span: r.site.span, message: `A record of ${displayName(n.name)} (${r.address}); no AAAA beside it` })),
            ...(service.listen.site ? [{ ...service.listen.site, message: `${SERVICE_WORD[service.kind]} listens on IPv6 here` }] : []),
          ],
        });
      }
    }
  },
});
