// bind/undefined-reference: a name used where named looks up a definition that does not exist: an ACL, a
// primaries/masters or parental-agents list, a tls or http block, a dnssec-policy. Use before definition is fine, as
// for named. Also an ACL used somewhere that leads back to itself through acl definitions: named cannot expand it.
import { defineRule } from '../../../core/rule';
import type { StatementNode, ValueNode } from '../../../../../grammars/bind/cst';
import type { RelatedLocation, Span } from '../../../core/types';
import { amlElementOf, isAclReference, isRemoteListName } from '../aml';
import type { BindModel, Clause } from '../model';
import { clausesNamed, walkClauses } from '../model';
import { effectiveOption, grammarOf, valueText, zoneName, zones, zoneTypeOf } from '../semantics';

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

/** The first acl definition of each name (lower-cased) in the models, with the file it is in (undefined: this one). */
function aclDefinitions(models: readonly { model: BindModel; file?: string }[]): Map<string, { clause: Clause; file?: string }> {
  const out = new Map<string, { clause: Clause; file?: string }>();
  for (const { model, file } of models) {
    for (const c of clausesNamed(model.clauses, (n) => n === 'acl')) {
      const n = valueText(c.args[0]);
      if ((c.context !== 'top' && c.context !== 'view') || !c.block || n === undefined || c.args[0]?.kind === 'block') continue;
      if (!out.has(lower(n))) out.set(lower(n), { clause: c, file });
    }
  }
  return out;
}

/** One step of an acl loop: the reference to `name` inside the definition of the acl before it. */
interface LoopStep {
  name: string;
  span: Span;
  file?: string;
}

/**
 * The acl loop reached from acl `name`, as named finds it expanding the acl (cfg_acl_fromconfig, lib/isccfg/aclconf.c:
 * it converts every element, negated and nested ones included, depth first, and stops with "acl loop detected: x" at
 * the first reference to an acl it is still converting). The steps run from the first reference inside `name`'s
 * definition to that closing reference; undefined when there is no loop. `noLoop` remembers the names that lead to
 * none: a name on a loop reached from elsewhere has a loop of its own, so the answer does not depend on the path.
 */
function aclLoop(
  name: string,
  defs: Map<string, { clause: Clause; file?: string }>,
  noLoop: Set<string>,
  stack: string[] = [],
): LoopStep[] | undefined {
  const def = defs.get(name);
  if (!def || noLoop.has(name)) return undefined;
  stack.push(name);
  const visit = (statements: readonly StatementNode[]): LoopStep[] | undefined => {
    for (const st of statements) {
      const el = amlElementOf(st);
      if (el.kind === 'nested') {
        const block = st.values.find((v) => v.kind === 'block');
        const inner = block && block.kind === 'block' ? visit(block.statements) : undefined;
        if (inner) return inner;
        continue;
      }
      if (!isAclReference(el)) continue;
      const n = lower(el.text);
      const step = { name: el.text, span: { start: el.node.start, end: el.node.end }, file: def.file };
      if (stack.includes(n)) return [step];
      const rest = aclLoop(n, defs, noLoop, stack);
      if (rest) return [step, ...rest];
    }
    return undefined;
  };
  const found = def.clause.block ? visit(def.clause.block.statements) : undefined;
  stack.pop();
  if (!found) noLoop.add(name);
  return found;
}

/** Is the clause inside an acl definition (an element of its list, nested or not)? */
function inAclDefinition(c: Clause): boolean {
  for (let p = c.parent; p; p = p.parent) if (p.name === 'acl' && (p.context === 'top' || p.context === 'view')) return true;
  return false;
}

/**
 * The kind of list a remote-servers element names. named 9.18 looks the name up among primaries (and masters)
 * lists, except inside a parental-agents list, zone option or top-level statement, where only parental-agents lists
 * count (`primaries { pa; }` with only `parental-agents pa { … }`: "unable to find primaries list 'pa'"; the reverse:
 * "unable to find parental-agents list"). Later versions make them all remote-servers lists (not checked here
 * against a 9.20 named: they stay one namespace there).
 */
function listKindOf(c: Clause, v: string): 'primaries' | 'parental-agents' {
  if (v !== '9.18') return 'primaries';
  for (let p = c.parent; p; p = p.parent) if (p.name === 'parental-agents') return 'parental-agents';
  return 'primaries';
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
    summary:
      'A reference to an ACL, primaries or parental-agents list, tls or http block, or dnssec-policy that is defined nowhere; or a used ACL that refers back to itself.',
    why:
      "named-checkconf refuses the file (\"undefined ACL 'x'\", \"unable to find primaries list 'x'\", \"unable to find " +
      "parental-agents list 'x'\", \"tls 'x' is not defined\", \"option 'dnssec-policy x' has no matching dnssec-policy config\"). " +
      'In BIND 9.18 primaries (and masters) lists and parental-agents lists are apart: `primaries`, `masters` and `also-notify` ' +
      'find only the first kind, `parental-agents` only the second. An ACL whose definition leads back to itself (`acl a { b; }; ' +
      'acl b { a; };`) cannot be expanded: named refuses the file ("acl loop detected: a") as soon as the ACL is used, in options, ' +
      'a view, a zone or controls (an unused loop loads). A mistyped IPv6 literal in an address match list is ' +
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
    const v = grammarOf(ctx.target);
    const lists = {
      primaries: v === '9.18' ? defined(byKind, 'primaries', 'masters', 'remote-servers') : defined(byKind, 'primaries', 'masters', 'parental-agents', 'remote-servers'),
      'parental-agents': defined(byKind, 'parental-agents'),
    };
    let aclDefs: Map<string, { clause: Clause; file?: string }> | undefined;
    const noLoop = new Set<string>();
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
        if (!acls.has(lower(el.text))) {
          ctx.report({ span: el.node, message: `undefined ACL '${el.text}': named refuses the file. Define it with an acl statement, or check its spelling.` });
          continue;
        }
        // A loop matters only where an acl is used: the elements of acl definitions are followed from their uses.
        if (inAclDefinition(c)) continue;
        aclDefs ??= aclDefinitions([{ model: m }, ...ctx.linked.map((l) => ({ model: l.model, file: l.path }))]);
        const loop = aclLoop(lower(el.text), aclDefs, noLoop);
        if (loop) {
          const closing = loop[loop.length - 1];
          const related: RelatedLocation[] = loop.map((s, i) => ({
            span: s.span,
            file: s.file,
            message: i === loop.length - 1 ? `acl '${s.name}' again: named reports "acl loop detected: ${s.name}" here` : `acl '${s.name}' used in the loop`,
          }));
          ctx.report({
            span: el.node,
            message: `acl loop detected: ${closing.name}: acl '${el.text}' leads to acl definitions that refer back to one another, and named refuses the file. Break the loop.`,
            related,
          });
        }
        continue;
      }
      if (c.context === 'remote-servers' && c.nameNode) {
        if (c.parent?.name === 'also-notify' && !(notified ??= checkedAlsoNotify(m, allZones)).has(c.parent)) continue;
        const n = valueText(c.nameNode) ?? '';
        const kind = listKindOf(c, v);
        if (isRemoteListName(c.nameNode) && !lists[kind].has(lower(n))) {
          ctx.report({ span: c.nameNode, message: `unable to find ${kind} list '${n}': named refuses the file. Define it with a ${kind} statement.` });
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
