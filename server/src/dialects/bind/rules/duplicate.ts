// bind/duplicate: things named allows once, given twice: a zone in the same view and class, an acl/key/view/tls/
// http/dnssec-policy/primaries/parental-agents name (a key also across the top level and a view), a catalog zone, an
// option that is not repeatable in its block.
import { defineRule } from '../../../core/rule';
import type { LineIndex } from '../../../core/text';
import { isMapContext } from '../catalogue';
import type { BindModel, Clause } from '../model';
import { walkClauses } from '../model';
import { grammarOf, valueText, zoneClass, zoneName, zoneTypeOf, contextIsCertain } from '../semantics';

/** Zone names compare case-insensitively and without the final dot (`example.` = `Example`). */
function zoneKey(n: string): string {
  if (n === '.') return '.';
  const l = n.toLowerCase();
  // One final dot off (by char code: a regular expression per zone costs more than the rest of the key).
  return l.charCodeAt(l.length - 1) === 0x2e ? l.slice(0, -1) : l;
}

const NAMED_STATEMENTS: Record<string, string> = {
  acl: 'acl',
  key: 'key',
  view: 'view',
  tls: 'tls clause',
  http: 'http',
  'dnssec-policy': 'dnssec-policy',
  primaries: 'primaries list',
  masters: 'primaries list',
  'parental-agents': 'parental-agents list',
  'remote-servers': 'remote-servers list',
};

/**
 * Kinds of named statement sharing one namespace: primaries and masters are the same lists; parental-agents lists
 * are apart (named-checkconf 9.18: `primaries p` beside `parental-agents p` loads, `masters p` after `primaries p`
 * is "masters list 'p' is duplicated").
 */
const NAMESPACE: Record<string, string> = { masters: 'primaries' };

/**
 * The name as named compares it (named-checkconf 9.18): view and dnssec-policy names exactly (`view a` beside
 * `view A` loads), key names as domain names (`key K` or `key "k."` after `key k`: "already exists"), the others
 * ignoring case (`acl a` then `acl A`: "attempt to redefine acl 'A'"; the same for primaries, tls and http).
 */
function nameKey(statement: string, n: string): string {
  if (statement === 'view' || statement === 'dnssec-policy') return n;
  const l = n.toLowerCase();
  return statement === 'key' && l.length > 1 && l.endsWith('.') ? l.slice(0, -1) : l;
}

export default defineRule<BindModel>({
  id: 'bind/duplicate',
  severity: 'error',
  docs: {
    summary:
      'A zone, acl, key, view, tls, http, dnssec-policy, primaries or parental-agents name defined twice (a key in a view counts a top-level key of the same name), or an option given twice where it may appear once.',
    why:
      "named-checkconf refuses the file (\"zone 'example.test': already exists\", \"tls clause 'x' is duplicated\", \"'directory' " +
      "redefined\"): it cannot tell which definition you meant.",
    bad: 'zone "example.test" { type primary; file "a.db"; };\nzone "example.test" { type primary; file "b.db"; };',
    good: 'zone "example.test" { type primary; file "a.db"; };',
    fix: 'No automatic fix: remove or rename one of the two; the message says where the first one is.',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#zone-block-grammar', 'research/real-daemons.md §1d'],
  },
  check(ctx) {
    const m = ctx.model;
    const v = grammarOf(ctx.target);
    const at = (lines: LineIndex, c: Clause) => `line ${lines.lineOf(c.span.start) + 1}`;
    const dup = (c: Clause, first: Clause, what: string) =>
      ctx.report({
        span: c.args[0] && c.args[0].kind !== 'block' ? c.args[0] : c.nameNode ?? c.span,
        message: `${what} is already defined (${at(ctx.lines, first)}): named refuses the file.`,
        related: [{ span: first.span, message: 'first definition' }],
      });
    // Named statements, per scope (top level; views for keys and zones). A key in a view may not take the name of a
    // top-level key either (check_keylist: "key 'k': already exists", with the top-level one as the previous definition
    // even when it comes later in the file); two views may each have their own. Of the other named statements only
    // zones may be in a view (named-checkconf 9.18: "unknown option 'acl'" for acl, tls, http, primaries, parental-agents
    // in a view; `dnssec-policy p;` there is a use).
    const scopes: Clause[][] = [m.clauses, ...m.clauses.filter((c) => c.name === 'view').map((vw) => vw.children.filter((x) => x.parent === vw))];
    const topKeys = new Map<string, Clause>();
    for (const scope of scopes) {
      const seen = new Map<string, Clause>(scope === m.clauses ? undefined : topKeys);
      // Zones by class (and redirect or not), then by name: no composed key string per zone.
      const zonesSeen = new Map<string, Map<string, Clause>>();
      for (let i = 0; i < scope.length; i++) {
        const c = scope[i];
        const kind = NAMED_STATEMENTS[c.name];
        const n = kind ? valueText(c.args[0]) : undefined;
        if (kind && n !== undefined && c.args[0]?.kind !== 'block') {
          const key = `${NAMESPACE[c.name] ?? c.name}\u0000${nameKey(c.name, n)}`;
          const first = seen.get(key);
          if (first) dup(c, first, `${kind} '${n}'`);
          else seen.set(key, c);
          if (c.name === 'key' && scope === m.clauses && !topKeys.has(key)) topKeys.set(key, c);
        }
        if (c.name === 'zone') {
          const group = zoneTypeOf(c) === 'redirect' ? `redirect\u0000${zoneClass(c)}` : zoneClass(c);
          let byName = zonesSeen.get(group);
          if (!byName) zonesSeen.set(group, (byName = new Map()));
          const name = zoneName(c);
          const key = zoneKey(name);
          const first = byName.get(key);
          if (first) dup(c, first, `zone '${name}'`);
          else byName.set(key, c);
        }
      }
    }
    // The first clause of a block with the same context and name (itself when it is the first): a scan of the
    // few clauses before it in a small block (a zone's), a map per context and name in a large one.
    // The top level is a block too: named refuses `options { … };` or `logging { … };` given twice ("'options'
    // redefined near 'options'"); `m` stands for it in the map.
    const firstByName = new Map<Clause | BindModel, Map<string, Clause>>();
    const firstOf = (c: Clause, parent: Clause | undefined): Clause => {
      const siblings = parent ? parent.children : m.clauses;
      if (siblings.length <= 16) {
        for (let i = 0; i < siblings.length; i++) {
          const x = siblings[i];
          if (x === c) return c;
          if (x.name === c.name && x.context === c.context && x.nameNode && x.parent === parent && contextIsCertain(x)) return x;
        }
        return c;
      }
      let firsts = firstByName.get(parent ?? m);
      if (!firsts) firstByName.set(parent ?? m, (firsts = new Map()));
      const key = `${c.context}\u0000${c.name}`;
      const first = firsts.get(key);
      if (first) return first;
      firsts.set(key, c);
      return c;
    };
    const everyClause = walkClauses(m.clauses);
    for (let i = 0; i < everyClause.length; i++) {
      const c = everyClause[i];
      // Options that may appear once per block (BIND's parser: "'x' redefined").
      if (c.nameNode && isMapContext(c.context) && (c.parent || c.context === 'top') && contextIsCertain(c)) {
        const cv = c.def?.versions[v];
        if (cv && !cv.multi) {
          const first = firstOf(c, c.parent);
          if (first !== c) {
            ctx.report({ span: c.nameNode, message: `'${c.name}' redefined (first at ${at(ctx.lines, first)}): named refuses the file.`, related: [{ span: first.span, message: 'first definition' }] });
          }
        }
      }
      if (c.name === 'catalog-zones' && c.block) {
        const seen = new Map<string, Clause>();
        for (const z of c.children.filter((x) => x.name === 'zone' && x.context === 'catalog-zones')) {
          const words = z.args.map((a) => valueText(a, true));
          if (words.includes('default-primaries') && words.includes('default-masters')) {
            ctx.report({ span: z.args[0] ?? z.span, message: `catalog zone '${valueText(z.args[0])}': 'default-primaries' and 'default-masters' can not be both defined: named refuses the file.` });
          }
          const key = zoneKey(valueText(z.args[0]) ?? '');
          const first = seen.get(key);
          if (first) dup(z, first, `catalog zone '${valueText(z.args[0])}'`);
          else seen.set(key, z);
        }
      }
      if (c.name === 'check-names' && c.parent) {
        const sib = c.parent.children.filter((x) => x.name === 'check-names' && x !== c && c.span.start > x.span.start);
        const mine = valueText(c.args[0], true);
        const twin = mine === 'primary' ? 'master' : mine === 'master' ? 'primary' : mine === 'secondary' ? 'slave' : mine === 'slave' ? 'secondary' : undefined;
        const first = sib.find((x) => valueText(x.args[0], true) === twin || valueText(x.args[0], true) === mine);
        if (first && twin) ctx.report({ span: first.args[0], message: `'check-names' cannot take both '${valueText(first.args[0])}' and '${mine}': they are the same zone type, and named refuses the file.` });
      }
      const primaries = c.name === 'masters' && c.context === 'zone' ? c.parent?.children.find((x) => x.name === 'primaries') : undefined;
      if (primaries) {
        ctx.report({ span: primaries.nameNode ?? primaries.span, message: "'primaries' and 'masters' cannot both be used in the same zone: named refuses the file. Keep 'primaries'." });
      }
    }
  },
});
