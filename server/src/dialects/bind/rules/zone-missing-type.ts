// bind/zone-missing-type: a zone without `type` (and without `in-view`): named-checkconf says "type not present".
import { defineRule } from '../../../core/rule';
import type { BindModel } from '../model';
import { childNamed, isInView, zoneName, zones } from '../semantics';

export default defineRule<BindModel>({
  id: 'bind/zone-missing-type',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'A zone statement without a `type` (primary, secondary, forward, ...) and without `in-view`.',
    why: "named-checkconf refuses the file (\"zone 'x': type not present\"): named cannot tell whether to load, transfer or forward the zone.",
    bad: 'zone "example.test" {\n    file "db.example.test";\n};',
    good: 'zone "example.test" {\n    type primary;\n    file "db.example.test";\n};',
    fix: 'No automatic fix: say which type the zone is.',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-type'],
  },
  check(ctx) {
    const zoneList = zones(ctx.model);
    for (let i = 0; i < zoneList.length; i++) {
      const z = zoneList[i];
      if (!z.block || childNamed(z, 'template') || isInView(z) || childNamed(z, 'type')) continue;
      ctx.report({ span: z.nameNode ?? z.span, message: `zone '${zoneName(z)}': type not present: named refuses the file. Add a type (primary, secondary, forward, ...).` });
    }
  },
});
