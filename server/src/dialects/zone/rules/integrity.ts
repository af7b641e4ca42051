// zone/integrity: records that parse but make named refuse the zone: no NS at the apex, an apex name server
// without any address or behind a CNAME, CNAME beside other data, a second SOA or CNAME, another class, no TTL.
import { defineRule } from '../../../core/rule';
import type { ReportInput } from '../../../core/types';
import { displayName } from '../names';
import { cutAbove, hasType, recordsOf, writtenRelative, type ZoneModel, type ZoneRecord } from '../model';
import { parseTTL } from '../rrtypes';

/** Types that may share an owner with a CNAME (DNSSEC data about the CNAME itself). */
const BESIDE_CNAME = new Set([24, 25, 30, 46, 47]);

/**
 * Do two SOA or CNAME records carry the same data? named adds each record to its name's rdataset and drops one whose
 * rdata is already there (dns_rdataset merge), so a repeated record is no error: an AXFR dump ends with the SOA again.
 * Only data that differs is "multiple RRs of singleton type". Names compare in canonical form (case-insensitive,
 * relative resolved), numbers by value (`2h` = `7200`, `01` = `1`); the TTL is not rdata. When the data cannot be
 * compared (generic `\#` form, a field that did not parse), the records count as different.
 */
function sameData(a: ZoneRecord, b: ZoneRecord): boolean {
  if (a.type.code !== b.type.code || a.generic || b.generic || a.rdata.length !== b.rdata.length) return false;
  for (let i = 0; i < a.rdata.length; i++) {
    const na = a.names.get(i);
    const nb = b.names.get(i);
    if (na !== undefined || nb !== undefined) {
      if (na === undefined || na !== nb) return false;
      continue;
    }
    // The SOA's serial and timers.
    const va = parseTTL(a.rdata[i].value);
    if (va === undefined || va !== parseTTL(b.rdata[i].value)) return false;
  }
  return true;
}

function at(rec: ZoneRecord) {
  return rec.ownerNode ?? rec.typeNode;
}

export default defineRule<ZoneModel>({
  id: 'zone/integrity',
  severity: 'error',
  docs: {
    summary:
      'Records that are each well formed but that make named refuse the zone: no NS records at the apex, an apex name server ' +
      'without any address record or that is a CNAME, a CNAME beside other data, a second SOA or CNAME, a record of another ' +
      'class, a record before any TTL is known.',
    why:
      'named-checkzone checks the zone as a whole after reading it, and on these errors prints "not loaded due to errors": named ' +
      'then serves SERVFAIL for the whole zone. The messages quote named-checkzone. Names in an $INCLUDE file are not seen, so the ' +
      'checks that need every record of the zone (NS present, name server addresses) are skipped in a file with $INCLUDE.',
    bad: '$TTL 1h\n@     IN  SOA  ns1 hostmaster 1 2h 1h 1w 1h\n@     IN  NS   ns1\n@     IN  NS   ns2\nns1   IN  A    192.0.2.53\nwww   IN  CNAME  @\nwww   IN  TXT  "web"',
    good: '$TTL 1h\n@     IN  SOA  ns1 hostmaster 1 2h 1h 1w 1h\n@     IN  NS   ns1\nns1   IN  A    192.0.2.53\nns1   IN  AAAA 2001:db8::53\nwww   IN  CNAME  @',
    fix: 'No automatic fix: which record is the intended one is yours to say.',
    references: ['https://www.rfc-editor.org/rfc/rfc1034#section-3.6.2', 'https://www.rfc-editor.org/rfc/rfc2181#section-10.1', 'https://bind9.readthedocs.io/en/v9.18/manpages.html#named-checkzone-zone-file-validation-tool'],
  },
  check(ctx) {
    const m = ctx.model;
    const report = (r: ReportInput) => ctx.report(r);
    const hasInclude = m.directives.some((d) => d.name === '$INCLUDE');
    const soas = m.records.filter((r) => r.type.code === 6);

    // The first record that needs a TTL and has none (named: "no TTL specified; zone rejected").
    const noTTL = m.records.find((r) => r.noTTL);
    if (noTTL) {
      report({ span: at(noTTL), message: 'no TTL specified; zone rejected: this record has no TTL, and neither a $TTL nor an SOA comes before it. Put `$TTL 1h` (or the TTL you want) at the top of the file.' });
    }

    // Class: every record in the zone's class (IN unless the SOA says otherwise).
    const zoneClass = soas[0]?.classNode ? soas[0].cls : 'IN';
    for (const r of m.records) {
      if (r.classNode && r.cls !== zoneClass) {
        report({ span: r.classNode, message: `class '${r.cls}' != zone class '${zoneClass}': named refuses the zone ("bad class").` });
      }
    }

    // SOA: one, at the apex (the same SOA again is merged into the first).
    for (const r of soas.slice(1)) {
      if (r.owner === soas[0].owner && sameData(r, soas[0])) continue;
      report({
        span: at(r),
        message:
          r.owner === m.apex
            ? `multiple RRs of singleton type: a zone has exactly one SOA record (the first is on line ${ctx.lines.lineOf(soas[0].span.start) + 1}).`
            : `SOA record not at top of zone (${displayName(r.owner)}): only the apex has an SOA.`,
        related: [{ span: at(soas[0]), message: 'the SOA record of the zone' }],
      });
    }

    // CNAME: alone at its name, and only one target (the same CNAME again is merged into the first).
    for (const [owner, recs] of m.byOwner) {
      const cnames = recs.filter((r) => r.type.code === 5);
      if (cnames.length === 0) continue;
      for (const r of cnames.slice(1)) if (!sameData(r, cnames[0])) report({ span: at(r), message: `multiple RRs of singleton type: ${displayName(owner)} has more than one CNAME.` });
      const other = recs.find((r) => r.type.code !== 5 && !BESIDE_CNAME.has(r.type.code));
      if (other) {
        const later = other.span.start > cnames[0].span.start ? other : cnames[0];
        const earlier = later === other ? cnames[0] : other;
        report({
          span: at(later),
          message: `CNAME and other data: ${displayName(owner)} is an alias (CNAME), so it cannot also have ${other.type.name} records; named refuses the zone.`,
          related: [{ span: at(earlier), message: earlier === other ? `the ${other.type.name} record` : 'the CNAME record' }],
        });
      }
    }

    if (soas.length === 0 || hasInclude) return;
    // NS at the apex, and an address for each in-zone name server (named-checkzone's fatal checks).
    const apexNS = recordsOf(m, m.apex, 2);
    if (apexNS.length === 0 && !m.generatedByOwner.get(m.apex)?.some((g) => g.type.code === 2)) {
      report({ span: at(soas[0]), message: 'has no NS records: the zone apex needs at least one NS record, or named refuses the zone.' });
      return;
    }
    for (const r of apexNS) {
      const target = r.names.get(0);
      const node = r.rdata[0];
      if (!target || !node) continue;
      // Only names surely inside the zone: written relative, or absolute under an apex the file states.
      const inside = target !== m.apex && (writtenRelative(node) || (m.originKnown && target.endsWith('.' + m.apex)) || (m.apex === '.' && m.originKnown));
      if (!inside || cutAbove(m, target)) continue;
      if (hasType(m, target, 5)) {
        report({ span: node, message: `NS '${displayName(target)}' is a CNAME (illegal): a name server must be named by its own A/AAAA records; named refuses the zone.` });
      } else if (!hasType(m, target, 1) && !hasType(m, target, 28)) {
        report({ span: node, message: `NS '${displayName(target)}' has no address records (A or AAAA): named refuses the zone. Add its AAAA (and A) record.` });
      }
    }
  },
});
