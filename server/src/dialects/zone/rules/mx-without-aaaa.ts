// zone/mx-without-aaaa: a mail exchanger with an A record in this zone and no AAAA; IPv6-only senders cannot
// deliver to it.
import { defineRule } from '../../../core/rule';
import { aRecordSpan, addressFacts, shortName } from '../ipv6';
import { followCnames, inZone, type ZoneModel } from '../model';

export default defineRule<ZoneModel>({
  id: 'zone/mx-without-aaaa',
  severity: 'warning',
  docs: {
    summary: 'An MX record names a mail host that has an A record in this zone but no AAAA record.',
    why:
      'A mail server that has only IPv6 connectivity looks up the AAAA records of the MX hosts (RFC 5321 §5.1) and finds none: ' +
      'mail from it is deferred and finally bounced, or relayed through a dual-stack smarthost if it has one. named-checkzone ' +
      'says nothing about it. An MX that points at a CNAME is followed inside the zone (though RFC 2181 §10.3 forbids it).',
    bad: '@     IN  MX    10 mail\nmail  IN  A     192.0.2.25',
    good: '@     IN  MX    10 mail\nmail  IN  A     192.0.2.25\nmail  IN  AAAA  2001:db8::25',
    fix:
      'No automatic fix: add an AAAA record for the mail host with its IPv6 address, and make sure the MTA listens on IPv6. A host ' +
      'without IPv6 can be suppressed with `; v6ready-disable-next-line zone/mx-without-aaaa -- reason` above the MX line.',
    references: ['https://www.rfc-editor.org/rfc/rfc5321#section-5.1', 'https://www.rfc-editor.org/rfc/rfc3596'],
  },
  check(ctx) {
    const m = ctx.model;
    for (const rec of m.records) {
      if (rec.type.code !== 15 || inZone(m, rec.owner) === false) continue;
      const exchange = rec.names.get(1);
      const node = rec.rdata[1];
      if (!exchange || !node || exchange === '.') continue;
      const host = followCnames(m, exchange);
      const f = addressFacts(m, host);
      if (!f.hasA || f.hasAAAA) continue;
      const name = shortName(m, host);
      const via = host !== exchange ? ` (reached through the CNAME ${shortName(m, exchange)})` : '';
      ctx.report({
        span: node,
        message:
          `Mail host ${name}${via} has an A record but no AAAA: mail servers on IPv6-only networks cannot deliver to it. ` +
          `Add an AAAA record for ${name}.`,
        related: f.firstA ? [{ span: aRecordSpan(f.firstA), message: `the A record of ${name}` }] : undefined,
      });
    }
  },
});
