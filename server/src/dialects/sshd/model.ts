// The typed view of an sshd_config: directives with their catalogue entry, Match blocks with their criteria,
// the ListenAddress/Port/AddressFamily facts, and the argument problems `sshd -t` reports (same wording where
// it has one). Rules read this; they never see tokens.
import type { ArgNode, DirectiveNode, SshdCst } from '../../../../grammars/sshd/cst';
import type { SyntaxProblem } from '../../../../grammars/sshd/parser';
import type { Span } from '../../core/types';
import { classifyHost, readList, type HostKind, type PatternEntry } from './addresses';
import { lookupKeyword, MATCH_CRITERIA, type KeywordInfo, type MatchCriterionInfo } from './catalogue';

export interface Directive {
  node: DirectiveNode;
  /** The keyword as written (unquoted). */
  keyword: string;
  /** Lower-case keyword. */
  name: string;
  keywordSpan: Span;
  args: ArgNode[];
  /** The catalogue entry; undefined for a keyword sshd does not know. */
  info?: KeywordInfo;
  /** The Match block the directive sits in (the Match directive itself belongs to no block). */
  block?: MatchBlock;
  /** From the keyword to the end of its last argument. */
  span: Span;
  /** The whole line's content (indentation and comment included, line break excluded). */
  line: Span;
}

export interface MatchCriterion {
  /** As written. */
  name: string;
  nameSpan: Span;
  info?: MatchCriterionInfo;
  /** The pattern list, when the criterion takes one. */
  value?: TextPiece;
}

/** A piece of an argument with the document offset of each of its characters (quotes and escapes skipped). */
export interface TextPiece {
  text: string;
  /**
   * offsets[i] = document offset of text[i]; offsets[text.length] = the end. Absent for text written as is (no quote
   * or escape): text[i] is then at start + i, and a table per argument is not built.
   */
  offsets?: number[];
  /** Document offset of text[0]. */
  start: number;
}

/** The document offset of character i of a piece (i = text.length: its end). */
function offsetIn(p: TextPiece, i: number): number {
  return p.offsets ? p.offsets[i] : p.start + i;
}

export interface MatchBlock {
  match: Directive;
  criteria: MatchCriterion[];
  /** `Match all` (alone): the lines after it apply to every connection, global keywords included. */
  all: boolean;
  directives: Directive[];
  /** From the Match keyword to the end of the block's last line. */
  span: Span;
}

export interface ListenAddress {
  directive: Directive;
  arg: ArgNode;
  /** What sshd hands to getaddrinfo (brackets removed). */
  host: string;
  hostKind: HostKind;
  /** The explicit port, when the argument has one. */
  port?: number;
  bracketed: boolean;
  /** No brackets and two or more colons: sshd takes the whole argument as the host, with no port. */
  bareIpv6: boolean;
  rdomain?: string;
  /** `sshd -t`'s complaint, when it has one. */
  error?: string;
}

export interface SshdModel {
  cst: SshdCst;
  /** Every directive (lines with a keyword), in order. */
  directives: Directive[];
  /** Directives that apply to every connection: before the first Match, and after `Match all`. */
  global: Directive[];
  matches: MatchBlock[];
  listenAddresses: ListenAddress[];
  /** Port values of the global section, in order. */
  ports: { directive: Directive; port: number }[];
  /** The first AddressFamily of the global section (sshd uses the first value it reads). */
  addressFamily?: { directive: Directive; value: string; arg: ArgNode };
  problems: SyntaxProblem[];
}

// ------------------------------------------------------------------------------------------ helpers

/** Offsets of every character of an argument's value in the document. */
export function argPiece(arg: ArgNode): TextPiece {
  if (arg.raw === arg.value) return { text: arg.value, start: arg.start };
  // Replay argv_split() over the raw text, noting where each kept character came from.
  const offsets: number[] = [];
  let text = '';
  let quote = '';
  const raw = arg.raw;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      const n = raw[i + 1];
      if (n === "'" || n === '"' || n === '\\' || (quote === '' && n === ' ')) {
        text += n;
        offsets.push(arg.start + i + 1);
        i++;
      } else {
        text += c;
        offsets.push(arg.start + i);
      }
    } else if (quote === '' && (c === '"' || c === "'")) quote = c;
    else if (quote !== '' && c === quote) quote = '';
    else {
      text += c;
      offsets.push(arg.start + i);
    }
  }
  offsets.push(arg.end);
  return { text, offsets, start: offsets[0] };
}

export function slicePiece(p: TextPiece, from: number, to: number = p.text.length): TextPiece {
  if (!p.offsets) return { text: p.text.slice(from, to), start: p.start + from };
  const offsets = p.offsets.slice(from, to + 1);
  return { text: p.text.slice(from, to), offsets, start: offsets[0] };
}

/** The document span of characters [from, to) of a piece. */
export function pieceSpan(p: TextPiece, from = 0, to: number = p.text.length): Span {
  const start = offsetIn(p, Math.min(from, p.text.length));
  const end = to > from ? offsetIn(p, to - 1) + 1 : start;
  return { start, end };
}

/** The entries of a pattern list argument, with document spans. */
export function listEntries(p: TextPiece, context: 'match' | 'user'): (PatternEntry & { span: Span })[] {
  return readList(p.text, context).map((e) => {
    if (e.kind !== 'empty') return { ...e, span: pieceSpan(p, e.start, e.end) };
    // An empty entry has no text of its own: point at its `!`, or the comma after it, or the one before.
    const at = e.negated ? e.start - 1 : e.start < p.text.length ? e.start : Math.max(0, e.start - 1);
    return { ...e, span: p.text.length ? pieceSpan(p, at, at + 1) : pieceSpan(p, 0, 0) };
  });
}

/** strtonum(s, 0, INT_MAX): sshd's integers. */
function intError(v: string): string | undefined {
  if (!/^[+-]?\d+$/.test(v)) return 'invalid';
  const n = Number(v);
  if (n < 0) return 'too small';
  if (n > 2147483647) return 'too large';
  return undefined;
}

/** misc.c convtime(): digits with optional s/m/h/d/w units, repeated (`1h30m`); undefined when sshd rejects it. */
export function timeSeconds(v: string): number | undefined {
  let total = 0;
  const re = /(\d+)([sSmMhHdDwW]?)/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while ((m = re.exec(v))) {
    const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2].toLowerCase()] ?? 1;
    total += Number(m[1]) * mult;
    pos = re.lastIndex;
    if (m[2] === '' && pos < v.length) return undefined;
  }
  if (pos !== v.length || v === '' || total > 2147483647) return undefined;
  return total;
}

/**
 * a2port(): 1..65535, or a service name that getservbyname() finds in /etc/services. We cannot read that file, so a
 * name is given the benefit of the doubt when it looks like one there (letters, digits, `-`, `_`, some lower case);
 * an all-capitals word such as `SSH_PORT` is a template placeholder, and sshd says "Badly formatted port number".
 */
export function portValue(v: string): number | 'name' | undefined {
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return n >= 1 && n <= 65535 ? n : undefined;
  }
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(v) && /[a-z]/.test(v) ? 'name' : undefined;
}

const IPQOS = new Set([
  'none', 'af11', 'af12', 'af13', 'af21', 'af22', 'af23', 'af31', 'af32', 'af33', 'af41', 'af42', 'af43',
  'cs0', 'cs1', 'cs2', 'cs3', 'cs4', 'cs5', 'cs6', 'cs7', 'ef', 'le', 'lowdelay', 'throughput', 'reliability',
]);

function ipqosOk(v: string): boolean {
  if (IPQOS.has(v.toLowerCase())) return true;
  // strtol(cp, &ep, 0): decimal, octal or hex, 0..255.
  const n = /^0[xX][0-9a-fA-F]+$/.test(v) ? parseInt(v, 16) : /^0[0-7]*$/.test(v) ? parseInt(v, 8) : /^[1-9]\d*$/.test(v) ? Number(v) : NaN;
  return n >= 0 && n <= 255;
}

const AUTH_METHODS = new Set(['none', 'publickey', 'gssapi-with-mic', 'gssapi-keyex', 'password', 'keyboard-interactive', 'hostbased']);

/** misc.c scan_scaled(): a number with an optional B/K/M/G/T/P/E suffix. */
function scaledOk(v: string): boolean {
  return /^\d+(?:\.\d+)?[BbKkMmGgTtPpEe]?$/.test(v);
}

// ------------------------------------------------------------------------------------------ ListenAddress

/** How sshd splits a ListenAddress argument (servconf.c sListenAddress, misc.c hpdelim). */
export function parseListenAddress(d: Directive): ListenAddress | undefined {
  const arg = d.args[0];
  if (!arg) return undefined;
  const v = arg.value;
  const base = { directive: d, arg };
  let host: string;
  let portText: string | undefined;
  let bracketed = false;
  let bareIpv6 = false;
  let error: string | undefined;
  if (!v.includes('[') && (v.match(/:/g)?.length ?? 0) >= 2) {
    host = v;
    bareIpv6 = true;
  } else if (v.startsWith('[')) {
    const close = v.indexOf(']');
    const after = close >= 0 ? v[close + 1] : undefined;
    if (close < 0 || (after !== undefined && after !== ':')) {
      return { ...base, host: v, hostKind: { kind: 'hostname' }, bracketed: true, bareIpv6: false, error: 'bad address:port usage' };
    }
    host = v.slice(1, close);
    bracketed = true;
    portText = after === ':' ? v.slice(close + 2) : undefined;
  } else {
    const m = /[:/]/.exec(v);
    if (m && m[0] === '/') return { ...base, host: v, hostKind: { kind: 'hostname' }, bracketed: false, bareIpv6: false, error: 'bad address:port usage' };
    host = m ? v.slice(0, m.index) : v;
    portText = m ? v.slice(m.index + 1) : undefined;
  }
  let port: number | undefined;
  if (portText !== undefined) {
    const p = portValue(portText);
    if (p === undefined) error = 'bad port number';
    else if (typeof p === 'number') port = p;
  }
  let rdomain: string | undefined;
  if (d.args.length > 1) {
    if (d.args[1].value !== 'rdomain' || d.args.length !== 3) error ??= 'bad ListenAddress syntax';
    else rdomain = d.args[2].value;
  }
  const hostKind = classifyHost(host);
  if (!error && hostKind.kind === 'invalid') error = `bad addr or host: ${host} (Name or service not known)`;
  return { ...base, host, hostKind, port, bracketed, bareIpv6, rdomain, error };
}

// ------------------------------------------------------------------------------------------ Match

/**
 * The criteria of a Match line. sshd 9.x splits them like keywords (strdelim: blanks, `"` and `=`), so
 * `User=alice`, `User = alice` and `User alice` are the same.
 */
function matchTokens(args: readonly ArgNode[]): TextPiece[] {
  const out: TextPiece[] = [];
  for (const a of args) {
    const p = argPiece(a);
    let from = 0;
    for (let i = 0; i <= p.text.length; i++) {
      if (i === p.text.length || p.text[i] === '=') {
        if (i > from) out.push(slicePiece(p, from, i));
        from = i + 1;
      }
    }
  }
  return out;
}

function parseMatch(d: Directive, problems: SyntaxProblem[]): { criteria: MatchCriterion[]; all: boolean } {
  const tokens = matchTokens(d.args);
  const criteria: MatchCriterion[] = [];
  const fail = (message: string, span: Span) => problems.push({ message: `${message} (sshd -t: "Bad Match condition")`, ...span });
  let all = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const nameSpan = pieceSpan(t);
    const info = MATCH_CRITERIA.get(t.text.toLowerCase());
    const c: MatchCriterion = { name: t.text, nameSpan, info };
    criteria.push(c);
    if (!info) {
      fail(`Unsupported Match attribute ${t.text}`, nameSpan);
      return { criteria, all: false };
    }
    if (info.name === 'All') {
      if (criteria.length > 1 || i + 1 < tokens.length) {
        fail(`'all' cannot be combined with other Match attributes`, nameSpan);
        return { criteria, all: false };
      }
      all = true;
      continue;
    }
    if (!info.argument) continue;
    const value = tokens[i + 1];
    if (!value) {
      fail(`Missing Match criteria for ${t.text}`, nameSpan);
      return { criteria, all: false };
    }
    i++;
    c.value = value;
    if (info.name === 'LocalPort' && typeof portValue(value.text) !== 'number') {
      fail(`Invalid LocalPort '${value.text}' on Match line`, pieceSpan(value));
    }
  }
  return { criteria, all };
}

// ------------------------------------------------------------------------------------------ argument checks

function checkArgs(d: Directive, problems: SyntaxProblem[]): void {
  const info = d.info!;
  const args = d.args;
  const first = args[0];
  const report = (message: string, span: Span = first ?? d.keywordSpan) => problems.push({ message, start: span.start, end: span.end });
  const extra = (max: number) => {
    if (args.length > max) {
      report(`keyword ${d.keyword} extra arguments at end of line`, { start: args[max].start, end: args[args.length - 1].end });
    }
  };
  const shape = info.shape;
  switch (shape.kind) {
    case 'ignored':
      return;
    case 'enum': {
      const ok = shape.values.some((v) => v.toLowerCase() === first.value.toLowerCase());
      if (!ok) {
        const list = shape.values.join(', ');
        if (shape.message === 'log level') report(`unsupported log level '${first.value}' (one of ${list})`);
        else if (shape.message === 'log facility') report(`unsupported log facility '${first.value}' (one of ${list})`);
        else report(`unsupported option "${first.value}" for ${d.keyword} (one of ${list})`);
      }
      extra(1);
      return;
    }
    case 'enum-exact':
      if (!shape.values.includes(first.value)) report(`bad ${d.keyword} argument ${first.value} (one of ${shape.values.join(', ')}, in lower case)`);
      extra(1);
      return;
    case 'int': {
      const e = intError(first.value);
      if (e) report(`${d.keyword} integer value ${e}.`);
      extra(1);
      return;
    }
    case 'time':
      if (timeSeconds(first.value) === undefined) report(`invalid time value '${first.value}' for ${d.keyword} (seconds, or units such as 30s, 5m, 1h30m)`);
      extra(1);
      return;
    case 'time-or-none':
      if (first.value.toLowerCase() !== 'none' && timeSeconds(first.value) === undefined) report(`invalid time value '${first.value}' for ${d.keyword}`);
      extra(1);
      return;
    case 'port': {
      const p = portValue(first.value);
      if (p === undefined) report(`Badly formatted port number '${first.value}' (a number from 1 to 65535, or a service name)`);
      extra(1);
      return;
    }
    case 'one':
      if (first.value === '') report(`${d.keyword} missing argument.`);
      extra(1);
      return;
    case 'many':
      for (const a of args) if (a.value === '') report(`keyword ${d.keyword} empty argument`, a);
      return;
    case 'rest':
      return;
    case 'special':
      checkSpecial(d, report, extra);
      return;
  }
}

function checkSpecial(d: Directive, report: (m: string, s?: Span) => void, extra: (max: number) => void): void {
  const args = d.args;
  const v = args[0].value;
  switch (d.name) {
    case 'authenticationmethods': {
      const anyAt = args.findIndex((a) => a.value === 'any');
      if (anyAt >= 0 && args.length > 1) report(`"any" must appear alone in ${d.keyword}`, args[anyAt]);
      for (const a of args) {
        if (a.value === 'any') continue;
        const bad = a.value.split(',').find((m) => !AUTH_METHODS.has(m.split(':')[0]));
        if (bad !== undefined) report(`invalid ${d.keyword} method list: unknown method "${bad}"`, a);
      }
      return;
    }
    case 'authorizedkeyscommand':
    case 'authorizedprincipalscommand':
      if (!v.startsWith('/') && v.toLowerCase() !== 'none') report(`${d.keyword} must be an absolute path`);
      return;
    case 'channeltimeout':
      for (const a of args) {
        if (a.value.toLowerCase() === 'none') {
          if (args.length > 1) report(`keyword ${d.keyword} "none" argument must appear alone.`, a);
          continue;
        }
        const eq = a.value.indexOf('=');
        if (eq <= 0 || timeSeconds(a.value.slice(eq + 1)) === undefined) report(`invalid channel timeout ${a.value}`, a);
      }
      return;
    case 'fingerprinthash':
      if (!['md5', 'sha1', 'sha256', 'sha384', 'sha512'].includes(v.toLowerCase())) report(`Invalid ${d.keyword} algorithm "${v}" (md5 or sha256).`);
      extra(1);
      return;
    case 'include':
      for (const a of args) if (a.value === '') report(`keyword ${d.keyword} empty argument`, a);
      return;
    case 'ipqos':
      for (const a of args.slice(0, 2)) if (!ipqosOk(a.value)) report(`Bad ${d.keyword} value: ${a.value}`, a);
      extra(2);
      return;
    case 'maxstartups': {
      const parts = v.split(':');
      const nums = parts.map((x) => (/^[+-]?\d+$/.test(x) ? Number(x) : NaN));
      let ok = (parts.length === 1 || parts.length === 3) && nums.every((n) => Number.isFinite(n));
      if (ok && parts.length === 3) ok = nums[0] <= nums[2] && nums[1] >= 1 && nums[1] <= 100 && nums[0] > 0 && nums[2] > 0;
      if (ok && parts.length === 1) ok = nums[0] > 0;
      if (!ok) report(`Invalid ${d.keyword} spec. (N, or start:rate:full with 1 <= rate <= 100)`);
      extra(1);
      return;
    }
    case 'permitlisten':
    case 'permitopen': {
      if (v === 'any' || v === 'none') {
        extra(1);
        return;
      }
      for (const a of args) {
        let hostPort = a.value;
        if (d.name === 'permitlisten' && !hostPort.includes(':')) hostPort = `*:${hostPort}`;
        let port: string | undefined;
        if (hostPort.startsWith('[')) {
          const close = hostPort.indexOf(']');
          if (close < 0 || (hostPort[close + 1] !== undefined && hostPort[close + 1] !== ':')) {
            report(`${d.keyword} missing host`, a);
            continue;
          }
          port = hostPort[close + 1] === ':' ? hostPort.slice(close + 2) : undefined;
        } else {
          const m = /[:/]/.exec(hostPort);
          if (m?.[0] === '/') {
            report(`${d.keyword} missing host`, a);
            continue;
          }
          port = m ? hostPort.slice(m.index + 1) : undefined;
        }
        if (port === undefined || (port !== '*' && portValue(port) === undefined)) report(`${d.keyword} bad port number in '${a.value}' (host:port, [ipv6]:port, * for any)`, a);
      }
      return;
    }
    case 'persourcemaxstartups':
      if (v !== 'none' && intError(v)) report(`${d.keyword} integer value ${intError(v)}.`);
      extra(1);
      return;
    case 'persourcenetblocksize': {
      const m = /^(\d+)(?::(\d+))?$/.exec(v);
      if (!m || Number(m[1]) > 32 || (m[2] !== undefined && Number(m[2]) > 128)) report(`Invalid ${d.keyword} spec. (IPv4 prefix[:IPv6 prefix], e.g. 32:128)`);
      extra(1);
      return;
    }
    case 'pubkeyauthoptions':
      for (const a of args) {
        if (!['none', 'touch-required', 'verify-required'].includes(a.value.toLowerCase())) report(`unsupported ${d.keyword} option ${a.value}`, a);
      }
      return;
    case 'rekeylimit': {
      if (v !== 'default' && (!scaledOk(v) || (Number.parseFloat(v) !== 0 && Number.parseFloat(v) < 16 && /^\d+$/.test(v)))) {
        report(`Bad ${d.keyword} number '${v}'`);
      }
      const second = args[1];
      if (second && second.value !== 'none' && timeSeconds(second.value) === undefined) report(`invalid time value '${second.value}' for ${d.keyword}`, second);
      extra(2);
      return;
    }
    case 'setenv':
      for (const a of args) if (a.value === '' || !a.value.includes('=')) report(`Invalid environment: '${a.value}' is not NAME=VALUE`, a);
      return;
    case 'streamlocalbindmask':
      if (!/^[0-7]+/.test(v) || parseInt(v, 8) > 0o777) report(`Invalid ${d.keyword}.`);
      extra(1);
      return;
    case 'acceptenv':
      for (const a of args) if (a.value === '' || a.value.includes('=')) report(`Invalid environment name: '${a.value}' (AcceptEnv takes names, SetEnv takes NAME=VALUE)`, a);
      return;
    default:
      return;
  }
}

// ------------------------------------------------------------------------------------------ build

export function buildSshdModel(cst: SshdCst): SshdModel {
  const problems: SyntaxProblem[] = [];
  const directives: Directive[] = [];
  const global: Directive[] = [];
  const matches: MatchBlock[] = [];
  let block: MatchBlock | undefined;
  const subsystems = new Map<string, Directive>();

  for (const node of cst.directives) {
    if (!node.keyword) {
      const a = node.args[0];
      problems.push({ message: `a line must start with a keyword, not '${a?.raw ?? '='}'`, start: node.start, end: a ? a.end : node.start + 1 });
      continue;
    }
    const kw = node.keyword;
    const d: Directive = {
      node,
      keyword: kw.text,
      name: kw.text.toLowerCase(),
      keywordSpan: { start: kw.start, end: kw.end },
      args: node.args,
      info: lookupKeyword(kw.text),
      span: { start: node.start, end: node.end },
      line: { start: node.lineStart, end: node.lineEnd },
    };
    directives.push(d);
    const isMatch = d.info?.name === 'Match';
    if (!isMatch && block) {
      d.block = block;
      block.directives.push(d);
      block.span.end = Math.max(block.span.end, d.line.end);
    }
    if (!isMatch && (!block || block.all)) global.push(d);

    // sshd's order: a missing argument first, then an unknown keyword, then quotes, then the keyword's own checks.
    if (node.args.length === 0) {
      problems.push({ message: `no argument after keyword "${d.keyword}"`, ...d.keywordSpan });
      if (isMatch) {
        block = { match: d, criteria: [], all: false, directives: [], span: { start: d.span.start, end: d.line.end } };
        matches.push(block);
      }
      continue;
    }
    if (!d.info) continue; // sshd/unknown-keyword reports it
    if (node.openQuote >= 0) {
      problems.push({ message: `invalid quotes: the quote opened here is never closed on this line`, start: node.openQuote, end: node.openQuote + 1 });
      continue;
    }
    if (block && !block.all && !d.info.match && !isMatch) {
      problems.push({ message: `Directive '${d.keyword}' is not allowed within a Match block`, ...d.keywordSpan });
      continue;
    }
    if (isMatch) {
      const parsed = parseMatch(d, problems);
      block = { match: d, criteria: parsed.criteria, all: parsed.all, directives: [], span: { start: d.span.start, end: d.line.end } };
      matches.push(block);
      continue;
    }
    checkArgs(d, problems);
    if (d.name === 'subsystem') {
      if (d.args.length < 2) problems.push({ message: `Missing subsystem command.`, ...d.args[0] });
      else if (!d.block || d.block.all) {
        const name = d.args[0].value;
        if (subsystems.has(name)) problems.push({ message: `Subsystem '${name}' already defined.`, start: d.args[0].start, end: d.args[0].end });
        else subsystems.set(name, d);
      }
    }
  }

  const listenAddresses: ListenAddress[] = [];
  const ports: { directive: Directive; port: number }[] = [];
  let addressFamily: SshdModel['addressFamily'];
  for (const d of global) {
    if (d.args.length === 0 || d.node.openQuote >= 0) continue;
    if (d.name === 'listenaddress') {
      const la = parseListenAddress(d);
      if (!la) continue;
      listenAddresses.push(la);
    } else if (d.name === 'port') {
      const p = portValue(d.args[0].value);
      if (typeof p === 'number') ports.push({ directive: d, port: p });
    } else if (d.name === 'addressfamily' && !addressFamily) {
      const value = d.args[0].value.toLowerCase();
      if (['any', 'inet', 'inet6'].includes(value)) addressFamily = { directive: d, value, arg: d.args[0] };
    }
  }
  // Checks sshd makes on the whole configuration once it is read (sshd.c, servconf.c).
  const firstGlobal = (name: string) => global.find((d) => d.name === name && d.args.length > 0 && d.node.openQuote < 0);
  for (const [command, user] of [['authorizedkeyscommand', 'authorizedkeyscommanduser'], ['authorizedprincipalscommand', 'authorizedprincipalscommanduser']]) {
    const c = firstGlobal(command);
    if (c && c.args[0].value.toLowerCase() !== 'none' && !firstGlobal(user)) {
      const userName = lookupKeyword(user)!.name;
      problems.push({ message: `${c.keyword} set without ${userName}: sshd refuses to start. Add ${userName} (a dedicated unprivileged account).`, ...c.keywordSpan });
    }
  }
  for (const d of directives) {
    // Portable OpenSSH can put a session in a routing domain only on OpenBSD; elsewhere sshd -t stops here.
    if (d.name === 'rdomain' && d.args.length > 0) {
      problems.push({ message: `setting RDomain not supported on this platform: sshd accepts RDomain only on OpenBSD (on Linux, use ListenAddress ... rdomain for a VRF)`, ...d.keywordSpan });
    }
  }

  const declared = ports.map((p) => p.port);
  for (const la of listenAddresses) {
    // An unbracketed address:port is sshd/unbracketed-listenaddress's finding, not a syntax error.
    if (la.error && !(la.bareIpv6 && unbracketedPort(la, declared))) {
      const d = la.directive;
      // "bad ListenAddress syntax" is about what follows the address; the other complaints are about the address.
      const from = la.error === 'bad ListenAddress syntax' ? d.args[1] : la.arg;
      const to = la.error === 'bad ListenAddress syntax' ? d.args[d.args.length - 1] : la.arg;
      problems.push({ message: la.error, start: from.start, end: to.end });
    }
  }
  return { cst, directives, global, matches, listenAddresses, ports, addressFamily, problems };
}

/**
 * For an unbracketed ListenAddress with two or more colons (which sshd takes whole, as one IPv6 address on the
 * Port), the address and port the writer most likely meant: the last group is a port number and what precedes
 * it is an IPv6 address. Only when that reading is likely: sshd rejects the whole (`:::22`, `2001:db8::1:65535`),
 * the number is a configured Port (or 22 with no Port line), or the address is `::1` or `::` (nobody means
 * `::0.1.34.34` by `::1:2222`). A real address such as `2001:db8::8a2e:370:7334` is left alone.
 */
export function unbracketedPort(la: ListenAddress, declaredPorts: readonly number[]): { host: string; port: number } | undefined {
  if (!la.bareIpv6) return undefined;
  const v = la.host;
  const i = v.lastIndexOf(':');
  const head = v.slice(0, i);
  const tail = v.slice(i + 1);
  if (!/^[1-9]\d{0,4}$/.test(tail) || Number(tail) > 65535) return undefined;
  const headKind = classifyHost(head);
  if (headKind.kind !== 'ipv6') return undefined;
  const port = Number(tail);
  const wholeValid = la.hostKind.kind === 'ipv6' && !head.includes('%');
  if (!wholeValid) return tail.length >= 2 || declaredPorts.includes(port) ? { host: head, port } : undefined;
  const canonical = headKind.canonical;
  if (declaredPorts.includes(port) || (declaredPorts.length === 0 && port === 22) || canonical === '::1' || canonical === '::') return { host: head, port };
  return undefined;
}
