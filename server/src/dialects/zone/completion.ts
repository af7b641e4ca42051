// Completion for zone files: the $ directives at the start of a line, and record types (with the class IN) where the
// type of a record goes; nothing in comments, quoted strings, parenthesised data, or after the type.
import { quotedEnd, wordEnd } from '../../../../grammars/zone/parser';
import type { ZoneEntry } from '../../../../grammars/zone/cst';
import type { CompletionEntry } from '../../core/types';
import { DIRECTIVE_DOCS } from './docs';
import type { ZoneModel } from './model';
import { CLASSES, lookupClass, parseTTL, RR_TYPES, type RRTypeInfo } from './rrtypes';

/** The directives a user writes, with a short line on each ($DATE is written by BIND's own zone dumps). */
const DIRECTIVES: readonly [name: string, detail: string][] = [
  ['$ORIGIN', 'set the domain that relative names are completed with'],
  ['$TTL', 'default TTL for the records that follow'],
  ['$INCLUDE', 'read another file here'],
  ['$GENERATE', 'write a numbered series of records (BIND)'],
];

/** The types most zones use, offered first in this order; the rest follow in registry order. */
const COMMON = ['A', 'AAAA', 'NS', 'MX', 'CNAME', 'TXT', 'SOA', 'PTR', 'SRV', 'CAA', 'HTTPS', 'SVCB', 'DS', 'DNSKEY', 'TLSA', 'SSHFP', 'NAPTR', 'DNAME'];

/**
 * Types BIND still loads that have a successor to write instead: offered tagged deprecated. SPF went to TXT (RFC 7208
 * §3.1), A6 to AAAA (RFC 6563), NXT to NSEC (RFC 3755), GPOS to LOC.
 */
const DEPRECATED_TYPES: ReadonlySet<string> = new Set(['SPF', 'A6', 'NXT', 'GPOS']);

/**
 * Snippets for the records whose data is worth a template: AAAA (the documentation prefix, RFC 3849) and SOA, whose
 * seven fields are easy to get out of order. Only offered when nothing follows the cursor on its line.
 */
const SNIPPETS: Record<string, string> = {
  AAAA: 'AAAA ${1:2001:db8::1}',
  SOA:
    'SOA ${1:ns1.example.net.} ${2:hostmaster.example.net.} (\n' +
    '\t${3:1} ; serial\n\t${4:1d} ; refresh\n\t${5:2h} ; retry\n\t${6:1000h} ; expire\n\t${7:1h} ; negative-caching TTL\n)',
};

/** Types a zone can hold in text form, common ones first: no query or pseudo types, nothing BIND refuses or keeps to itself. */
const OFFERED_TYPES: readonly RRTypeInfo[] = (() => {
  const usable = RR_TYPES.filter((t) => !t.meta && !t.obsolete && !t.genericOnly && t.name !== 'KEYDATA');
  const rank = (t: RRTypeInfo) => {
    const i = COMMON.indexOf(t.name);
    return i < 0 ? COMMON.length : i;
  };
  // Array.prototype.sort is stable: the rest keep the registry order.
  return usable.sort((a, b) => rank(a) - rank(b));
})();

const IN_CLASS = CLASSES.find((c) => c.name === 'IN')!;

function typeEntries(withClass: boolean, snippets: boolean): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  if (withClass) out.push({ label: 'IN', kind: 'keyword', detail: 'class 1 (Internet)', documentation: IN_CLASS.summary, sortText: '000' });
  OFFERED_TYPES.forEach((t, i) => {
    const entry: CompletionEntry = { label: t.name, kind: 'keyword', detail: `record type ${t.code}`, documentation: `${t.summary}\n\n[Reference](${t.ref})`, sortText: String(i + 1).padStart(3, '0') };
    const snippet = snippets ? SNIPPETS[t.name] : undefined;
    if (snippet) entry.snippet = snippet;
    if (DEPRECATED_TYPES.has(t.name)) entry.deprecated = true;
    out.push(entry);
  });
  return out;
}

function directiveEntries(): CompletionEntry[] {
  return DIRECTIVES.map(([label, detail]) => {
    const doc = DIRECTIVE_DOCS[label];
    return { label, kind: 'keyword', detail, documentation: doc ? `\`\`\`dns-zone\n${doc.syntax}\n\`\`\`\n\n${doc.description}` : undefined };
  });
}

/** The last entry that starts before the offset (entries are in file order). */
function entryBefore(entries: readonly ZoneEntry[], offset: number): ZoneEntry | undefined {
  let lo = 0;
  let hi = entries.length - 1;
  let found: ZoneEntry | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid].start < offset) {
      found = entries[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Does a parenthesised group opened on an earlier line still hold the start of this line? A closed group does up
 * to its `)`; an unclosed one does unless this line starts at column 0 with a word (a NUL there is skipped like a
 * blank), where the parser (and the user, typing the next record) starts a new entry.
 */
function inGroupFromAbove(model: ZoneModel, text: string, lineStart: number): boolean {
  const e = entryBefore(model.cst.entries, lineStart);
  if (!e) return false;
  for (const g of e.groups) {
    if (g.start >= lineStart) continue;
    // A closed group ends on its `)`; an unclosed one on its last value, which can end in an escaped `\)` itself.
    const closed = text.charCodeAt(g.end - 1) === 0x29 && !e.values.some((v) => v.end === g.end);
    if (closed ? g.end > lineStart : !/^[^\s;\0]/.test(text.slice(lineStart, lineStart + 1))) return true;
  }
  return false;
}

/** What the line holds before the cursor: the whole words, and whether the cursor is somewhere nothing is offered. */
interface LineBefore {
  words: string[];
  /** In a comment or a quoted string, or past a parenthesis. */
  closed: boolean;
}

/** Reads the line from its start to the offset as BIND's lexer does: `;` comments, quoted strings, `\` escapes. */
function readLine(text: string, lineStart: number, offset: number): LineBefore {
  const words: string[] = [];
  let i = lineStart;
  while (i < offset) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) i++;
    else if (c === 0x3b || c === 0x28 || c === 0x29) return { words, closed: true };
    else if (c === 0x22) {
      // Inside the string (an unclosed one runs to the end of the line), or right after its closing quote.
      const end = quotedEnd(text, i);
      if (offset <= end) return { words, closed: true };
      words.push(text.slice(i, end));
      i = end;
    } else {
      const end = wordEnd(text, i);
      // A character no word takes and none of the above (a NUL byte): skipped like a blank, so the loop moves on.
      if (end === i) {
        i++;
        continue;
      }
      // The word the cursor is in (or right after) is the one being typed: not a word before the cursor.
      if (end >= offset) break;
      words.push(text.slice(i, end));
      i = end;
    }
  }
  return { words, closed: false };
}

/** Nothing but blanks or a comment from the offset to the end of its line. */
function restOfLineEmpty(text: string, offset: number): boolean {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x3b) return true;
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

/**
 * After the owner, a record may give a TTL and a class, once each, in either order (lib/dns/master.c); the next word
 * is the type. Given the words after the owner, undefined when one of them is not a TTL or a class (so the type is
 * already written), else whether a class may still come.
 */
function typePosition(rest: readonly string[]): { classFree: boolean } | undefined {
  let ttl = false;
  let cls = false;
  for (const w of rest) {
    if (w.startsWith('"')) return undefined;
    if (!ttl && parseTTL(w) !== undefined) ttl = true;
    else if (!cls && lookupClass(w)) cls = true;
    else return undefined;
  }
  return { classFree: !cls };
}

/**
 * Where the line holding the offset starts: after the last \n or \r before it, or 0. (Not lastIndexOf(…, offset - 1):
 * at offset 0 that searches from 0 and finds a line break the cursor is before, not after.)
 */
function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 0x0a || c === 0x0d) break;
    i--;
  }
  return i;
}

export function zoneCompletions(model: ZoneModel, text: string, position: number): CompletionEntry[] {
  // A position outside the text (a stale request after an edit) is read as the nearest end.
  const offset = position > 0 ? Math.min(Math.trunc(position), text.length) : 0;
  const lineStart = lineStartOf(text, offset);
  if (inGroupFromAbove(model, text, lineStart)) return [];
  const { words, closed } = readLine(text, lineStart, offset);
  if (closed) return [];
  // A NUL at column 0 is skipped like a blank (the parser reads the line as indented): it writes no owner.
  const ownerWritten = lineStart < text.length && /[^\s;\0]/.test(text[lineStart]);
  // The first word of a line that starts at column 0: an owner name or a directive.
  if ((ownerWritten || offset === lineStart) && words.length === 0) return directiveEntries();
  if (ownerWritten && words[0].startsWith('$')) {
    // $GENERATE range lhs [ttl] [class] type rhs: the type position once the range and the owner template are given.
    if (words[0].toUpperCase() !== '$GENERATE' || words.length < 3) return [];
    const at = typePosition(words.slice(3));
    return at ? typeEntries(at.classFree, false) : [];
  }
  const at = typePosition(ownerWritten ? words.slice(1) : words);
  return at ? typeEntries(at.classFree, restOfLineEmpty(text, offset)) : [];
}
