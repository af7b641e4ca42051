// Where named listens: the listen-on / listen-on-v6 clauses of an options block, their ports, and the fix that
// moves an address from one family's list to the other's (shared by the two wrong-family rules).
import type { BlockNode, StatementNode } from '../../../../grammars/bind/cst';
import type { Family } from '../../addresses';
import type { LineIndex } from '../../core/text';
import type { Edit, Fix, RuleContext } from '../../core/types';
import { admitsNothing, amlElementOf, amlElements, isAclReference, portArg, startsWithAny, type AmlElement } from './aml';
import { appendElement, insertStatementAfter, removeElement } from './edits';
import { FamilyResolver } from './families';
import type { BindModel, Clause } from './model';

export const LISTEN_CLAUSE: Record<Family, string> = { 4: 'listen-on', 6: 'listen-on-v6' };

export interface ListenBlock {
  /** The options clause. */
  options: Clause;
  /** The port named uses when a listen clause names none (`port` option, else 53). */
  defaultPort: number;
  listenOn: Clause[];
  listenOnV6: Clause[];
}

/** listen-on is an options-only clause; each options block (there should be one) gives one ListenBlock. */
export function listenBlocks(model: BindModel): ListenBlock[] {
  return model.clauses
    .filter((c) => c.name === 'options' && c.context === 'top')
    .map((options) => {
      const portClause = options.children.find((c) => c.name === 'port');
      const p = portClause?.args[0];
      const defaultPort = p && p.kind === 'word' && /^\d+$/.test(p.image) ? Number(p.image) : 53;
      return {
        options,
        defaultPort,
        listenOn: options.children.filter((c) => c.name === 'listen-on'),
        listenOnV6: options.children.filter((c) => c.name === 'listen-on-v6'),
      };
    });
}

export function effectivePort(clause: Clause, block: ListenBlock): number {
  return portArg(clause)?.port ?? block.defaultPort;
}

/**
 * What comes between a listen clause's name and its address list, with a space before it ('' when nothing does):
 * `port N`, and from 9.18 the transport (`tls name`, `http name`, `proxy …`). A twin for the other family carries it
 * all over: a listen-on-v6 with the port alone would serve plain DNS where the IPv4 twin serves DNS over TLS or HTTPS.
 */
export function listenHeadText(text: string, clause: Clause): string {
  const words: string[] = [];
  for (const a of clause.args) {
    if (a.kind === 'block') break;
    words.push(text.slice(a.start, a.end));
  }
  return words.length ? ` ${words.join(' ')}` : '';
}

/**
 * Does named listen by default for this family, on every address of it (`listen-on { any; }`, `listen-on-v6 { any; }`
 * on the default port: `named -C`, research §1b)? Only while the options block has no clause of the family at all:
 * one clause, whatever its port, replaces the default.
 */
export function defaultListenerInForce(block: ListenBlock, family: Family): boolean {
  return (family === 6 ? block.listenOnV6 : block.listenOn).length === 0;
}

/**
 * An address in the other family's list that named serves anyway: no clause of its own family, so the default
 * listens on every address of that family on the default port, and the list it is in is for that port.
 */
export function servedByDefault(block: ListenBlock, from: Clause, family: Family): boolean {
  return defaultListenerInForce(block, family) && effectivePort(from, block) === block.defaultPort;
}

const FAMILY_NAME: Record<Family, string> = { 4: 'IPv4', 6: 'IPv6' };

/** Where an element stands: its list, and for a list nested in another, the nested statement and where that stands. */
export interface Place {
  container: BlockNode;
  holder?: { statement: StatementNode; place: Place };
}

/** A listen clause's elements, and those of the (not negated) lists nested in it, each with where it stands. */
export function listElementsDeep(clause: Clause): { element: AmlElement; place: Place }[] {
  const out: { element: AmlElement; place: Place }[] = [];
  const visit = (place: Place) => {
    for (const st of place.container.statements) {
      const element = amlElementOf(st);
      out.push({ element, place });
      if (element.kind === 'nested' && !element.negated) {
        const b = st.values.find((v) => v.kind === 'block');
        if (b && b.kind === 'block') visit({ container: b, holder: { statement: st, place } });
      }
    }
  };
  if (clause.block) visit({ container: clause.block });
  return out;
}

/**
 * Does named listen on what acl `name` holds for `family` anyway: the default listener of that family (no clause of
 * it, same port), or a clause of it on the same port that starts with `any` or names the acl itself. An acl used in
 * both listen-on and listen-on-v6 is the usual way to list a server's addresses once; its other family is no mistake.
 */
export function aclServedByFamily(block: ListenBlock, from: Clause, family: Family, name: string): boolean {
  if (servedByDefault(block, from, family)) return true;
  const port = effectivePort(from, block);
  return (family === 6 ? block.listenOnV6 : block.listenOn).some((c) => {
    if (effectivePort(c, block) !== port) return false;
    const els = amlElements(c);
    return startsWithAny(els) || els.some((e) => !e.negated && isAclReference(e) && e.text.toLowerCase() === name.toLowerCase());
  });
}

/**
 * The edit that takes the only element out of a list: `none` in its place (the same for named as `{ }`, and
 * readable). It runs on to the closing brace, the text there kept as it is, so that it overlaps any fix adding to
 * the same list in the same pass: `{ none; ::1; }` admits nothing, named taking the first element that matches.
 */
function emptyingEdit(text: string, container: BlockNode, st: StatementNode): Edit {
  const end = container.close >= 0 ? container.close + 1 : st.end;
  return { start: st.start, end, newText: `none;${text.slice(st.end, end)}` };
}

/** The edit that takes an element out of its list; a nested list it alone fills goes with it. */
function takeOut(text: string, lines: LineIndex, place: Place, st: StatementNode): Edit {
  while (place.container.statements.length === 1 && place.holder) {
    st = place.holder.statement;
    place = place.holder.place;
  }
  return place.container.statements.length === 1 ? emptyingEdit(text, place.container, st) : removeElement(text, lines, place.container, st);
}

/**
 * The fix for a negated element of the wrong family (`listen-on { !::1; … }`): named drops it with a warning
 * (lib/isccfg/aclconf.c, "incorrect address family; ignoring"), and inside a nested list it could only match
 * addresses named never asks about there. Removing it changes nothing named does, so the fix is safe.
 */
export function removeNegationFix(text: string, lines: LineIndex, from: Clause, place: Place, element: AmlElement): Fix {
  return { title: `Remove !${element.text} from ${from.name} (it has no effect there)`, safe: true, edits: [takeOut(text, lines, place, element.statement)] };
}

/**
 * The fix that moves `element` out of `from` into the other family's list of the same port: merged into an
 * existing clause (replacing a lone `none`, or not added when the list starts with `any`), else a new clause
 * right after `from`. A new clause is safe only where it adds a listener: where the block has no clause of that
 * family, it replaces named's default of every address of the family, which some clients may be using.
 */
export function moveElementFix(
  text: string,
  lines: LineIndex,
  block: ListenBlock,
  from: Clause,
  element: AmlElement,
  to: Family,
  place: Place | undefined = from.block && { container: from.block },
): Fix | undefined {
  if (!place || !element.node) return undefined;
  const targetName = LISTEN_CLAUSE[to];
  const port = effectivePort(from, block);
  const targets = (to === 6 ? block.listenOnV6 : block.listenOn).filter((c) => effectivePort(c, block) === port && c.block);
  const literal = text.slice(element.statement.start, element.statement.end).replace(/;$/, '');
  const edits: Edit[] = [takeOut(text, lines, place, element.statement)];

  const target = targets[0];
  let safe = true;
  let title: string;
  if (target && target.block) {
    const targetElements = amlElements(target);
    const canonical = element.address?.canonical;
    if (startsWithAny(targetElements)) {
      title = `Remove ${element.text} from ${from.name} (${targetName} already admits it with 'any')`;
    } else if (targetElements.some((e) => !e.negated && e.address && e.address.canonical === canonical)) {
      title = `Remove ${element.text} from ${from.name} (${targetName} already lists it)`;
    } else if (admitsNothing(targetElements) && targetElements.length === 1) {
      const none = targetElements[0].statement;
      edits.push({ start: none.start, end: none.end, newText: `${literal};` });
      title = `Move ${element.text} to ${targetName}`;
    } else {
      edits.push(appendElement(text, lines, target.block, literal));
      title = `Move ${element.text} to ${targetName}`;
    }
  } else {
    edits.push(insertStatementAfter(text, lines, from.span, `${targetName}${listenHeadText(text, from)} { ${literal}; };`));
    title = `Move ${element.text} to a new ${targetName}${listenHeadText(text, from)}`;
    if (defaultListenerInForce(block, to)) {
      safe = false;
      title += ` (it replaces named's default: every ${FAMILY_NAME[to]} address on port ${block.defaultPort})`;
    }
  }
  edits.sort((a, b) => a.start - b.start);
  // Two edits must not touch: when they would, the fix is not offered rather than offered wrong.
  for (let i = 1; i < edits.length; i++) if (edits[i].start < edits[i - 1].end) return undefined;
  return { title, safe, edits };
}

/**
 * The two wrong-family rules, one check: the `wrong`-family elements of each listen clause of the other family, its
 * own and those of the lists nested in it (a move for an address, a removal for a negation), and those an acl it
 * names brings in (no fix: the acl may serve other lists), unless named listens on them anyway.
 */
export function checkWrongFamily(ctx: RuleContext<BindModel>, wrong: Family): void {
  const from: Family = wrong === 6 ? 4 : 6;
  const name = LISTEN_CLAUSE[from];
  const target = LISTEN_CLAUSE[wrong];
  const fam = FAMILY_NAME[wrong];
  let resolver: FamilyResolver | undefined;
  for (const block of listenBlocks(ctx.model)) {
    for (const clause of from === 4 ? block.listenOn : block.listenOnV6) {
      for (const { element: el, place } of listElementsDeep(clause)) {
        if (el.kind === 'address' && el.family === wrong && el.node) {
          if (el.negated) {
            ctx.report({
              span: el.node,
              message: `named ignores ${fam} addresses in ${name}: the negation '!${el.text}' has no effect there (${name} only ever matches ${FAMILY_NAME[from]} addresses). Remove it.`,
              fixes: [removeNegationFix(ctx.text, ctx.lines, clause, place, el)],
            });
            continue;
          }
          const fix = moveElementFix(ctx.text, ctx.lines, block, clause, el, wrong, place);
          ctx.report({
            span: el.node,
            message: servedByDefault(block, clause, wrong)
              ? `named ignores ${fam} addresses in ${name}: '${el.text}' is listened on only because, with no ${target} at all, named listens on every ${fam} address. Move it to ${target} to listen on it alone.`
              : `named ignores ${fam} addresses in ${name}: '${el.text}' will not be listened on. Move it to ${target}.`,
            fixes: fix ? [fix] : [],
          });
        } else if (isAclReference(el) && !el.negated) {
          if (aclServedByFamily(block, clause, wrong, el.text)) continue;
          const found = (resolver ??= new FamilyResolver(ctx.model, ctx.linked)).addressesOfAcl(el.text, wrong);
          if (found.length === 0) continue;
          const listed = found.map((f) => `'${f.element.text}'`).join(', ');
          ctx.report({
            span: el.node,
            message:
              `acl '${el.text}' brings ${fam} address${found.length > 1 ? 'es' : ''} ${listed} into ${name}, which only ever matches ` +
              `${FAMILY_NAME[from]} addresses: named will not listen on ${found.length > 1 ? 'them' : 'it'}. Name the acl in ${target} too, or list ${found.length > 1 ? 'them' : 'it'} there.`,
            related: found.map((f) => ({ span: f.element.node!, message: `${fam} address in acl '${el.text}'`, file: f.file })),
          });
        }
      }
    }
  }
}
