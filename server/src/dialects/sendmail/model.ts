// The typed view of a .mc file, built from the m4 tree: the top-level macro calls in order, what each one
// configures (daemons, client options, features, mailers, OSTYPE, defines), which calls sit on `#` lines
// (m4 still expands them), and the platform the file is for. Rules read this; they never see tokens.
import type { ArgNode, CallNode, SendmailCst, TopNode } from '../../../../grammars/sendmail/cst';
import { argValue, singleQuoted } from '../../../../grammars/sendmail/cst';
import { isCfMacro, isSectionMacro, M4_BARE_EFFECT } from '../../../../grammars/sendmail/macros';
import { parseAddress } from '../../addresses';
import { LineIndex } from '../../core/text';
import type { Span } from '../../core/types';
import { keyByFirstLetter, OSTYPES, SERVICE_PORTS, type OptionKey, type Platform } from './catalogue';
import { firstNumberAtOrAfter } from '../../core/search';

/** One `Key=Value` entry of DAEMON_OPTIONS / CLIENT_OPTIONS, with its place in the text. */
export interface PortOption {
  /** The key as written (`Family`, `Addr`, `M`). */
  name: string;
  /** What sendmail reads it as (by its first letter); undefined when sendmail rejects it. */
  key?: OptionKey;
  nameSpan: Span;
  value: string;
  valueSpan: Span;
  /** The whole entry, `Key=Value`, without the separating comma and spaces. */
  span: Span;
  /** False for an entry without `=`, which sendmail skips. */
  hasEquals: boolean;
}

export type AddrKind = 'any' | 'ipv4' | 'ipv6' | 'name' | 'path' | 'bad';

export interface PortOptions {
  kind: 'daemon' | 'client';
  call: CallNode;
  /** Between the call's parentheses (to the end of the text when `)` is missing). */
  inner: Span;
  options: PortOption[];
  /** The argument is exactly one backquoted string: m4 hands it over whole. */
  quoted: boolean;
  /** m4 splits the argument at a top-level comma, or an apostrophe stands where a backquote belongs. */
  split: boolean;
  /** Written after a `#` on its line: it still takes effect, but the author meant it as a comment. */
  onHashLine: boolean;
  /** Lower case; 'inet' when no Family is given (sendmail's default). */
  family: string;
  familyOpt?: PortOption;
  /** The address without an `IPv6:` prefix; undefined when absent. */
  addr?: string;
  addrOpt?: PortOption;
  addrKind: AddrKind;
  /** Numeric port as text ('25' when absent and a daemon), or the service name when unknown. */
  port: string;
  portOpt?: PortOption;
  name?: string;
  nameOpt?: PortOption;
  modifiers: string;
}

/** A call whose first argument names something: FEATURE, MAILER, OSTYPE, DOMAIN, HACK. */
export interface NamedUse {
  call: CallNode;
  macro: string;
  /** The name (first argument, quotes removed, white space trimmed). */
  name: string;
  /** Where the name is in the text. */
  span: Span;
  /** The name is a plain word or quoted word (no macros or punctuation m4 would change). */
  plain: boolean;
  onHashLine: boolean;
}

/** define / undefine / pushdef / ifdef of a name. */
export interface DefineUse {
  call: CallNode;
  macro: string;
  name: string;
  nameSpan: Span;
  /** The value argument as m4 passes it (define/pushdef). */
  value?: string;
  valueArg?: ArgNode;
  onHashLine: boolean;
}

export interface PlatformInfo {
  platform: Platform;
  /** Where it came from: an OSTYPE() call, or the setting (filled in by rules). */
  ostype: NamedUse;
}

export interface HashEffect {
  /** The `#` that starts the would-be comment. */
  hash: number;
  /** A call, or a bare word that m4 still acts on. */
  call?: CallNode;
  word?: { image: string; start: number; end: number };
}

export interface SendmailModel {
  cst: SendmailCst;
  /** Top-level calls in document order (those on `#` lines included: m4 expands them). */
  calls: CallNode[];
  /** Calls and bare macro words that follow a `#` on their line. */
  hashEffects: HashEffect[];
  daemons: PortOptions[];
  clients: PortOptions[];
  features: NamedUse[];
  mailers: NamedUse[];
  ostypes: NamedUse[];
  domains: NamedUse[];
  defines: DefineUse[];
  /** From OSTYPE(), when it names a system whose IPv6 socket behaviour v6ready knows. */
  platform?: PlatformInfo;
  /** FEATURE(`no_default_msa') or FEATURE(`msp'): cf.m4 adds no automatic submission daemon. */
  noDefaultMsa: boolean;
  /** The file includes cf.m4 itself (Debian style). */
  includesCf: boolean;
  /** LOCAL_CONFIG-like sections: from the section macro to the next one (or the end). */
  sections: { name: string; start: number; end: number; nameSpan: Span }[];
}

const BARE_EFFECT = new Set(M4_BARE_EFFECT);

export function isNameLike(s: string): boolean {
  return /^[A-Za-z0-9_.+-]+$/.test(s);
}

/** The first argument as a name: its text and where it is. */
function nameArg(text: string, arg: ArgNode | undefined): { name: string; span: Span; plain: boolean } | undefined {
  if (!arg || arg.items.length === 0) return undefined;
  const q = singleQuoted(arg);
  if (q) {
    const raw = q.value;
    const lead = raw.length - raw.trimStart().length;
    const name = raw.trim();
    return { name, span: { start: q.valueStart + lead, end: q.valueStart + lead + name.length }, plain: isNameLike(name) };
  }
  const raw = text.slice(arg.start, arg.end);
  const name = argValue(text, arg).trim();
  return { name, span: { start: arg.start, end: arg.start + raw.trimEnd().length }, plain: isNameLike(name) && !raw.includes('`') };
}

/** Port name or number -> the number as text, when known. */
export function portNumber(value: string | undefined, daemon: boolean): string {
  if (value === undefined || value === '') return daemon ? '25' : '';
  const v = value.trim();
  if (/^\d+$/.test(v)) return String(Number(v));
  const known = SERVICE_PORTS[v.toLowerCase()];
  return known !== undefined ? String(known) : v.toLowerCase();
}

export function classifyAddr(addr: string | undefined, family: string): AddrKind {
  if (addr === undefined || addr === '') return 'any';
  if (family === 'local' || family === 'unix' || addr.startsWith('/')) return 'path';
  const a = addr.replace(/^IPv6:/i, '');
  if (a === '0.0.0.0' || a === '::' || a === '0:0:0:0:0:0:0:0') return 'any';
  // sendmail reads no zone index (`fe80::1%lo`) and no blank (one before a comma is kept): sendmail -bt says
  // `host "fe80::1%lo" unknown`.
  if (/[%\s]/.test(a)) return 'bad';
  const p = parseAddress(a);
  if (p) return p.ok && p.value.prefix === undefined ? (p.value.family === 4 ? 'ipv4' : 'ipv6') : 'bad';
  if (/^\[.*\]$/.test(a) || a.includes(':')) return 'bad';
  return 'name';
}

/**
 * Split the text between the parentheses into `Key=Value` entries the way sendmail does (commas), ignoring
 * the m4 quote characters around them (an unquoted argument still holds the whole intended text). sendmail
 * (daemon.c, setsockaddroptions) skips blanks before a key and after `=`, but not before a comma: in
 * `Family=inet6 , Addr=::1` the value is `inet6 ` (sendmail -bt: "Unknown address family inet6  in
 * Family=option"), so those blanks stay in the value. Blanks at the end of the last entry do not: readcf trims
 * the end of the .cf line.
 */
export function parsePortOptions(text: string, inner: Span): PortOption[] {
  const out: PortOption[] = [];
  let i = inner.start;
  while (i <= inner.end) {
    let j = text.indexOf(',', i);
    if (j < 0 || j > inner.end) j = inner.end;
    // The entry, minus white space and quote characters at its edges.
    let s = i;
    let e = j;
    while (s < e && /[\s`']/.test(text[s])) s++;
    while (e > s && /[\s`']/.test(text[e - 1])) e--;
    // Blanks (only) between a value and its comma belong to the value.
    if (e > s && j < inner.end && text[j] === ',' && text.slice(s, e).includes('=') && /^[ \t]+$/.test(text.slice(e, j))) e = j;
    if (e > s) {
      const entry = text.slice(s, e);
      const eq = entry.indexOf('=');
      if (eq < 0) {
        out.push({ name: entry, key: undefined, nameSpan: { start: s, end: e }, value: '', valueSpan: { start: e, end: e }, span: { start: s, end: e }, hasEquals: false });
      } else {
        const rawName = entry.slice(0, eq);
        const name = rawName.trimEnd();
        let vs = s + eq + 1;
        while (vs < e && /\s/.test(text[vs])) vs++;
        out.push({
          name,
          key: keyByFirstLetter(name),
          nameSpan: { start: s, end: s + name.length },
          value: text.slice(vs, e),
          valueSpan: { start: vs, end: e },
          span: { start: s, end: e },
          hasEquals: true,
        });
      }
    }
    i = j + 1;
  }
  return out;
}

function portOptionsOf(text: string, call: CallNode, kind: 'daemon' | 'client', onHashLine: boolean): PortOptions {
  const inner = { start: call.open + 1, end: call.close >= 0 ? call.close : Math.max(call.open + 1, call.end) };
  const options = parsePortOptions(text, inner);
  const q = call.args.length === 1 ? singleQuoted(call.args[0]) : undefined;
  const quoted = !!q && q.terminated;
  const rawInner = text.slice(inner.start, inner.end);
  const split = !quoted && (call.args.length > 1 || /'/.test(rawInner.replace(/`[^`']*'/g, '')));
  // sendmail keeps the last value of a repeated key.
  const last = (k: OptionKey) => [...options].reverse().find((o) => o.hasEquals && o.key === k);
  const familyOpt = last('Family');
  const family = (familyOpt?.value || 'inet').toLowerCase();
  const addrOpt = last('Addr');
  const addr = addrOpt ? addrOpt.value.replace(/^IPv6:/i, '') : undefined;
  const portOpt = last('Port');
  const nameOpt = last('Name');
  return {
    kind,
    call,
    inner,
    options,
    quoted,
    split,
    onHashLine,
    family,
    familyOpt,
    addr,
    addrOpt,
    addrKind: classifyAddr(addrOpt?.value, family),
    port: portNumber(portOpt?.value, kind === 'daemon'),
    portOpt,
    name: nameOpt?.value,
    nameOpt,
    modifiers: last('Modifiers')?.value ?? '',
  };
}

function platformOf(ostypes: NamedUse[]): PlatformInfo | undefined {
  // OSTYPE is meant to appear once; m4 keeps the first one's paths, but the last one sets __OSTYPE__.
  for (const o of ostypes) {
    const p = OSTYPES.get(o.name)?.platform ?? (/^(freebsd|openbsd|netbsd|dragonfly)/i.test(o.name) ? 'freebsd' : /linux/i.test(o.name) ? 'linux' : undefined);
    if (p) return { platform: p, ostype: o };
  }
  return undefined;
}

export function buildSendmailModel(cst: SendmailCst, text: string): SendmailModel {
  const lines = new LineIndex(text);
  const hashes = cst.hashes;
  /** The first `#` on offset's line before offset, if any (hashes are sorted): where the would-be comment starts. */
  const hashBefore = (offset: number): number | undefined => {
    const lo = firstNumberAtOrAfter(hashes, lines.lineStart(lines.lineOf(offset)));
    return lo < hashes.length && hashes[lo] < offset ? hashes[lo] : undefined;
  };

  const model: SendmailModel = {
    cst,
    calls: [],
    hashEffects: [],
    daemons: [],
    clients: [],
    features: [],
    mailers: [],
    ostypes: [],
    domains: [],
    defines: [],
    noDefaultMsa: false,
    includesCf: cst.commentLimit > 0,
    sections: [],
  };

  const visitTop = (it: TopNode) => {
    if (it.kind === 'word') {
      if (isSectionMacro(it.image)) model.sections.push({ name: it.image, start: it.start, end: text.length, nameSpan: { start: it.start, end: it.end } });
      const h = hashBefore(it.start);
      if (h !== undefined && (BARE_EFFECT.has(it.image) || isCfMacro(it.image))) model.hashEffects.push({ hash: h, word: it });
      return;
    }
    if (it.kind !== 'call') return;
    const call = it;
    model.calls.push(call);
    const h = hashBefore(call.start);
    const onHashLine = h !== undefined;
    if (onHashLine) model.hashEffects.push({ hash: h, call });
    if (isSectionMacro(call.name)) model.sections.push({ name: call.name, start: call.start, end: text.length, nameSpan: call.nameSpan });
    switch (call.name) {
      case 'DAEMON_OPTIONS':
        model.daemons.push(portOptionsOf(text, call, 'daemon', onHashLine));
        break;
      case 'CLIENT_OPTIONS':
        model.clients.push(portOptionsOf(text, call, 'client', onHashLine));
        break;
      case 'FEATURE':
      case 'MAILER':
      case 'OSTYPE':
      case 'DOMAIN':
      case 'HACK': {
        const n = nameArg(text, call.args[0]);
        if (!n) break;
        const use: NamedUse = { call, macro: call.name, name: n.name, span: n.span, plain: n.plain, onHashLine };
        if (call.name === 'FEATURE') model.features.push(use);
        else if (call.name === 'MAILER') model.mailers.push(use);
        else if (call.name === 'OSTYPE') model.ostypes.push(use);
        else if (call.name === 'DOMAIN') model.domains.push(use);
        break;
      }
      case 'define':
      case 'undefine':
      case 'pushdef':
      case 'ifdef': {
        const n = nameArg(text, call.args[0]);
        if (!n || !n.plain) break;
        const valueArg = call.name === 'define' || call.name === 'pushdef' ? call.args[1] : undefined;
        model.defines.push({ call, macro: call.name, name: n.name, nameSpan: n.span, value: valueArg ? argValue(text, valueArg) : undefined, valueArg, onHashLine });
        break;
      }
    }
  };
  for (const it of cst.items) visitTop(it);

  for (let i = 0; i < model.sections.length - 1; i++) model.sections[i].end = model.sections[i + 1].start;
  // m4 expands a FEATURE on a `#` line too, so it counts.
  model.noDefaultMsa = model.features.some((f) => f.name === 'no_default_msa' || f.name === 'msp');
  model.platform = platformOf(model.ostypes);
  return model;
}

/** The calls of a given macro, in order. */
export function callsNamed(model: SendmailModel, name: string): CallNode[] {
  return model.calls.filter((c) => c.name === name);
}

/** The last define of a name before offset (or anywhere, when offset is omitted), if not undefined since. */
export function definitionOf(model: SendmailModel, name: string, before = Number.MAX_SAFE_INTEGER): DefineUse | undefined {
  let cur: DefineUse | undefined;
  for (const d of model.defines) {
    if (d.call.start >= before) break;
    if (d.name !== name) continue;
    if (d.macro === 'define' || d.macro === 'pushdef') cur = d;
    else if (d.macro === 'undefine') cur = undefined;
  }
  return cur;
}
