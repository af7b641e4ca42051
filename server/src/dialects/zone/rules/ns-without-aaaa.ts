// zone/ns-without-aaaa: a name server whose address records in this zone are IPv4 only. named-checkzone says
// nothing (research §1f), and resolvers on IPv6-only networks cannot reach the server.
import { defineRule } from '../../../core/rule';
import { aRecordSpan, addressFacts, isGlue, shortName } from '../ipv6';
import { inZone, type ZoneModel } from '../model';

export default defineRule<ZoneModel>({
  id: 'zone/ns-without-aaaa',
  severity: 'warning',
  docs: {
    summary: 'An NS record names a server that has an A record in this zone but no AAAA record.',
    why:
      'A resolver that has only IPv6 connectivity (an IPv6-only network, or NAT64 without DNS64 for its own queries) can send its ' +
      'queries only to name servers with an AAAA record. When every server of a zone is IPv4-only the zone is unreachable from ' +
      'there; for a delegation, the child zone is. named-checkzone reports a name server without any address, but loads one with ' +
      'only an A record without a word (research/real-daemons.md §1f). A server listening on IPv6 is not enough: its name must ' +
      'also resolve to the IPv6 address, in the zone (or as glue below a delegation).',
    bad: '@     IN  NS    ns1\nns1   IN  A     192.0.2.53',
    good: '@     IN  NS    ns1\nns1   IN  A     192.0.2.53\nns1   IN  AAAA  2001:db8::53',
    fix:
      'No automatic fix: the IPv6 address of the server is yours to give. Add an AAAA record beside the A record (and make sure ' +
      'named listens on it: see bind/ipv6-in-listen-on). A server that really has no IPv6 can be suppressed with ' +
      '`; v6ready-disable-next-line zone/ns-without-aaaa -- reason` above the NS line. Records in $INCLUDE files are not seen.',
    references: ['https://www.rfc-editor.org/rfc/rfc3901', 'https://www.rfc-editor.org/rfc/rfc3596', 'research/real-daemons.md §1f'],
  },
  check(ctx) {
    const m = ctx.model;
    for (const rec of m.records) {
      if (rec.type.code !== 2 || inZone(m, rec.owner) === false) continue;
      const target = rec.names.get(0);
      const node = rec.rdata[0];
      if (!target || !node) continue;
      const f = addressFacts(m, target);
      if (!f.hasA || f.hasAAAA) continue;
      const glue = isGlue(m, target);
      const name = shortName(m, target);
      const where = rec.owner === m.apex ? 'this zone' : `the delegation of ${shortName(m, rec.owner)}`;
      ctx.report({
        span: node,
        message:
          `Name server ${name} has an A record but no AAAA: resolvers on IPv6-only networks cannot reach it for ${where}` +
          `${glue ? ' (there is IPv4 glue and no IPv6 glue)' : ''}. named-checkzone does not report this. Add an AAAA record for ${name}.`,
        related: f.firstA ? [{ span: aRecordSpan(f.firstA), message: `the A record of ${name}` }] : undefined,
      });
    }
  },
});
