// workspace/ns-unreachable-v6: the zone's own name servers (NS targets inside the zone) and named's IPv6 listener
// disagree: AAAA published while named does not listen on IPv6, or named listens on IPv6 and no in-zone name
// server has an AAAA record.
import { displayName, isSubdomainOf, serviceOf } from '../model';
import { defineWorkspaceRule } from '../rule';

export default defineWorkspaceRule({
  id: 'workspace/ns-unreachable-v6',
  severity: 'warning',
  docs: {
    summary: "A zone's in-zone name servers have AAAA records while named does not listen on IPv6, or named listens on IPv6 but none of them has an AAAA record.",
    why: 'Resolvers reach a zone through the addresses of its NS names. An AAAA record for a name server whose named does not listen on IPv6 sends resolvers to a dead address: every IPv6 query times out before they retry elsewhere. The reverse leaves an IPv6-only resolver no way to reach a server that would answer it. Both are visible only when named.conf and the zone file are read together.',
    bad: '// named.conf\noptions { listen-on-v6 { none; }; };\nzone "example.net" { type primary; file "db.example.net"; };\n\n; db.example.net\n@    IN  NS    ns1\nns1  IN  A     192.0.2.53\nns1  IN  AAAA  2001:db8::53',
    good: '// named.conf\noptions { listen-on-v6 { any; }; };',
    fix: 'None automatic: let named listen on IPv6 (`listen-on-v6 { any; };`, the default) and keep the AAAA records, or remove them until it does; when named listens on IPv6, add an AAAA record for at least one in-zone name server.',
    references: ['BIND 9 ARM: listen-on-v6', 'RFC 3901 (DNS IPv6 transport operational guidelines)', 'research/real-daemons.md'],
  },
  check(ctx) {
    const { ws } = ctx;
    const named = serviceOf(ws, 'dns');
    if (!named || named.listen.v6 === undefined) return;
    const done = new Set<string>();
    for (const z of ws.zones) {
      if (!z.zoneFile || done.has(z.zone)) continue;
      done.add(z.zone);
      const ns = ws.delegations.filter((d) => d.type === 'NS' && d.zone === z.zone && d.owner === z.zone && isSubdomainOf(d.target, z.zone));
      if (ns.length === 0) continue;
      const targets = [...new Set(ns.map((d) => d.target))];
      const aaaa = targets.flatMap((t) => (ws.addresses.get(t) ?? []).filter((r) => r.type === 'AAAA'));
      if (named.listen.v6 === false) {
        for (const r of aaaa) {
          ctx.report({
            site: r.site,
            message:
              `AAAA record for name server ${displayName(r.owner)} of zone ${displayName(z.zone)}, but named does not listen on IPv6: ` +
              `resolvers send IPv6 queries to ${r.address} and time out. Let named listen on IPv6, or remove this record.`,
            related: [
              ...(named.listen.site ? [{ ...named.listen.site, message: `named does not listen on IPv6: ${named.listen.detail}` }] : []),
              { ...z.site, message: `zone ${displayName(z.zone)} is served from this named.conf` },
            ],
          });
        }
      } else if (aaaa.length === 0) {
        const hasA = targets.some((t) => (ws.addresses.get(t) ?? []).some((r) => r.type === 'A'));
        if (!hasA) continue; // no addresses at all in this zone: glue lives elsewhere
        ctx.report({
          site: z.site,
          message:
            `named listens on IPv6, but no in-zone name server of ${displayName(z.zone)} (${targets.map(displayName).join(', ')}) has an AAAA record: ` +
            'IPv6-only resolvers cannot reach this zone. Add an AAAA record for at least one of them.',
          related: [
            ...ns.map((d) => ({ file: d.site.file, span: d.site.span, message: `NS ${displayName(d.target)}: no AAAA record` })),
            ...(named.listen.site ? [{ ...named.listen.site, message: `named listens on IPv6: ${named.listen.detail}` }] : []),
          ],
        });
      }
    }
  },
});
