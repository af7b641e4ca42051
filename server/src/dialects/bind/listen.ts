// Where named listens: the listen-on / listen-on-v6 clauses of an options block, their ports, and the fix that
// moves an address from one family's list to the other's (shared by the two wrong-family rules).
import type { Family } from '../../addresses';
import type { LineIndex } from '../../core/text';
import type { Edit, Fix } from '../../core/types';
import { admitsNothing, amlElements, portArg, startsWithAny, type AmlElement } from './aml';
import { appendElement, insertStatementAfter, removeElement } from './edits';
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
): Fix | undefined {
  if (!from.block || !element.node) return undefined;
  const targetName = LISTEN_CLAUSE[to];
  const port = effectivePort(from, block);
  const targets = (to === 6 ? block.listenOnV6 : block.listenOn).filter((c) => effectivePort(c, block) === port && c.block);
  const elements = amlElements(from);
  const literal = text.slice(element.statement.start, element.statement.end).replace(/;$/, '');
  const edits: Edit[] = [];
  // Emptying the source list would leave `{ }`: say `none` instead (the same for named, and readable).
  if (elements.length === 1) edits.push({ start: element.statement.start, end: element.statement.end, newText: 'none;' });
  else edits.push(removeElement(text, lines, from.block, element.statement));

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
