// bind/wrong-context: an option BIND knows, written in a block where named refuses it (listen-on in a zone,
// request-ixfr in a primary zone).
import { defineRule } from '../../../core/rule';
import { contextsOf, isMapContext } from '../catalogue';
import type { BindModel, Clause } from '../model';
import { grammarOf, isInView, zoneName, zoneTypeOf, contextIsCertain } from '../semantics';

const CONTEXT_WORDS: Record<string, string> = { top: 'the top level', options: 'options', view: 'view', zone: 'zone' };

function describe(ctx: string): string {
  return CONTEXT_WORDS[ctx] ?? `${ctx} blocks`;
}

export default defineRule<BindModel>({
  id: 'bind/wrong-context',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'An option written in a block where BIND does not accept it (a server-wide option in a zone, a secondary-only option in a primary zone).',
    why:
      "named-checkconf reads an option in the wrong block as unknown (\"unknown option 'listen-on'\" inside a zone), and refuses " +
      "zone options that do not apply to the zone's type (\"option 'request-ixfr' is not allowed in 'primary' zone\"). named does not start.",
    bad: 'zone "example.test" {\n    type primary;\n    file "db.example.test";\n    listen-on { any; };\n};',
    good: 'options {\n    listen-on { any; };\n};\nzone "example.test" {\n    type primary;\n    file "db.example.test";\n};',
    fix: 'No automatic fix: move the option to one of the blocks the message names, or remove it.',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#zone-block-grammar', 'research/real-daemons.md §1d'],
  },
  check(ctx) {
    const v = grammarOf(ctx.target);
    const walk = (clauses: readonly Clause[]) => {
      for (let i = 0; i < clauses.length; i++) {
        const c = clauses[i];
        if (!c.nameNode || !isMapContext(c.context) || !contextIsCertain(c)) {
          walk(c.children);
          continue;
        }
        const cv = c.def?.versions[v];
        if (!cv) {
          const elsewhere = c.name === '' ? [] : contextsOf(c.name, v).filter((x) => x !== c.context);
          if (elsewhere.length) {
            ctx.report({
              span: c.nameNode,
              message: `unknown option '${c.name}': named does not accept it in ${describe(c.context)}; it belongs in ${elsewhere.map(describe).join(' or ')}.`,
            });
          }
          continue;
        }
        if (c.context === 'zone' && cv.zoneTypes && c.parent && !isInView(c.parent)) {
          const type = zoneTypeOf(c.parent);
          if (type && !cv.zoneTypes.includes(type)) {
            ctx.report({
              span: c.nameNode,
              message: `option '${c.name}' is not allowed in '${type}' zone '${zoneName(c.parent)}': named refuses the file (it applies to ${cv.zoneTypes.join(', ')} zones).`,
            });
          }
        }
        walk(c.children);
      }
    };
    walk(ctx.model.clauses);
  },
});
