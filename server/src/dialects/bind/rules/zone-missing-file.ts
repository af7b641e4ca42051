// bind/zone-missing-file: a zone that lacks what its type needs: `file` for primary and hint zones (and
// inline-signing secondaries), `primaries` for secondary, stub and non-root mirror zones (check.c, check_zoneconf).
import { defineRule } from '../../../core/rule';
import type { BindModel } from '../model';
import { childNamed, isInView, valueText, zoneName, zones, zoneTypeOf } from '../semantics';

export default defineRule<BindModel>({
  id: 'bind/zone-missing-file',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'A zone without what its type needs: `file` for primary and hint zones, `primaries` for secondary, stub and mirror zones.',
    why:
      "named-checkconf refuses the file (\"zone 'x': missing 'file' entry\", \"zone 'x': missing 'primaries' entry\"): named would have " +
      'nothing to load, or nowhere to transfer the zone from.',
    bad: 'zone "example.test" {\n    type secondary;\n};',
    good: 'zone "example.test" {\n    type secondary;\n    primaries { 2001:db8::53; 192.0.2.53; };\n    file "db.example.test";\n};',
    fix: 'No automatic fix: add the file or the primaries the zone needs.',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#zone-block-grammar'],
  },
  check(ctx) {
    const zoneList = zones(ctx.model);
    for (let i = 0; i < zoneList.length; i++) {
      const z = zoneList[i];
      if (!z.block || childNamed(z, 'template') || isInView(z)) continue;
      const type = zoneTypeOf(z);
      if (!type) continue;
      const span = z.nameNode ?? z.span;
      const name = zoneName(z);
      const dlz = !!childNamed(z, 'dlz');
      const db = valueText(childNamed(z, 'database')?.args[0]);
      const rbt = db === undefined || db === 'rbt' || db === 'rbt64';
      const inline = ['yes', 'true', '1'].includes(valueText(childNamed(z, 'inline-signing')?.args[0], true) ?? '');
      if (!dlz && rbt && !childNamed(z, 'file') && (type === 'primary' || type === 'hint' || (type === 'secondary' && inline))) {
        ctx.report({ span, message: `zone '${name}': missing 'file' entry: named refuses the file. Say where the zone's data is.` });
      }
      const needsPrimaries = type === 'secondary' || type === 'stub' || (type === 'mirror' && name !== '.' && name !== '');
      if (needsPrimaries && !childNamed(z, 'primaries') && !childNamed(z, 'masters')) {
        ctx.report({ span, message: `zone '${name}': missing 'primaries' entry: named refuses the file. List the servers to transfer the zone from.` });
      }
      if (dlz && childNamed(z, 'database')) ctx.report({ span, message: `zone '${name}': cannot specify both 'dlz' and 'database': named refuses the file.` });
    }
  },
});
