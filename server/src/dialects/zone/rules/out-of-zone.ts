// zone/out-of-zone: records whose owner is outside the zone the file states; named ignores them, silently dropping
// the addresses (or the glue) they were meant to publish.
import { defineRule } from '../../../core/rule';
import { displayName } from '../names';
import { inZone, type ZoneModel } from '../model';

export default defineRule<ZoneModel>({
  id: 'zone/out-of-zone',
  severity: 'warning',
  topic: 'general',
  docs: {
    summary: 'A record whose owner name lies outside the zone (the SOA owner, or the $ORIGIN before it).',
    why:
      'named loads only the names at or below the zone apex. A record outside it is dropped with "ignoring out-of-zone data": a ' +
      'name server address written with the wrong origin, or an AAAA added under a sibling domain, is simply not served. ' +
      'Typical causes are a forgotten final dot (`ns1.example.net` under origin `example.net.` becomes `ns1.example.net.example.net.` ' +
      '— that one stays inside) or a wrong `$ORIGIN`. Checked only when the file says its origin ($ORIGIN, or an absolute SOA owner).',
    bad: '$ORIGIN example.net.\n@             IN  SOA  ns1 hostmaster 1 2h 1h 1w 1h\n@             IN  NS   ns1.example.com.\nns1.example.com.  IN  AAAA  2001:db8::53',
    good: '$ORIGIN example.net.\n@             IN  SOA  ns1 hostmaster 1 2h 1h 1w 1h\n@             IN  NS   ns1.example.com.\n; ns1.example.com. has its AAAA in the example.com zone',
    fix: 'No automatic fix: move the record to the zone that owns the name, or correct the name.',
    references: ['https://www.rfc-editor.org/rfc/rfc1034#section-4.2.1', 'https://bind9.readthedocs.io/en/v9.18/manpages.html#named-checkzone-zone-file-validation-tool'],
  },
  check(ctx) {
    const m = ctx.model;
    if (!m.originKnown) return;
    for (const r of m.records) {
      if (inZone(m, r.owner) !== false) continue;
      ctx.report({
        span: r.ownerNode ?? r.typeNode,
        message: `ignoring out-of-zone data (${displayName(r.owner)}): the zone is ${displayName(m.apex)}, so named does not load this ${r.type.name} record.`,
      });
    }
  },
});
