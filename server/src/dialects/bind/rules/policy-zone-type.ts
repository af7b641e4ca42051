// bind/policy-zone-type: a response-policy or catalog zone that is not a primary or secondary zone of its view.
import { defineRule } from '../../../core/rule';
import type { BindModel, Clause } from '../model';
import { clausesNamed } from '../model';
import { valueText, zoneName, zoneTypeOf } from '../semantics';

const key = (n: string) => (n === '.' ? '.' : n.toLowerCase().replace(/\.$/, ''));

export default defineRule<BindModel>({
  id: 'bind/policy-zone-type',
  severity: 'error',
  docs: {
    summary: 'A `response-policy` or `catalog-zones` entry naming a zone that is not a primary or secondary zone of the same view.',
    why:
      "named-checkconf refuses the file (\"response-policy zone 'x' is not a primary or secondary zone\"): named serves policy and " +
      'catalog data only from zones it loads or transfers itself.',
    bad: 'options {\n    response-policy { zone "rpz.test"; };\n};',
    good: 'options {\n    response-policy { zone "rpz.test"; };\n};\nzone "rpz.test" {\n    type primary;\n    file "db.rpz.test";\n};',
    fix: 'No automatic fix: define the zone (primary or secondary) in the same view, or correct its name.',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-response-policy'],
  },
  check(ctx) {
    const m = ctx.model;
    // Zones may come from included files, which a rule does not see.
    if (m.clauses.some((c) => c.name === 'include')) return;
    const views = m.clauses.filter((c) => c.name === 'view');
    const zonesOf = (scope: readonly Clause[]) => {
      const out = new Map<string, Clause>();
      for (const z of scope) if (z.name === 'zone' && !out.has(key(zoneName(z)))) out.set(key(zoneName(z)), z);
      return out;
    };
    for (const c of clausesNamed(m.clauses, (n) => n === 'response-policy' || n === 'catalog-zones')) {
      if ((c.name !== 'response-policy' && c.name !== 'catalog-zones') || (c.context !== 'options' && c.context !== 'view')) continue;
      // Options-level lists apply to every view; with views, each view's own zones would have to be checked.
      if (c.context === 'options' && views.length > 0) continue;
      const view = c.context === 'view' ? c.parent : undefined;
      if (view && view.children.some((x) => x.name === 'include')) continue;
      const zones = zonesOf(view ? view.children : m.clauses);
      const what = c.name === 'response-policy' ? 'response-policy zone' : 'catalog zone';
      for (const e of c.children) {
        if (e.name !== 'zone' || e.parent !== c) continue;
        const n = valueText(e.args[0]);
        if (n === undefined || e.args[0].kind === 'block') continue;
        const z = zones.get(key(n));
        const type = z ? zoneTypeOf(z) : undefined;
        if (type === 'primary' || type === 'secondary') continue;
        ctx.report({
          span: e.args[0],
          message: `${what} '${n}'${view ? ` for view '${valueText(view.args[0])}'` : ''} is not a primary or secondary zone: named refuses the file.${z ? '' : ' No zone of that name is defined here.'}`,
        });
      }
    }
  },
});
