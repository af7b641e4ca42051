// bind/dnssec-policy-inline-signing: BIND 9.18 refuses a zone with a dnssec-policy unless it is dynamic
// (allow-update / update-policy) or says `inline-signing yes;` (9.20 made inline signing the default).
import { defineRule } from '../../../core/rule';
import { clausesNamed, type BindModel, type Clause } from '../model';
import { amlElements, admitsNothing } from '../aml';
import { childNamed, effectiveOption, grammarOf, isInView, topLevel, valueText, zoneName, zones, zoneTypeOf } from '../semantics';

function isYes(c: Clause | undefined): boolean {
  return ['yes', 'true', '1'].includes(valueText(c?.args[0], true) ?? '');
}

export default defineRule<BindModel>({
  id: 'bind/dnssec-policy-inline-signing',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'BIND 9.18: a primary or secondary zone with a dnssec-policy but neither dynamic updates nor `inline-signing yes;`.',
    why:
      "named-checkconf 9.18 refuses the file (\"'inline-signing yes;' must also be configured explicitly for zones using " +
      "dnssec-policy\"): it will not sign a zone it can neither update in place nor sign inline. BIND 9.20 made inline signing the default.",
    bad: 'zone "example.test" {\n    type primary;\n    file "db.example.test";\n    dnssec-policy default;\n};',
    good: 'zone "example.test" {\n    type primary;\n    file "db.example.test";\n    dnssec-policy default;\n    inline-signing yes;\n};',
    fix: 'A safe fix adds `inline-signing yes;` to the zone, what 9.20 does by default. Not safe in a zone without `file` (a secondary may have none): inline signing needs one, and named would then refuse the zone for that.',
    references: ['https://kb.isc.org/docs/dnssec-policy-requires-dynamic-dns-or-inline-signing'],
  },
  check(ctx) {
    if (grammarOf(ctx.target) !== '9.18') return;
    const m = ctx.model;
    // Most files name no dnssec-policy at all: then no zone has one, and there is nothing to look up per zone.
    if (clausesNamed(m.clauses, (n) => n === 'dnssec-policy').length === 0) return;
    const policies = new Set(topLevel(m, 'dnssec-policy').map((p) => valueText(p.args[0]) ?? ''));
    const zoneList = zones(m);
    for (let i = 0; i < zoneList.length; i++) {
      const zone = zoneList[i];
      if (isInView(zone)) continue;
      const type = zoneTypeOf(zone);
      if (type !== 'primary' && type !== 'secondary') continue;
      const kasp = effectiveOption(m, zone, 'dnssec-policy');
      const name = valueText(kasp?.args[0]);
      if (!kasp || !name || name === 'none') continue;
      if (name !== 'default' && name !== 'insecure' && !policies.has(name)) continue; // bind/undefined-reference
      if (childNamed(zone, 'update-policy')) continue;
      const au = effectiveOption(m, zone, 'allow-update');
      if (au && !admitsNothing(amlElements(au))) continue;
      const own = childNamed(zone, 'inline-signing');
      if (isYes(own)) continue;
      const zoneDnssec = childNamed(zone, 'dnssec-policy');
      // Inline signing keeps the signed zone beside the zone's file: a zone without `file` (a secondary may have none)
      // is then refused for that instead (bind/zone-missing-file), so the fix alone does not make the file load.
      const hasFile = !!childNamed(zone, 'file');
      const fixes =
        !own && zoneDnssec
          ? [{ title: hasFile ? 'Add inline-signing yes;' : "Add inline-signing yes; (the zone then needs a 'file' too)", safe: hasFile, edits: [insertAfter(ctx.text, ctx.lines, zoneDnssec)] }]
          : [];
      ctx.report({
        span: kasp.nameNode ?? kasp.span,
        message:
          `zone '${zoneName(zone)}': 'inline-signing yes;' must also be configured explicitly for zones using dnssec-policy` +
          (type === 'primary' ? " without a configured 'allow-update' or 'update-policy'" : '') +
          ': named 9.18 refuses the file (9.20 signs inline by default).',
        fixes,
      });
    }
  },
});

import { insertStatementAfter } from '../edits';
import type { LineIndex } from '../../../core/text';
function insertAfter(text: string, lines: LineIndex, after: Clause) {
  return insertStatementAfter(text, lines, after.span, 'inline-signing yes;');
}
