// Small shared readings of the model for the check.c-style rules: the target grammar, a zone's type and name,
// a clause's sub-options, word values. Pure functions over the Clause tree.
import { textOf, type ValueNode } from '../../../../grammars/bind/cst';
import { blockContexts, GRAMMAR_VERSIONS, lookupClause, normalizeZoneType, ZONE_TYPES, type GrammarVersion, type ZoneType } from './catalogue';
import type { BindModel, Clause } from './model';
import { clausesNamed, FACT_CERTAIN, FACT_CERTAIN_KNOWN, FACT_READABLE, FACT_READABLE_KNOWN, FACT_ZONE_TYPE_SHIFT } from './model';

/** The grammar a rule checks against: the user's target ('9.18' default, '9.20', or '9.21' = the development branch). */
export function grammarOf(target: string | undefined): GrammarVersion {
  if (target === '9.21') return 'main';
  return (GRAMMAR_VERSIONS as readonly string[]).includes(target ?? '') ? (target as GrammarVersion) : '9.18';
}

/** The text of a value (a word's image, a string's content), lower-cased when asked. */
export function valueText(v: ValueNode | undefined, lower = false): string | undefined {
  const t = v ? textOf(v) : undefined;
  return t !== undefined && lower ? t.toLowerCase() : t;
}

/** Direct sub-clauses of a clause with a given name. */
export function childrenNamed(c: Clause, name: string): Clause[] {
  return c.children.filter((x) => x.name === name && x.parent === c);
}

/** The first sub-clause with a name (a view may hold thousands of zones: large blocks are indexed once). */
export function childNamed(c: Clause, name: string): Clause | undefined {
  const children = c.children;
  // Most blocks hold a handful of clauses: a scan beats building (and collecting) a map for each.
  if (children.length <= 16) {
    for (let i = 0; i < children.length; i++) if (children[i].name === name) return children[i];
    return undefined;
  }
  let byName = c.memo?.firstChild;
  if (!byName) {
    byName = new Map();
    for (const x of children) if (!byName.has(x.name)) byName.set(x.name, x);
    (c.memo ??= {}).firstChild = byName;
  }
  return byName.get(name);
}

/** The clauses beside this one in its block (the file's top level for top-level clauses). */
export function siblingsOf(model: BindModel, c: Clause): Clause[] {
  return c.parent ? c.parent.children : model.clauses;
}


/** A zone statement's type (BIND's synonyms resolved), from its `type` clause. */
export function zoneTypeOf(zone: Clause): ZoneType | undefined {
  // Asked of every zone by several rules, and of its zone by every option with a zone-type restriction: once per zone.
  const known = (zone.facts >> FACT_ZONE_TYPE_SHIFT) & 15;
  if (known !== 0) return known === 1 ? undefined : ZONE_TYPES[known - 2];
  const t = childNamed(zone, 'type');
  const w = valueText(t?.args[0]);
  const type = w ? normalizeZoneType(w) : undefined;
  const index = type === undefined ? -1 : ZONE_TYPES.indexOf(type);
  if (type === undefined || index >= 0) zone.facts |= (type === undefined ? 1 : index + 2) << FACT_ZONE_TYPE_SHIFT;
  return type;
}

/** Does a zone have an `in-view` clause (then it has no type of its own). */
export function isInView(zone: Clause): boolean {
  return !!childNamed(zone, 'in-view');
}

/** The zone's name as written (first argument). */
export function zoneName(zone: Clause): string {
  return valueText(zone.args[0]) ?? '';
}

/** The zone's class (IN when not given). */
export function zoneClass(zone: Clause): string {
  // An indexed loop, not find with a closure: asked of every zone.
  const args = zone.args;
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a.kind === 'word' || a.kind === 'string') return (valueText(a) ?? 'IN').toUpperCase();
  }
  return 'IN';
}

/** The option as the zone sees it: the zone's own, else its view's, else the global options' (check.c's get_zoneopt order). */
export function effectiveOption(model: BindModel, zone: Clause, name: string): Clause | undefined {
  const own = childNamed(zone, name);
  if (own) return own;
  const view = zone.parent?.name === 'view' ? zone.parent : undefined;
  const inView = view ? childNamed(view, name) : undefined;
  if (inView) return inView;
  return globalOption(model, name);
}

/** An option of the top-level `options { }` block. */
export function globalOption(model: BindModel, name: string): Clause | undefined {
  // Asked once per zone and option: find the options blocks once per model, not per call.
  let blocks = optionsBlocks.get(model);
  if (!blocks) optionsBlocks.set(model, (blocks = model.clauses.filter((o) => o.name === 'options')));
  for (const o of blocks) {
    const c = childNamed(o, name);
    if (c) return c;
  }
  return undefined;
}

const optionsBlocks = new WeakMap<BindModel, Clause[]>();

/** Every zone statement, anywhere (top level or in a view). */
export function zones(model: BindModel): readonly Clause[] {
  // Six rules ask: collect once per model.
  let out = zonesOf.get(model);
  if (!out) {
    out = [];
    for (const c of clausesNamed(model.clauses, (n) => n === 'zone')) if (c.context === 'top' || c.context === 'view') out.push(c);
    zonesOf.set(model, out);
  }
  return out;
}

const zonesOf = new WeakMap<BindModel, Clause[]>();

/** Top-level statements with one of the names (e.g. all `acl` definitions). */
export function topLevel(model: BindModel, ...names: string[]): Clause[] {
  return model.clauses.filter((c) => names.includes(c.name));
}

/** Number in a word (decimal), or undefined. */
export function numberOf(v: ValueNode | undefined): number | undefined {
  const t = valueText(v);
  return t !== undefined && /^[0-9]+$/.test(t) ? Number(t) : undefined;
}

/** Does some reading of the grammar take all of the clause's values (so its blocks' contexts are known)? */
function isReadable(p: Clause): boolean {
  const facts = p.facts;
  if (facts & FACT_READABLE_KNOWN) return (facts & FACT_READABLE) !== 0;
  const head = p.nameNode ? undefined : p.statement.values[0];
  // The model keyed the same values when the clause has a name (no head): reuse its key.
  const r = blockContexts(p.context, p.name, p.args, head, p.nameNode ? p.argsKey : undefined) !== undefined;
  p.facts |= FACT_READABLE_KNOWN | (r ? FACT_READABLE : 0);
  return r;
}

/**
 * Is the clause's context certain? When its parent's values fit no reading of the grammar (a wrong value
 * before a block), the model guesses the blocks' contexts, and in a block never closed the statements may
 * belong after the missing `}`; rules that judge a clause by its context skip those.
 */
export function contextIsCertain(c: Clause): boolean {
  // Most rules ask it of every clause: answer once per clause.
  const facts = c.facts;
  if (facts & FACT_CERTAIN_KNOWN) return (facts & FACT_CERTAIN) !== 0;
  const certain = isContextCertain(c);
  c.facts |= FACT_CERTAIN_KNOWN | (certain ? FACT_CERTAIN : 0);
  return certain;
}

function isContextCertain(c: Clause): boolean {
  for (let p = c.parent, child: Clause = c; p; child = p, p = p.parent) {
    // In a block that is never closed, the statements may belong after a missing `}`: the syntax finding is the news.
    if (p.block && p.block.close < 0) return false;
    if (isReadable(p)) continue;
    if (p.nameNode && lookupClause(p.context, p.name)?.blockContext === child.context && p.block && child.span.start > p.block.start && child.span.end <= p.block.end) continue;
    return false;
  }
  return true;
}
