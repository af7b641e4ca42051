// Address match lists (`{ 10.0.0.0/8; !192.0.2.1; key k; localnets; { ... }; }`): their elements, typed.
import type { StatementNode, StringNode, ValueNode, WordNode } from '../../../../grammars/bind/cst';
import { isIPv4, isIPv6 } from './catalogue';
import { textOf } from '../../../../grammars/bind/cst';
import { parseAddress, type AddressLiteral, type Family } from '../../addresses';
import type { Clause } from './model';

export const BUILTIN_ACLS = ['any', 'none', 'localhost', 'localnets'] as const;

export interface AmlElement {
  statement: StatementNode;
  negated: boolean;
  kind: 'address' | 'bad-address' | 'builtin' | 'acl' | 'key' | 'nested' | 'other';
  /** The token that names the element (the address, ACL or key name); undefined for nested lists. */
  node?: ValueNode;
  text: string;
  family?: Family;
  address?: AddressLiteral;
  problem?: string;
}

/** The statement as an address match list element: read once per statement (several rules ask), shared read-only. */
export function amlElementOf(st: StatementNode): AmlElement {
  return (st.element as AmlElement | undefined) ?? (st.element = readAmlElement(st));
}

function readAmlElement(st: StatementNode): AmlElement {
  let i = 0;
  let negated = false;
  if (st.values[0]?.kind === 'bang') {
    negated = true;
    i++;
  }
  const v = st.values[i];
  // `! ! x` is not `x`: named refuses a negated negation (bind/invalid-value), so it admits nothing here.
  if (v?.kind === 'bang') return { statement: st, negated, kind: 'other', text: '' };
  if (!v) return { statement: st, negated, kind: 'other', text: '' };
  if (v.kind === 'block') return { statement: st, negated, kind: 'nested', text: '' };
  const text = textOf(v) ?? '';
  const lower = text.toLowerCase();
  if (v.kind === 'word' && lower === 'key') return { statement: st, negated, kind: 'key', node: st.values[i + 1], text: textOf(st.values[i + 1]) ?? '' };
  if ((BUILTIN_ACLS as readonly string[]).includes(lower)) return { statement: st, negated, kind: 'builtin', node: v, text: lower };
  if (v.kind === 'word') {
    const parsed = parseAddress(text);
    // named takes an element that is not an address as the name of an ACL: a zone index it cannot read makes one.
    if (parsed?.ok && !zoneIndexReadable(text)) return { statement: st, negated, kind: 'acl', node: v, text };
    if (parsed?.ok) return { statement: st, negated, kind: 'address', node: v, text, family: parsed.value.family, address: parsed.value };
    if (parsed && !parsed.ok) return { statement: st, negated, kind: 'bad-address', node: v, text, family: parsed.family, problem: parsed.reason };
  }
  return { statement: st, negated, kind: 'acl', node: v, text };
}

/**
 * Can named read the `%zone` of an IPv6 literal (true when there is none)? isc_netscope_pton (lib/isc/netscope.c)
 * looks an interface name up only for a link-local address (fe80::/10; we cannot know the host's interfaces, so
 * any name passes there); anywhere else the zone must start with a decimal number of 32 bits (strtoull, with
 * trailing text ignored). `2001:db8::1%eth0` or `ff02::1%eth0` fail, and the word is then no address to named.
 */
function zoneIndexReadable(text: string): boolean {
  const pct = text.indexOf('%');
  if (pct < 0) return true;
  const zone = text.slice(pct + 1).replace(/\/[0-9]*$/, '');
  if (/^fe[89ab][0-9a-f]:/i.test(text)) return true;
  const digits = /^[0-9]+/.exec(zone);
  return !!digits && Number(digits[0]) <= 0xffffffff;
}

/** The elements of a clause's address match list (its first block). */
export function amlElements(clause: Clause): AmlElement[] {
  return clause.block ? clause.block.statements.map(amlElementOf) : [];
}

/** The `port N` of a listen-on style clause, as a number, with its token; undefined when absent. */
export function portArg(clause: Clause): { port: number; node: WordNode } | undefined {
  for (let i = 0; i < clause.args.length - 1; i++) {
    const a = clause.args[i];
    const b = clause.args[i + 1];
    if (a.kind === 'word' && a.image.toLowerCase() === 'port' && b.kind === 'word' && /^\d+$/.test(b.image)) return { port: Number(b.image), node: b };
  }
  return undefined;
}

/** Does the list admit everything positively at its head (`any;` first), so any address is already covered? */
export function startsWithAny(elements: readonly AmlElement[]): boolean {
  const first = elements[0];
  return !!first && first.kind === 'builtin' && first.text === 'any' && !first.negated;
}

/** Is the list exactly `{ none; }` (or empty): it admits nothing. */
export function admitsNothing(elements: readonly AmlElement[]): boolean {
  return elements.length === 0 || (elements.length === 1 && elements[0].kind === 'builtin' && elements[0].text === 'none' && !elements[0].negated);
}

/**
 * Does an address match list element name an ACL? bind/undefined-reference reports such a name when no acl defines
 * it, and the editor's navigation renames and finds it: one test for both. amlElementOf sets apart addresses, the
 * built-in ACLs, `key k` and nested lists; `geoip [db name] <type> <value>` leads a GeoIP element, not an ACL.
 */
export function isAclReference(el: AmlElement): el is AmlElement & { node: WordNode | StringNode } {
  return el.kind === 'acl' && !!el.node && (el.node.kind === 'word' || el.node.kind === 'string') && el.text.toLowerCase() !== 'geoip';
}

/**
 * Does a remote-servers element (primaries, also-notify, ...) name a primaries list rather than give a server? Not
 * an address, nor a broken one (a ':' or only digits and dots), nor an `@PLACEHOLDER@` of a template.
 */
export function isRemoteListName(node: WordNode | StringNode): boolean {
  const n = textOf(node) ?? '';
  if (node.kind === 'word' && (isIPv4(n) || isIPv6(n) || /^@[A-Za-z0-9_]+@$/.test(n))) return false;
  return !/:/.test(n) && !/^[0-9.]+$/.test(n);
}
