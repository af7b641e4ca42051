// bind/mirror-zone: a mirror zone named refuses: notify turned on in it, or recursion disabled where it is.
import { defineRule } from '../../../core/rule';
import type { BindModel, Clause } from '../model';
import { amlElements, admitsNothing } from '../aml';
import { childNamed, globalOption, valueText, zoneName, zones, zoneTypeOf } from '../semantics';

const NO = ['no', 'false', '0'];

function viewOrGlobal(m: BindModel, zone: Clause, name: string): Clause | undefined {
  const view = zone.parent?.name === 'view' ? zone.parent : undefined;
  return (view && childNamed(view, name)) || globalOption(m, name);
}

export default defineRule<BindModel>({
  id: 'bind/mirror-zone',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'A mirror zone with `notify` on, or in a view where recursion is off.',
    why:
      "named-checkconf refuses the file: \"mirror zones can only be used with 'notify no;' or 'notify explicit;'\" and \"mirror zones " +
      'cannot be used if recursion is disabled" (a mirror zone serves the resolver; without recursion it has nothing to do).',
    bad: 'options {\n    recursion no;\n};\nzone "." {\n    type mirror;\n};',
    good: 'zone "." {\n    type mirror;\n};',
    fix: 'No automatic fix.',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-type-mirror'],
  },
  check(ctx) {
    const m = ctx.model;
    const zoneList = zones(m);
    for (let i = 0; i < zoneList.length; i++) {
      const z = zoneList[i];
      if (zoneTypeOf(z) !== 'mirror') continue;
      const span = z.nameNode ?? z.span;
      const notify = childNamed(z, 'notify');
      const nv = valueText(notify?.args[0], true);
      if (notify && nv && !NO.includes(nv) && nv !== 'explicit') {
        ctx.report({ span, message: `zone '${zoneName(z)}': mirror zones can only be used with 'notify no;' or 'notify explicit;': named refuses the file.` });
      }
      const rec = valueText(viewOrGlobal(m, z, 'recursion')?.args[0], true);
      const ar = viewOrGlobal(m, z, 'allow-recursion');
      if ((rec && NO.includes(rec)) || (ar && admitsNothing(amlElements(ar)))) {
        ctx.report({ span, message: `zone '${zoneName(z)}': mirror zones cannot be used if recursion is disabled: named refuses the file.` });
      }
    }
  },
});
