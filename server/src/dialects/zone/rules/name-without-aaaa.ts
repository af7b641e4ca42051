// zone/name-without-aaaa: any other name with an A record and no AAAA (info): it is unreachable from IPv6-only
// clients. Off for the names the user lists by suppression comments.
import { defineRule } from '../../../core/rule';
import { addressFacts, isGlue, shortName } from '../ipv6';
import { followCnames, inZone, type ZoneModel } from '../model';

export default defineRule<ZoneModel>({
  id: 'zone/name-without-aaaa',
  severity: 'info',
  docs: {
    summary: 'A name has an A record but no AAAA record (name servers and mail hosts have their own rules).',
    why:
      'Clients on IPv6-only networks (mobile networks, newer data centres) reach an IPv4-only name only through NAT64/DNS64, if ' +
      'their network offers it; without it the name does not work for them at all. Names that are IPv4-only on purpose ' +
      '(a legacy device, an IPv4 literal endpoint) are fine: list them with a suppression comment above their A record, ' +
      '`; v6ready-disable-next-line zone/name-without-aaaa -- IPv4-only printer`, or turn the rule off for a file with ' +
      '`; v6ready-disable-file zone/name-without-aaaa`, or everywhere with the setting `"zone/name-without-aaaa": "off"`. ' +
      'Glue below a delegation is left to zone/ns-without-aaaa; names made by $GENERATE are reported once per line.',
    bad: 'www   IN  A     192.0.2.80',
    good: 'www   IN  A     192.0.2.80\nwww   IN  AAAA  2001:db8::80',
    fix: 'No automatic fix: add an AAAA record with the IPv6 address of the service, or suppress the finding for that name.',
    references: ['https://www.rfc-editor.org/rfc/rfc3596', 'https://www.rfc-editor.org/rfc/rfc6147', 'https://www.rfc-editor.org/rfc/rfc9386'],
  },
  check(ctx) {
    const m = ctx.model;
    // Name servers and mail hosts are the business of the two specific rules.
    const served = new Set<string>();
    for (const r of m.records) {
      if (r.type.code === 2 && r.names.get(0)) served.add(r.names.get(0)!);
      if (r.type.code === 15 && r.names.get(1)) served.add(followCnames(m, r.names.get(1)!));
    }
    const skip = (owner: string) => served.has(owner) || isGlue(m, owner) || inZone(m, owner) === false;
    for (const owner of m.byOwner.keys()) {
      if (skip(owner)) continue;
      const f = addressFacts(m, owner);
      const firstA = f.firstA;
      if (!firstA || f.hasAAAA) continue;
      const name = shortName(m, owner);
      ctx.report({
        span: firstA.ownerNode ?? firstA.typeNode,
        message: `${name} has an A record but no AAAA: clients on IPv6-only networks reach it only through NAT64, if at all. Add an AAAA record, or list it as IPv4-only with a suppression comment.`,
      });
    }
    // $GENERATE lines: one finding per line that makes IPv4-only names.
    const lines = new Map<(typeof m.generated)[number]['directive'], string[]>();
    for (const g of m.generated) {
      if (g.type.code !== 1 || skip(g.owner) || addressFacts(m, g.owner).hasAAAA) continue;
      const list = lines.get(g.directive) ?? [];
      list.push(g.owner);
      lines.set(g.directive, list);
    }
    for (const [d, owners] of lines) {
      const range = owners.length > 1 ? `${shortName(m, owners[0])} … ${shortName(m, owners[owners.length - 1])}` : shortName(m, owners[0]);
      ctx.report({
        span: d.args[1] ?? d.nameNode,
        message: `This $GENERATE makes ${owners.length} name${owners.length === 1 ? '' : 's'} with an A record and no AAAA (${range}). Generate AAAA records for them too, or suppress the finding.`,
      });
    }
  },
});
