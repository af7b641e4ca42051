// The typed view of a zone file: directives and resource records (owner, TTL, class, type, data) with every name
// resolved against the origin in effect, plus the problems named-checkzone reports while reading them. Rules read
// this; they never see tokens. Facts: lib/dns/master.c and lib/dns/rdata/ of BIND 9.18, and runs of named-checkzone.
import type { ZoneCst, ZoneEntry, ZoneValue } from '../../../../grammars/zone/cst';
import type { SyntaxProblem } from '../../../../grammars/zone/cst';
import type { Span } from '../../core/types';
import { isDottedQuad, isIPv6Text } from './inet';
import { clip, isAbsolute, isSubdomain, parseName, parentOf, resolveName, UNKNOWN_ORIGIN, type ParsedName } from './names';
import { DNSSEC_ALGORITHMS, lookupClass, lookupType, parseTTL, type Field, type RRTypeInfo } from './rrtypes';

export interface ZoneRecord {
  entry: ZoneEntry;
  span: Span;
  /** Canonical owner name (absolute, or ending in `@` when the origin is unknown). */
  owner: string;
  /** The owner as written; undefined when inherited from the record before. */
  ownerNode?: ZoneValue;
  ttl?: number;
  ttlNode?: ZoneValue;
  /** Upper-case class mnemonic in effect (written, or inherited); undefined when none was ever written. */
  cls?: string;
  classNode?: ZoneValue;
  type: RRTypeInfo;
  typeNode: ZoneValue;
  rdata: ZoneValue[];
  /** RFC 3597 generic data (`\# length hex`), when written that way and well formed. */
  generic?: { length: number; hex: string };
  /** The origin in effect (canonical). */
  origin: string;
  /** Canonical names in the data, by rdata index (NS/CNAME/PTR target, MX exchange, SRV target, SOA names...). */
  names: ReadonlyMap<number, string>;
  /** The record has no TTL of its own and none came before it ($TTL, an earlier TTL or SOA). */
  noTTL: boolean;
}

export type DirectiveName = '$ORIGIN' | '$TTL' | '$INCLUDE' | '$GENERATE' | '$DATE';

export interface ZoneDirective {
  entry: ZoneEntry;
  span: Span;
  /** Upper-case directive name; unknown directives are syntax problems and not kept. */
  name: DirectiveName;
  nameNode: ZoneValue;
  args: ZoneValue[];
  /** $ORIGIN: the new origin; $INCLUDE: the origin given to the included file (canonical). */
  origin?: string;
  /** $TTL: the value in seconds. */
  ttl?: number;
}

/** One record a $GENERATE line produces (expanded up to a cap). */
export interface GeneratedRecord {
  directive: ZoneDirective;
  owner: string;
  type: RRTypeInfo;
  /** The data with `$` substituted. */
  rhs: string;
}

export interface ZoneModel {
  cst: ZoneCst;
  records: ZoneRecord[];
  directives: ZoneDirective[];
  generated: GeneratedRecord[];
  /** Syntax problems found while giving the entries meaning (unknown types, bad numbers, missing data...). */
  problems: SyntaxProblem[];
  /** The zone apex: the owner of the first SOA, else the origin at the first record (canonical). */
  apex: string;
  /**
   * The file states where it is: the apex is absolute because of an $ORIGIN or an absolute SOA owner. When it is
   * not, relative names end in `@`, unless the origin could be inferred (`inferredOrigin`).
   */
  originKnown: boolean;
  /** The origin guessed from absolute names that match relative owners (ns1 + `ns1.example.net.`). */
  inferredOrigin?: string;
  /** Records by canonical owner, in file order. */
  byOwner: Map<string, ZoneRecord[]>;
  /** Generated records by canonical owner. */
  generatedByOwner: Map<string, GeneratedRecord[]>;
  /** Owners below the apex that hold NS records: delegation points (zone cuts). */
  cuts: Set<string>;
}

/** Per-directive and per-file caps on $GENERATE expansion (a range may be 0-2147483647). */
export const MAX_GENERATE_PER_LINE = 10_000;
export const MAX_GENERATED = 100_000;

const NUMBER_MAX: Record<string, number> = { u8: 0xff, u16: 0xffff, u32: 0xffffffff };
const FIELD_LABEL: Partial<Record<Field, string>> = {
  name: 'a domain name',
  u8: 'a number (0-255)',
  u16: 'a number (0-65535)',
  u32: 'a number',
  ttl: 'a time value',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  string: 'a character-string',
  strings: 'one or more character-strings',
  word: 'a value',
  hex: 'hexadecimal data',
  base64: 'base64 data',
};

/** SVCB/HTTPS parameter keys BIND 9.18 knows (RFC 9460 and RFC 9461). */
const SVC_KEYS = new Set(['mandatory', 'alpn', 'no-default-alpn', 'port', 'ipv4hint', 'ech', 'ipv6hint', 'dohpath']);

/** Bytes of a character-string once its escapes are decoded (UTF-8 for non-ASCII text); -1 for a bad escape. */
function stringBytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */ && i + 1 < s.length) {
      const d = s.slice(i + 1, i + 4);
      if (/^[0-9]{3}$/.test(d)) {
        if (Number(d) > 255) return -1;
        i += 3;
      } else if (/^[0-9]/.test(d)) return -1;
      else i += 1;
      n += 1;
    } else n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** What is wrong with a character-string, if anything. */
function stringProblem(s: string): string | undefined {
  const n = stringBytes(s);
  if (n < 0) return 'bad escape: a backslash and a digit start a three-digit \\DDD escape (at most \\255)';
  if (n > 255) return `syntax error: a character-string holds at most 255 bytes, this one ${n}`;
  return undefined;
}

/** BIND's base64: groups of four, `=` padding only at the end, and the unused bits of the last group zero. */
function isStrictBase64(s: string): boolean {
  if (s.length === 0 || s.length % 4 !== 0) return false;
  const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  for (let i = 0; i < s.length - pad; i++) if (ALPHA.indexOf(s[i]) < 0) return false;
  if (pad === 2) return (ALPHA.indexOf(s[s.length - 3]) & 0x0f) === 0;
  if (pad === 1) return (ALPHA.indexOf(s[s.length - 2]) & 0x03) === 0;
  return true;
}

function isHex(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

const DIGITS = /^[0-9]+$/;

/** Shared by every record without names in its data (most of them): never written to. */
const NO_NAMES: ReadonlyMap<number, string> = new Map();

class Builder {
  readonly problems: SyntaxProblem[] = [];
  readonly records: ZoneRecord[] = [];
  readonly directives: ZoneDirective[] = [];
  readonly generated: GeneratedRecord[] = [];
  origin = UNKNOWN_ORIGIN;
  originKnown = false;
  lastOwner: string | undefined;
  lastClass: string | undefined;
  defaultTTL: number | undefined;
  /** A TTL is available for records without one: $TTL, an earlier explicit TTL, or an SOA. */
  ttlAvailable = false;

  problem(message: string, at: Span): void {
    this.problems.push({ message, start: at.start, end: at.end });
  }

  /** Parse and resolve a name token; reports and returns undefined when malformed. */
  name(v: ZoneValue, origin = this.origin): string | undefined {
    const r = parseName(v.value);
    if (!r.ok) {
      this.problem(`${r.message}: '${clip(v.image)}'`, v);
      return undefined;
    }
    return resolveName(r.name, origin);
  }

  entry(e: ZoneEntry): void {
    const first = e.values[0];
    if (!first) return;
    if (e.atLineStart && first.kind === 'word' && first.image.startsWith('$')) this.directive(e, first);
    else this.record(e);
  }

  directive(e: ZoneEntry, nameNode: ZoneValue): void {
    const upper = nameNode.image.toUpperCase();
    const args = e.values.slice(1);
    const span = { start: e.start, end: e.end };
    const needWord = (i: number, what: string): ZoneValue | undefined => {
      const v = args[i];
      if (!v) {
        this.problem(`unexpected end of line: ${upper} needs ${what}`, nameNode);
        return undefined;
      }
      return v;
    };
    const noMore = (from: number) => {
      if (args.length > from) this.problem(`extra input text: ${upper} takes no more arguments`, args[from]);
    };
    switch (upper) {
      case '$ORIGIN': {
        const v = needWord(0, 'a domain name');
        if (!v) return;
        noMore(1);
        const n = v.kind === 'word' ? this.name(v) : undefined;
        if (v.kind !== 'word') this.problem('unexpected token: the origin cannot be quoted', v);
        if (n !== undefined) {
          this.origin = n;
          if (isAbsolute(n)) this.originKnown = true;
        }
        this.directives.push({ entry: e, span, name: '$ORIGIN', nameNode, args, origin: n });
        return;
      }
      case '$TTL': {
        const v = needWord(0, 'a TTL');
        if (!v) return;
        noMore(1);
        const ttl = v.kind === 'word' ? parseTTL(v.value) : undefined;
        if (ttl === undefined) this.problem(`bad ttl: '${v.image}' is not a number of seconds or a value such as 1h30m`, v);
        else {
          this.defaultTTL = ttl;
          this.ttlAvailable = true;
        }
        this.directives.push({ entry: e, span, name: '$TTL', nameNode, args, ttl });
        return;
      }
      case '$INCLUDE': {
        const file = needWord(0, 'a file name');
        if (!file) return;
        noMore(2);
        const origin = args[1] ? (args[1].kind === 'word' ? this.name(args[1]) : undefined) : this.origin;
        this.directives.push({ entry: e, span, name: '$INCLUDE', nameNode, args, origin });
        return;
      }
      case '$DATE': {
        const v = needWord(0, 'a time stamp (YYYYMMDDHHMMSS)');
        if (!v) return;
        noMore(1);
        if (!/^[0-9]{14}$/.test(v.value)) this.problem(`bad $DATE time stamp '${v.image}': expected YYYYMMDDHHMMSS`, v);
        this.directives.push({ entry: e, span, name: '$DATE', nameNode, args });
        return;
      }
      case '$GENERATE':
        this.generate(e, nameNode, args, span);
        return;
      default:
        this.problem(`unknown $ directive '${nameNode.image}' (BIND knows $ORIGIN, $TTL, $INCLUDE, $GENERATE and $DATE)`, nameNode);
    }
  }

  generate(e: ZoneEntry, nameNode: ZoneValue, args: ZoneValue[], span: Span): void {
    const d: ZoneDirective = { entry: e, span, name: '$GENERATE', nameNode, args };
    this.directives.push(d);
    const range = args[0];
    if (!range) return this.problem('unexpected end of line: $GENERATE needs a range, a left-hand side, a type and a right-hand side', nameNode);
    const m = /^([0-9]{1,10})-([0-9]{1,10})(?:\/([0-9]{1,10}))?$/.exec(range.value);
    const start = m ? Number(m[1]) : NaN;
    const stop = m ? Number(m[2]) : NaN;
    const step = m?.[3] !== undefined ? Number(m[3]) : 1;
    if (!m || start > stop || step < 1 || stop > 0x7fffffff) this.problem(`invalid range '${range.image}': expected start-stop[/step] with start <= stop`, range);
    const lhs = args[1];
    if (!lhs) return this.problem('unexpected end of line: $GENERATE needs a left-hand side (owner template)', range);
    let i = 2;
    let ttlSeen = false;
    let classSeen = false;
    for (let k = 0; k < 2 && i < args.length; k++) {
      const v = args[i];
      if (v.kind !== 'word') break;
      if (!ttlSeen && parseTTL(v.value) !== undefined) ttlSeen = true;
      else if (!classSeen && lookupClass(v.value)) classSeen = true;
      else break;
      i++;
    }
    const typeNode = args[i];
    if (!typeNode) return this.problem('unexpected end of line: $GENERATE needs a type and a right-hand side', lhs);
    const type = lookupType(typeNode.value);
    if (!type || typeNode.kind !== 'word') return this.problem(`unknown RR type '${typeNode.image}'`, typeNode);
    const rhs = args[i + 1];
    if (!rhs) return this.problem(`unexpected end of line: $GENERATE needs a right-hand side after ${type.name}`, typeNode);
    if (args.length > i + 2) this.problem('extra input text: $GENERATE takes one right-hand side', args[i + 2]);
    if (!m || start > stop || step < 1) return;
    const origin = this.origin;
    if (type.code === 1 || type.code === 28) {
      // The first and the last value show a template that is wrong from the start or runs past 255.
      const last = start + Math.floor((stop - start) / step) * step;
      for (const v of start === last ? [start] : [start, last]) {
        const data = substitute(rhs.value, v);
        if (data !== undefined && !(type.code === 1 ? isDottedQuad(data) : isIPv6Text(data))) {
          this.problem(`$GENERATE: ${type.code === 1 ? 'bad dotted quad' : 'bad IPv6 address'}: with $ = ${v} the record would hold '${data}'`, rhs);
          break;
        }
      }
    }
    for (let v = start, n = 0; v <= stop && n < MAX_GENERATE_PER_LINE && this.generated.length < MAX_GENERATED; v += step, n++) {
      const ownerText = substitute(lhs.value, v);
      const rhsText = substitute(rhs.value, v);
      if (ownerText === undefined || rhsText === undefined) {
        this.problem(`bad $GENERATE template: a '$\{' modifier is not closed or not offset[,width[,base]]`, ownerText === undefined ? lhs : rhs);
        return;
      }
      const r = parseName(ownerText);
      if (!r.ok) {
        this.problem(`$GENERATE gives a bad owner name '${clip(ownerText)}': ${r.message}`, lhs);
        return;
      }
      this.generated.push({ directive: d, owner: resolveName(r.name, origin), type, rhs: rhsText });
    }
  }

  record(e: ZoneEntry): void {
    const vals = e.values;
    let i = 0;
    let owner: string | undefined;
    let ownerNode: ZoneValue | undefined;
    if (e.atLineStart) {
      ownerNode = vals[0];
      i = 1;
      owner = this.name(ownerNode);
      // A malformed owner still names the records that follow: keep its text so they do not cascade.
      this.lastOwner = owner ?? `${ownerNode.value.toLowerCase()}.${this.origin}`;
      owner = this.lastOwner;
    } else {
      owner = this.lastOwner;
      if (owner === undefined) {
        this.problem('no current owner name: this line starts with whitespace, so it would reuse the owner of the record before it, and there is none', vals[0]);
        return;
      }
    }
    let ttl: number | undefined;
    let ttlNode: ZoneValue | undefined;
    let classNode: ZoneValue | undefined;
    let cls: string | undefined;
    for (let k = 0; k < 2 && i < vals.length; k++) {
      const v = vals[i];
      if (v.kind !== 'word') break;
      const asTTL = ttlNode ? undefined : parseTTL(v.value);
      if (asTTL !== undefined) {
        ttl = asTTL;
        ttlNode = v;
      } else if (!classNode && lookupClass(v.value)) {
        classNode = v;
        cls = lookupClass(v.value)!.name;
      } else break;
      i++;
    }
    const typeNode = vals[i];
    const last = vals[vals.length - 1];
    if (!typeNode) {
      this.problem('unexpected end of line: the record has no type and no data', last ?? e);
      return;
    }
    if (typeNode.kind !== 'word') {
      this.problem(`syntax error: the record type cannot be a quoted string (${typeNode.image})`, typeNode);
      return;
    }
    const type = lookupType(typeNode.value);
    if (!type) {
      this.problem(`unknown RR type '${typeNode.image}'`, typeNode);
      return;
    }
    if (type.meta) {
      this.problem(`type '${type.name}': invalid use of a meta type (it exists only in DNS messages, never in a zone)`, typeNode);
      return;
    }
    if (type.obsolete) {
      this.problem(`type '${type.name}': obsolete; BIND refuses it (use MX)`, typeNode);
      return;
    }
    if (classNode) this.lastClass = cls;
    else cls = this.lastClass;
    const noTTL = ttl === undefined && !this.ttlAvailable && type.code !== 6;
    if (ttl !== undefined || type.code === 6) this.ttlAvailable = true;
    if (ttl === undefined) ttl = this.defaultTTL;
    const rec: ZoneRecord = {
      entry: e,
      span: { start: e.start, end: e.end },
      owner,
      ownerNode,
      ttl,
      ttlNode,
      cls,
      classNode,
      type,
      typeNode,
      rdata: vals.slice(i + 1),
      origin: this.origin,
      names: NO_NAMES,
      noTTL,
    };
    this.rdata(rec);
    this.records.push(rec);
  }

  /** Check the data against the type's shape, collecting the names it holds. */
  rdata(rec: ZoneRecord): void {
    const { rdata, type, typeNode } = rec;
    const missing = (what: string) => this.problem(`unexpected end of input: ${type.name} needs ${what} here`, rdata.length ? { start: rdata[rdata.length - 1].start, end: rdata[rdata.length - 1].end } : typeNode);
    if (rdata[0]?.kind === 'word' && rdata[0].image === '\\#') return this.genericData(rec);
    if (type.genericOnly) {
      this.problem(`${type.name} has no text form: write its data as \\# <length> <hex> (RFC 3597)`, rdata[0] ?? typeNode);
      return;
    }
    const fields = type.fields;
    if (!fields) {
      if (rdata.length === 0 && !type.mayBeEmpty) missing('data');
      else if (type.code === 29) {
        const bad = locProblem(rdata);
        if (bad) this.problem(bad.message, bad.at);
      }
      return;
    }
    let idx = 0;
    // Like BIND, stop at the first problem in the data: what follows it is not reliable.
    const before = this.problems.length;
    for (const f of fields) {
      if (this.problems.length > before) return;
      if (f === 'rest') {
        if (type.code === 64 || type.code === 65) this.svcParams(rdata.slice(idx));
        idx = rdata.length;
        break;
      }
      if (f === 'types') {
        const rest = rdata.slice(idx);
        if (rest.length === 0) {
          missing('one or more record types');
          return;
        }
        const bad = rest.find((v) => v.kind !== 'word' || !lookupType(v.value));
        if (bad) this.problem(`unknown class/type: '${bad.image}' is not a record type`, bad);
        idx = rdata.length;
        break;
      }
      if (f === 'hex' || f === 'base64' || f === 'strings') {
        const rest = rdata.slice(idx);
        if (rest.length === 0) {
          missing(FIELD_LABEL[f]!);
          return;
        }
        if (f === 'strings') {
          for (const v of rest) {
            const bad = stringProblem(v.value);
            if (bad) this.problem(bad, v);
          }
        } else {
          const quoted = rest.find((v) => v.kind !== 'word');
          if (quoted) {
            this.problem(`unexpected token: ${FIELD_LABEL[f]} cannot be quoted`, quoted);
            return;
          }
          const joined = rest.map((v) => v.value).join('');
          const at = { start: rest[0].start, end: rest[rest.length - 1].end };
          if (f === 'hex') {
            if (!isHex(joined)) this.problem('bad hex encoding: only the digits 0-9 and a-f may appear', at);
            else if (joined.length % 2 !== 0) this.problem('unexpected end of input: hexadecimal data needs an even number of digits', at);
          } else if (!isStrictBase64(joined)) this.problem('bad base64 encoding: the data is not complete groups of four base64 characters with `=` padding only at the end', at);
        }
        idx = rdata.length;
        break;
      }
      const v = rdata[idx];
      if (!v) {
        missing(FIELD_LABEL[f]!);
        return;
      }
      if (v.kind !== 'word' && f !== 'string') {
        this.problem(`unexpected token: ${FIELD_LABEL[f]} cannot be quoted`, v);
        return;
      }
      switch (f) {
        case 'name': {
          const n = this.name(v, rec.origin);
          if (n !== undefined) rec.names = new Map(rec.names).set(idx, n);
          break;
        }
        case 'u8':
        case 'u16':
        case 'u32':
          if (!DIGITS.test(v.value)) this.problem(`not a valid number: '${v.image}' (${FIELD_LABEL[f]})`, v);
          else if (Number(v.value) > NUMBER_MAX[f]) this.problem(`out of range: '${v.image}' (${FIELD_LABEL[f]})`, v);
          break;
        case 'ttl':
          if (parseTTL(v.value) === undefined) this.problem(`syntax error: '${v.image}' is not a time value (seconds, or units such as 1h30m)`, v);
          break;
        case 'alg':
          if (DIGITS.test(v.value) ? Number(v.value) > 255 : !DNSSEC_ALGORITHMS.has(v.value.toUpperCase())) {
            this.problem(`unknown algorithm '${v.image}': a number 0-255 or a mnemonic such as ECDSAP256SHA256`, v);
          }
          break;
        case 'type':
          if (!lookupType(v.value)) this.problem(`unknown class/type: '${v.image}' is not a record type`, v);
          break;
        case 'word':
          if (type.code === 257 && idx === 1 && !/^[A-Za-z0-9]+$/.test(v.value)) this.problem(`syntax error: a CAA tag is letters and digits only ('${v.image}')`, v);
          break;
        case 'string': {
          const bad = stringProblem(v.value);
          if (bad) this.problem(bad, v);
          break;
        }
        default:
          // ipv4/ipv6 are the address rules' business.
          break;
      }
      idx++;
    }
    if (this.problems.length > before) return;
    if (idx < rdata.length) this.problem(`extra input text: ${type.name} takes ${fields.length} field${fields.length === 1 ? '' : 's'}`, rdata[idx]);
    else this.digestLength(rec);
  }

  /** Digests whose algorithm fixes their length (BIND checks it: "unexpected end of input"). */
  digestLength(rec: ZoneRecord): void {
    const code = rec.type.code;
    let algIdx: number;
    let sizes: Record<string, number>;
    let what: string;
    if (code === 44) [algIdx, sizes, what] = [1, { '1': 20, '2': 32 }, 'fingerprint'];
    else if (code === 43 || code === 59 || code === 32768 || code === 32769) {
      [algIdx, sizes, what] = [2, { '1': 20, '2': 32, '3': 32, '4': 48, 'SHA-1': 20, 'SHA-256': 32, 'GOST': 32, 'SHA-384': 48 }, 'digest'];
    } else if (code === 63) [algIdx, sizes, what] = [2, { '1': 48, '2': 64 }, 'zone digest'];
    else return;
    const alg = rec.rdata[algIdx];
    const data = rec.rdata.slice(algIdx + 1);
    if (!alg || data.length === 0) return;
    const bytes = data.map((v) => v.value).join('').length / 2;
    const key = alg.value.toUpperCase().replace(/^0+(?=\d)/, '');
    const need = sizes[key];
    const at = { start: data[0].start, end: data[data.length - 1].end };
    if (algIdx === 2 && code !== 63 && !DIGITS.test(key) && need === undefined) {
      this.problem(`unknown digest type '${alg.image}': a number or SHA-1, SHA-256, GOST, SHA-384`, alg);
      return;
    }
    if (DIGITS.test(alg.value) && Number(alg.value) > 255) {
      this.problem(`out of range: '${alg.image}' (a number (0-255))`, alg);
      return;
    }
    if (need !== undefined && bytes !== need) this.problem(`unexpected end of input: with type ${alg.value} the ${what} is ${need} bytes, this one ${bytes}`, at);
    else if (code === 63 && need === undefined && bytes < 12) this.problem(`unexpected end of input: a zone digest is at least 12 bytes, this one ${bytes}`, at);
  }

  /** `\# length hex...` (RFC 3597). */
  genericData(rec: ZoneRecord): void {
    const [, lenNode, ...hexNodes] = rec.rdata;
    if (!lenNode) return this.problem('unexpected end of input: `\\#` needs the data length in bytes', rec.rdata[0]);
    if (lenNode.kind !== 'word' || !DIGITS.test(lenNode.value)) return this.problem(`not a valid number: '${lenNode.image}' (the data length in bytes)`, lenNode);
    const length = Number(lenNode.value);
    if (length > 65535) return this.problem(`out of range: '${lenNode.image}' (at most 65535 bytes)`, lenNode);
    let hex = '';
    for (let k = 0; k < hexNodes.length; k++) {
      const v = hexNodes[k];
      if (hex.length >= length * 2) return this.problem(`extra input text: the data is longer than the ${length} byte${length === 1 ? '' : 's'} announced`, v);
      if (v.kind !== 'word' || !isHex(v.value)) return this.problem('bad hex encoding: only the digits 0-9 and a-f may appear', v);
      hex += v.value;
    }
    const end = hexNodes.length ? hexNodes[hexNodes.length - 1] : lenNode;
    if (hex.length > length * 2) return this.problem(`extra input text: the data is longer than the ${length} byte${length === 1 ? '' : 's'} announced`, end);
    if (hex.length < length * 2 || hex.length % 2 !== 0) {
      return this.problem(`unexpected end of input: ${length} byte${length === 1 ? '' : 's'} announced, ${Math.floor(hex.length / 2)} given`, end);
    }
    const need = rec.type.code === 1 ? 4 : rec.type.code === 28 ? 16 : undefined;
    if (need !== undefined && length !== need) {
      return this.problem(`${length < need ? 'unexpected end of input' : 'extra input data'}: ${rec.type.name} data is ${need} bytes, ${length} given`, lenNode);
    }
    rec.generic = { length, hex: hex.toLowerCase() };
  }

  /** SVCB/HTTPS parameters: known lower-case keys or keyNNNNN, each at most once. */
  svcParams(params: ZoneValue[]): void {
    const seen = new Set<string>();
    for (let k = 0; k < params.length; k++) {
      const v = params[k];
      if (v.kind !== 'word') {
        this.problem('syntax error: a service parameter is key or key=value', v);
        return;
      }
      const eq = v.value.indexOf('=');
      const key = eq >= 0 ? v.value.slice(0, eq) : v.value;
      // `alpn="h2,h3"`: the quoted value is its own token.
      if (eq === v.value.length - 1 && params[k + 1]?.kind === 'string') k++;
      if (!SVC_KEYS.has(key) && !/^key[0-9]{1,5}$/.test(key)) {
        this.problem(`syntax error: unknown service parameter '${key}' (BIND 9.18 knows ${[...SVC_KEYS].join(', ')} and keyNNNNN)`, v);
        return;
      }
      if (seen.has(key)) {
        this.problem(`duplicate service parameter '${key}'`, v);
        return;
      }
      seen.add(key);
    }
  }
}

/**
 * LOC data (RFC 1876 §3): `d1 [m1 [s1]] N|S d2 [m2 [s2]] E|W alt[m] [siz[m] [hp[m] [vp[m]]]]`, with the ranges BIND
 * checks. Returns the first problem.
 */
export function locProblem(tokens: readonly ZoneValue[]): { message: string; at: Span } | undefined {
  let i = 0;
  const next = () => tokens[i++];
  const fail = (v: ZoneValue | undefined, why: string) => ({ message: `syntax error in LOC data: ${why}`, at: v ?? tokens[tokens.length - 1] });
  const angle = (max: number, hemis: string): { message: string; at: Span } | undefined => {
    const d = next();
    if (!d || !/^[0-9]+$/.test(d.value) || Number(d.value) > max) return fail(d, `degrees must be 0-${max}`);
    for (let part = 0; part < 2; part++) {
      const v = tokens[i];
      if (!v) return fail(v, `expected ${hemis[0]} or ${hemis[1]}`);
      if (hemis.includes(v.value) && v.value.length === 1) break;
      const ok = part === 0 ? /^[0-9]+$/.test(v.value) && Number(v.value) < 60 : /^[0-9]+(?:\.[0-9]{1,3})?$/.test(v.value) && Number(v.value) < 60;
      if (!ok) return fail(v, part === 0 ? 'minutes must be 0-59' : 'seconds must be 0-59.999');
      i++;
    }
    const h = next();
    if (!h || h.value.length !== 1 || !hemis.includes(h.value)) return fail(h, `expected ${hemis[0]} or ${hemis[1]} (upper case)`);
    return undefined;
  };
  const lat = angle(90, 'NS');
  if (lat) return lat;
  const lon = angle(180, 'EW');
  if (lon) return lon;
  const alt = next();
  if (!alt || !/^-?[0-9]+(?:\.[0-9]{1,2})?m?$/.test(alt.value) || parseFloat(alt.value) < -100000 || parseFloat(alt.value) > 42849672.95) {
    return fail(alt, 'altitude must be -100000.00 to 42849672.95 metres');
  }
  for (let k = 0; k < 3 && i < tokens.length; k++) {
    const v = next();
    if (!/^[0-9]+(?:\.[0-9]{1,2})?m?$/.test(v.value) || parseFloat(v.value) > 90000000) return fail(v, 'size and precisions must be 0 to 90000000.00 metres');
  }
  if (i < tokens.length) return { message: 'extra input text after the LOC data', at: tokens[i] };
  return undefined;
}

/** Expand a $GENERATE template for one value: `$`, `${offset[,width[,base]]}`, `\$` or `$$` for a literal dollar. */
export function substitute(tpl: string, value: number): string | undefined {
  let out = '';
  for (let i = 0; i < tpl.length; i++) {
    const c = tpl[i];
    if (c === '\\' && tpl[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    // `$$` is a literal dollar too (kept for compatibility, says the BIND manual).
    if (tpl[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (tpl[i + 1] !== '{') {
      out += String(value);
      continue;
    }
    const close = tpl.indexOf('}', i + 2);
    if (close < 0 || close - i > 40) return undefined;
    const m = /^([+-]?[0-9]+)(?:,([0-9]+)(?:,([doxXnN]))?)?$/.exec(tpl.slice(i + 2, close));
    if (!m) return undefined;
    const v = value + Number(m[1]);
    const width = Math.min(Number(m[2] ?? 0), 255);
    const base = m[3] ?? 'd';
    let s: string;
    if (base === 'n' || base === 'N') {
      let hex = Math.abs(v).toString(16).padStart(Math.max(1, width), '0');
      if (base === 'N') hex = hex.toUpperCase();
      s = [...hex].reverse().join('.');
    } else {
      s = base === 'o' ? v.toString(8) : base === 'x' ? v.toString(16) : base === 'X' ? v.toString(16).toUpperCase() : String(v);
      s = s.padStart(width, '0');
    }
    out += s;
    i = close;
  }
  return out;
}

/** Replace the unknown-origin marker with an origin (canonical). */
function substituteOrigin(name: string, origin: string): string {
  if (name === UNKNOWN_ORIGIN) return origin;
  if (name.endsWith('.' + UNKNOWN_ORIGIN)) return origin === '.' ? name.slice(0, -1) : name.slice(0, -1) + origin;
  return name;
}

/**
 * With no $ORIGIN and a relative SOA owner, the file does not say its origin (named.conf does). Guess it from
 * absolute names that end like a relative owner: `NS ns1.example.net.` beside `ns1 A ...` gives `example.net.`.
 * The SOA's MNAME counts most, then NS targets, then any other name.
 */
function inferOrigin(records: readonly ZoneRecord[]): string | undefined {
  const relativeOwners = new Set<string>();
  for (const r of records) if (r.owner !== UNKNOWN_ORIGIN && r.owner.endsWith('.' + UNKNOWN_ORIGIN)) relativeOwners.add(r.owner.slice(0, -2));
  if (relativeOwners.size === 0) return undefined;
  const score = new Map<string, number>();
  const vote = (abs: string, weight: number) => {
    // Walk the label boundaries: prefix + '.' + suffix = abs, the prefix a relative owner.
    for (let i = 0, n = 0; i < abs.length && n < 128; i++) {
      if (abs[i] === '\\') {
        i++;
        continue;
      }
      if (abs[i] !== '.') continue;
      n++;
      const prefix = abs.slice(0, i);
      const suffix = abs.slice(i + 1) || '.';
      if (suffix !== '.' && relativeOwners.has(prefix)) score.set(suffix, (score.get(suffix) ?? 0) + weight);
    }
  };
  for (const r of records) {
    if (isAbsolute(r.owner)) vote(r.owner, 1);
    for (const [idx, n] of r.names) {
      if (!isAbsolute(n)) continue;
      const weight = r.type.code === 6 ? (idx === 0 ? 3 : 0) : r.type.code === 2 ? 2 : 1;
      if (weight) vote(n, weight);
    }
  }
  let best: string | undefined;
  let bestScore = 0;
  for (const [s, v] of score) {
    if (v > bestScore || (v === bestScore && best !== undefined && s.length < best.length)) {
      best = s;
      bestScore = v;
    }
  }
  return best;
}

export function buildZoneModel(cst: ZoneCst, text = ''): ZoneModel {
  const b = new Builder();
  for (const e of cst.entries) b.entry(e);
  // BIND reads a directive up to its line break: on the last line of a file without one, it fails.
  const lastDirective = b.directives[b.directives.length - 1];
  const lastEntry = cst.entries[cst.entries.length - 1];
  if (lastDirective && lastDirective.entry === lastEntry && !/[\r\n]/.test(text.slice(lastEntry.end))) {
    b.problems.push({
      message: `extra input text: named-checkzone fails on a ${lastDirective.name} line that ends the file without a line break; end the file with a newline`,
      start: lastDirective.nameNode.start,
      end: lastDirective.nameNode.end,
    });
  }
  const firstRecord = b.records[0];
  const soa = b.records.find((r) => r.type.code === 6);
  let apex = soa ? soa.owner : firstRecord ? firstRecord.origin : b.origin;
  let originKnown = isAbsolute(apex);
  let inferredOrigin: string | undefined;
  if (!originKnown && apex === UNKNOWN_ORIGIN) {
    inferredOrigin = inferOrigin(b.records);
    if (inferredOrigin) {
      const o = inferredOrigin;
      for (const r of b.records) {
        r.owner = substituteOrigin(r.owner, o);
        r.origin = substituteOrigin(r.origin, o);
        if (r.names.size) r.names = new Map([...r.names].map(([k, n]) => [k, substituteOrigin(n, o)]));
      }
      for (const g of b.generated) g.owner = substituteOrigin(g.owner, o);
      for (const d of b.directives) if (d.origin) d.origin = substituteOrigin(d.origin, o);
      apex = o;
    }
  }
  if (!isAbsolute(apex)) originKnown = false;
  const byOwner = new Map<string, ZoneRecord[]>();
  for (const r of b.records) {
    const list = byOwner.get(r.owner);
    if (list) list.push(r);
    else byOwner.set(r.owner, [r]);
  }
  // A list grown by push has room for 17 records; most names have two or three, and the model lives as long as the
  // analysis: copies at their exact length (~100 bytes less per name, ~2.5 MB on the benchmark's 1x file).
  for (const [owner, list] of byOwner) if (list.length > 1) byOwner.set(owner, list.slice());
  const generatedByOwner = new Map<string, GeneratedRecord[]>();
  for (const g of b.generated) {
    const list = generatedByOwner.get(g.owner);
    if (list) list.push(g);
    else generatedByOwner.set(g.owner, [g]);
  }
  const cuts = new Set<string>();
  for (const r of b.records) if (r.type.code === 2 && r.owner !== apex && isSubdomain(r.owner, apex)) cuts.add(r.owner);
  for (const g of b.generated) if (g.type.code === 2 && g.owner !== apex && isSubdomain(g.owner, apex)) cuts.add(g.owner);
  return {
    cst,
    records: b.records,
    directives: b.directives,
    generated: b.generated,
    problems: b.problems,
    apex,
    originKnown: originKnown && !inferredOrigin,
    inferredOrigin,
    byOwner,
    generatedByOwner,
    cuts,
  };
}

// ---- Queries the rules share ----

/** Does the zone hold data of this type at the name (written or generated)? */
export function hasType(model: ZoneModel, name: string, code: number): boolean {
  if (model.byOwner.get(name)?.some((r) => r.type.code === code)) return true;
  return !!model.generatedByOwner.get(name)?.some((g) => g.type.code === code);
}

/** Records of a type at a name, in file order. */
export function recordsOf(model: ZoneModel, name: string, code: number): ZoneRecord[] {
  return (model.byOwner.get(name) ?? []).filter((r) => r.type.code === code);
}

/**
 * Whether named loads a record at this name into the zone: false for data outside the apex (named-checkzone
 * "ignoring out-of-zone data"), true inside it; undefined when the origin is unknown and the name is absolute.
 */
export function inZone(model: ZoneModel, name: string): boolean | undefined {
  if (isSubdomain(name, model.apex)) return true;
  if (model.originKnown) return false;
  if (model.inferredOrigin) return isAbsolute(name) ? undefined : false;
  return isAbsolute(name) ? undefined : false;
}

/** The delegation point at or above the name, if the name lies in a delegated child zone (glue, occluded data). */
export function cutAbove(model: ZoneModel, name: string): string | undefined {
  if (model.cuts.size === 0) return undefined;
  for (let n: string | undefined = name; n !== undefined && n !== model.apex; n = parentOf(n)) if (model.cuts.has(n)) return n;
  return undefined;
}

/** Follow CNAMEs inside the file from a name (at most 8 steps); the final name. */
export function followCnames(model: ZoneModel, name: string): string {
  let n = name;
  for (let i = 0; i < 8; i++) {
    const c = recordsOf(model, n, 5)[0];
    const target = c?.names.get(0);
    if (!target || target === n) break;
    n = target;
  }
  return n;
}

/** Is the parsed name a relative one written against the origin (not absolute)? */
export function writtenRelative(v: ZoneValue): boolean {
  const r = parseName(v.value);
  return r.ok && !(r.name as ParsedName).absolute;
}
