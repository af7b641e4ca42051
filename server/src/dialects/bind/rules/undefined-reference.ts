// bind/undefined-reference: a name used where named looks up a definition that does not exist: an ACL, a
// primaries/masters list, a tls or http block, a dnssec-policy. Use before definition is fine, as for named.
import { defineRule } from '../../../core/rule';
import type { ValueNode } from '../../../../../grammars/bind/cst';
import { amlElementOf, isAclReference, isRemoteListName } from '../aml';
import type { BindModel, Clause } from '../model';
import { clausesNamed, walkClauses } from '../model';
import { effectiveOption, valueText, zoneName, zones, zoneTypeOf } from '../semantics';

const lower = (s: string) => s.toLowerCase();

/** The kinds of statement whose names the rule looks up (not zones: 20,000 of them would fill a set for nothing). */
const DEFINING = new Set(['acl', 'primaries', 'masters', 'parental-agents', 'remote-servers', 'tls', 'http', 'dnssec-policy']);

/** Names defined by statements of each kind, at the top level or in a view, in any of the models (one walk for all kinds). */
function definedByKind(models: readonly BindModel[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of models) {
    const definitions = clausesNamed(m.clauses, (n) => DEFINING.has(n));
    for (let i = 0; i < definitions.length; i++) {
      const c = definitions[i];
      // A definition has a block (`dnssec-policy "p" { ... };`); `dnssec-policy "p";` in a view is a use.
      if ((c.context === 'top' || c.context === 'view') && c.block) {
        const n = valueText(c.args[0]);
        if (n === undefined || c.args[0]?.kind === 'block') continue;
        let names = out.get(c.name);
        if (!names) out.set(c.name, (names = new Set()));
        // named compares dnssec-policy names exactly (`dnssec-policy pp` does not find `dnssec-policy Pp { … }`), the
        // others ignore case (named-checkconf 9.18).
        names.add(c.name === 'dnssec-policy' ? n : lower(n));
      }
    }
  }
  return out;
}

function defined(byKind: Map<string, Set<string>>, ...kinds: string[]): Set<string> {
  const out = new Set<string>();
  for (const k of kinds) for (const n of byKind.get(k) ?? []) out.add(n);
  return out;
}

/** The value after a keyword in a clause's arguments (`tls NAME`, `http NAME`). */
function after(args: readonly ValueNode[], kw: string): ValueNode | undefined {
  const i = args.findIndex((a) => a.kind === 'word' && lower(a.image) === kw);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The also-notify lists named validates: those a primary/secondary/mirror zone uses with notify on (check_zoneconf). */
function checkedAlsoNotify(m: BindModel, all: readonly Clause[]): Set<Clause> {
  const out = new Set<Clause>();
  for (let i = 0; i < all.length; i++) {
    const z = all[i];
    const type = zoneTypeOf(z);
    if (type !== 'primary' && type !== 'secondary' && type !== 'mirror') continue;
    const list = effectiveOption(m, z, 'also-notify');
    if (!list) continue;
    const notify = valueText(effectiveOption(m, z, 'notify')?.args[0], true);
    if (notify && ['no', 'false', '0'].includes(notify)) continue;
    if (notify && type !== 'primary' && (notify === 'master-only' || notify === 'primary-only')) continue;
    out.add(list);
  }
  return out;
}

export default defineRule<BindModel>({
  id: 'bind/undefined-reference',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'A reference to an ACL, primaries list, tls or http block, or dnssec-policy that is defined nowhere.',
    why:
      "named-checkconf refuses the file (\"undefined ACL 'x'\", \"unable to find primaries list 'x'\", \"tls 'x' is not defined\", " +
      "\"option 'dnssec-policy x' has no matching dnssec-policy config\"). A mistyped IPv6 literal in an address match list is " +
      'read as an ACL name, which is how it surfaces here when bind/invalid-address cannot tell it is an address.',
    bad: 'options {\n    allow-query { trusted; };\n};',
    good: 'acl trusted { 192.0.2.0/24; 2001:db8::/32; };\noptions {\n    allow-query { trusted; };\n};',
    fix: 'No automatic fix: define the name, or correct its spelling.',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#acl-block-grammar', 'research/real-daemons.md §1c'],
  },
  check(ctx) {
    const m = ctx.model;
    // Definitions may come from included files: unless every one of them could be read, say nothing rather than guess.
    if (ctx.linkedPartial || (ctx.linked.length === 0 && m.clauses.some((c) => c.name === 'include'))) return;
    const byKind = definedByKind([m, ...ctx.linked.map((l) => l.model)]);
    const acls = defined(byKind, 'acl');
    const lists = defined(byKind, 'primaries', 'masters', 'parental-agents', 'remote-servers');
    const tls = defined(byKind, 'tls');
    const http = defined(byKind, 'http');
    const policies = defined(byKind, 'dnssec-policy');
    const allZones = zones(m);
    let notified: Set<Clause> | undefined;
    const tlsRef = (v: ValueNode | undefined) => {
      const n = valueText(v);
      if (v && n !== undefined && !['none', 'ephemeral'].includes(lower(n)) && !tls.has(lower(n))) {
        ctx.report({ span: v, message: `tls '${n}' is not defined: named refuses the file. Define it with a top-level tls block.` });
      }
    };
    const everyClause = walkClauses(m.clauses);
    for (let i = 0; i < everyClause.length; i++) {
      const c = everyClause[i];
      if (c.context === 'aml') {
        if (c.statement.start !== c.span.start && c.name !== '' && c.statement.values[0] !== c.nameNode) continue;
        const el = amlElementOf(c.statement);
        if (!isAclReference(el)) continue;
        if (!acls.has(lower(el.text))) ctx.report({ span: el.node, message: `undefined ACL '${el.text}': named refuses the file. Define it with an acl statement, or check its spelling.` });
        continue;
      }
      if (c.context === 'remote-servers' && c.nameNode) {
        if (c.parent?.name === 'also-notify' && !(notified ??= checkedAlsoNotify(m, allZones)).has(c.parent)) continue;
        const n = valueText(c.nameNode) ?? '';
        if (isRemoteListName(c.nameNode) && !lists.has(lower(n))) {
          ctx.report({ span: c.nameNode, message: `unable to find primaries list '${n}': named refuses the file. Define it with a primaries statement.` });
        }
        tlsRef(after(c.args, 'tls'));
        continue;
      }
      if ((c.name === 'listen-on' || c.name === 'listen-on-v6') && (c.context === 'options' || c.context === 'view')) {
        tlsRef(after(c.args, 'tls'));
        const h = after(c.args, 'http');
        const hn = valueText(h);
        if (h && hn !== undefined && lower(hn) !== 'default' && !http.has(lower(hn))) {
          ctx.report({ span: h, message: `http '${hn}' is not defined: named refuses the file. Define it with a top-level http block.` });
        }
        continue;
      }
      if (c.name === 'dnssec-policy' && (c.context === 'zone' || c.context === 'view' || c.context === 'options')) {
        const n = valueText(c.args[0]);
        if (n === undefined || c.args[0]?.kind === 'block' || ['default', 'insecure', 'none'].includes(n) || policies.has(n)) continue;
        // named checks the policy per zone (check_zoneconf): a view- or options-level one is reported at the zones using it.
        const users = c.context === 'zone' ? [c.parent!] : allZones.filter((z) => effectiveOption(m, z, 'dnssec-policy') === c);
        for (const z of users) {
          ctx.report({
            span: c.context === 'zone' ? c.args[0] : z.nameNode ?? z.span,
            message: `zone '${zoneName(z)}': option 'dnssec-policy ${n}' has no matching dnssec-policy config: named refuses the file.`,
            related: c.context === 'zone' ? undefined : [{ span: c.span, message: 'the dnssec-policy the zone inherits' }],
          });
        }
      }
    }
  },
});
