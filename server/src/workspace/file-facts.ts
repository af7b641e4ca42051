// What the workspace model reads from one file's parsed model, taken once when the file is analysed: its links, the
// zones its zone `file`s belong to, its listeners, the names it serves, its A/AAAA/NS/MX records, its comments (for
// suppressions). The joins, the service facts and the cross-file rules work from these, so the index need not keep
// the model itself: for a 1.8 MB named.conf that is ~80 MB of syntax tree, against a few MB of facts.
// Pure: no file system, no LSP.
import { classify, parseAddress, type AddressLiteral } from '../addresses';
import type { Analysis } from '../core/analyze';
import type { CommentSpan, Dialect, PathLink, Span } from '../core/types';
import { amlElements, type AmlElement } from '../dialects/bind/aml';
import { listenBlocks } from '../dialects/bind/listen';
import { bindDirectory } from '../dialects/bind/navigation';
import { clausesNamed, type BindModel, type Clause } from '../dialects/bind/model';
import { listenFacts, type ListenBinding } from '../dialects/apache/listen';
import { findDirectives, type ApacheModel } from '../dialects/apache/model';
import { consistent, ipDaemons } from '../dialects/sendmail/daemons';
import { callsNamed, definitionOf, type SendmailModel } from '../dialects/sendmail/model';
import { listenByFamily } from '../dialects/sshd/listen';
import type { SshdModel } from '../dialects/sshd/model';
import { effective, isYes, type RcconfModel } from '../dialects/rcconf/model';
import { interfaces, isNoAfInterface, knobRole, parseIfconfig, reachesBeyondLink, splitValue } from '../dialects/rcconf/net';
import type { ZoneModel, ZoneRecord } from '../dialects/zone/model';

/** A zone `file` of a named.conf, with the zone it belongs to. */
export interface ZoneFileRef {
  link: PathLink;
  /** The zone's name as written (quotes removed). */
  name: string;
  /** The zone's name in the config, inside any quotes. */
  nameSpan: Span;
  /** A `type hint` zone (root hints), which the joins leave out. */
  hint: boolean;
}

/** A listen-on-v6 or listen-on clause of an options block: where it is, and whether it admits any address of its family. */
export interface BindListenClause {
  /** From the clause's start to the end of its name. */
  span: Span;
  /** It admits an address of its family other hosts can reach (loopback addresses serve this host only). */
  admits: boolean;
  /** It admits loopback addresses only (`listen-on-v6 { ::1; }`). */
  loopbackOnly: boolean;
}

/** An Apache Listen: its argument and what it binds. */
export interface ApacheListen {
  arg: Span & { value: string };
  binding: ListenBinding;
  /** On a loopback address (`Listen [::1]:80`, `Listen 127.0.0.1:80`): serves this host only. */
  loopback: boolean;
}

/** A Sendmail DAEMON_OPTIONS daemon on IP. */
export interface SendmailDaemon {
  name?: string;
  family: string;
  addr?: string;
  addrKind: string;
  port: string;
  consistent: boolean;
  /** Addr= is a loopback address (127.0.0.1, ::1): the daemon serves this host only. */
  loopback: boolean;
  call: Span;
}

/** A name a file says its service answers to, before the joins canonicalise it and add the file. */
export interface NameFact {
  /** As written, cleaned (host part only). */
  host: string;
  source: string;
  span: Span;
  /** False for mail domains (see ServedName.host). */
  isHost: boolean;
}

/** An A, AAAA, NS or MX record of a zone file. */
export interface RecordFact {
  /** Canonical owner, ending in `@` when the file does not know its origin. */
  owner: string;
  type: 'A' | 'AAAA' | 'NS' | 'MX';
  /** A/AAAA: the address as written. */
  address: string;
  /** NS/MX: the target (canonical, maybe ending in `@`). */
  target?: string;
  span: Span;
}

export interface FileFacts {
  links: PathLink[];
  comments: CommentSpan[];
  /** BIND: the zone `file`s, each with its zone. */
  zoneFiles: ZoneFileRef[];
  /**
   * BIND: the options block's `directory`, as written. Debian sets it in named.conf.options, a file with no include
   * or zone (so no link carries it), and its zones are in named.conf.local.
   */
  bindDirectory?: string;
  /** BIND: the first options block's name, and its listen-on-v6 / listen-on clauses in order. */
  bindListen: { options?: Span; v6: BindListenClause[]; v4: BindListenClause[] };
  /** Apache: the Listen directives. */
  apacheListen: ApacheListen[];
  /** Sendmail: the daemons that listen on IP (kind 'daemon'). */
  daemons: SendmailDaemon[];
  /**
   * OpenSSH: AddressFamily, and the ListenAddress lines by family: v4 and v6 count those other hosts can reach,
   * loopback those on 127.0.0.0/8 or ::1 (this host only).
   */
  sshd: { family?: { value: string; span: Span }; v4: number; v6: number; loopback: number; names: number; all: number; first?: Span };
  /** FreeBSD rc.conf: what the network knobs give the host (rcconfNet). */
  rcconf: RcconfNet;
  /** Names served (Apache ServerName/ServerAlias, Sendmail confDOMAIN_NAME/LOCAL_DOMAIN/MASQUERADE_AS). */
  names: NameFact[];
  /** Zone files: A, AAAA, NS and MX records. */
  records: RecordFact[];
}

const NO_FACTS: Omit<FileFacts, 'links' | 'comments'> = {
  zoneFiles: [],
  bindListen: { v6: [], v4: [] },
  apacheListen: [],
  daemons: [],
  sshd: { v4: 0, v6: 0, loopback: 0, names: 0, all: 0 },
  rcconf: { interfaces: 0 },
  names: [],
  records: [],
};

/** The facts of a file from its analysis (the model is read here and not kept). */
export function fileFacts(dialect: Dialect, text: string, analysis: Pick<Analysis, 'parse'>): FileFacts {
  const model = analysis.parse.model;
  const base = { ...NO_FACTS, links: dialect.links?.(model, text) ?? [], comments: analysis.parse.comments };
  switch (dialect.name) {
    case 'bind':
      return { ...base, zoneFiles: zoneFiles(model as BindModel, base.links), bindListen: bindListen(model as BindModel), bindDirectory: bindDirectory(model as BindModel) || undefined };
    case 'apache':
      return { ...base, apacheListen: apacheListen(model as ApacheModel), names: apacheNames(model as ApacheModel) };
    case 'sendmail':
      return { ...base, daemons: sendmailDaemons(model as SendmailModel), names: sendmailNames(model as SendmailModel, text) };
    case 'sshd':
      return { ...base, sshd: sshdListen(model as SshdModel) };
    case 'zone':
      return { ...base, records: records(model as ZoneModel) };
    case 'rcconf':
      return { ...base, rcconf: rcconfNet(model as RcconfModel) };
    default:
      return base;
  }
}

function zoneFiles(model: BindModel, links: readonly PathLink[]): ZoneFileRef[] {
  // In document order, so each `file` finds its zone by binary search (20,000 zones: a linear find per file was 2 s).
  const zones = [...clausesNamed(model.clauses, (n) => n === 'zone')].sort((a, b) => a.span.start - b.span.start);
  const out: ZoneFileRef[] = [];
  for (const link of links) {
    if (link.kind !== 'file') continue;
    const clause = enclosing(zones, link.span);
    const nameNode = clause?.args[0];
    if (!clause || !nameNode || (nameNode.kind !== 'string' && nameNode.kind !== 'word')) continue;
    const name = nameNode.kind === 'string' ? nameNode.value : nameNode.image;
    const nameSpan = nameNode.kind === 'string' ? { start: nameNode.start + 1, end: nameNode.end - 1 } : { start: nameNode.start, end: nameNode.end };
    out.push({ link, name, nameSpan, hint: zoneType(clause) === 'hint' });
  }
  return out;
}

function zoneType(zone: Clause): string | undefined {
  const t = zone.children.find((c) => c.name === 'type')?.args[0];
  return t && t.kind === 'word' ? t.image.toLowerCase() : undefined;
}

/** The last of `sorted` (by start) that starts at or before span and contains it: zones do not nest. */
function enclosing(sorted: readonly Clause[], span: Span): Clause | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].span.start <= span.start) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const c = at >= 0 ? sorted[at] : undefined;
  return c && span.end <= c.span.end ? c : undefined;
}

function bindListen(model: BindModel): FileFacts['bindListen'] {
  // named listens on IPv6 unless every listen-on-v6 admits nothing (the default is `listen-on-v6 { any; }`). A
  // loopback address (::1, 127.0.0.1) is listened on, but serves only this host: it does not count for other hosts.
  // (`localhost` is every address of the host's interfaces, not loopback only: it counts.)
  const nothing = (e: AmlElement) => e.negated || (e.kind === 'builtin' && e.text === 'none');
  const loopback = (e: AmlElement) => e.kind === 'address' && !!e.address && isLoopbackLiteral(e.address);
  const clause = (span: Span, els: AmlElement[], v6: boolean) => {
    // listen-on-v6 ignores IPv4 addresses (bind/ipv4-in-listen-on-v6).
    const kept = els.filter((e) => !nothing(e) && !(v6 && e.kind === 'address' && e.family === 4));
    const admits = kept.some((e) => !loopback(e));
    return { span, admits, loopbackOnly: !admits && kept.length > 0 };
  };
  const out: FileFacts['bindListen'] = { v6: [], v4: [] };
  for (const block of listenBlocks(model)) {
    out.options ??= block.options.nameNode ?? block.options.span;
    const spanOf = (c: Clause) => ({ start: c.span.start, end: c.nameNode?.end ?? c.span.end });
    for (const c of block.listenOnV6) out.v6.push(clause(spanOf(c), amlElements(c), true));
    for (const c of block.listenOn) out.v4.push(clause(spanOf(c), amlElements(c), false));
  }
  return out;
}

/** A loopback address or prefix (127.0.0.0/8 and longer, ::1, ::ffff:127.x): a listener there serves this host only. */
function isLoopbackLiteral(lit: AddressLiteral): boolean {
  const k = classify(lit);
  if (lit.family === 4) return k === 'loopback' && (lit.prefix === undefined || lit.prefix >= 8);
  if (k === 'loopback') return lit.prefix === undefined || lit.prefix === 128;
  return k === 'ipv4-mapped' && /^::ffff:127\./i.test(lit.canonical) && (lit.prefix === undefined || lit.prefix >= 104);
}

/** isLoopbackLiteral of an address as a config writes it (brackets, Sendmail's `IPv6:` prefix); false for names. */
function isLoopbackText(text: string | undefined): boolean {
  if (!text) return false;
  const r = parseAddress(text.trim().replace(/^IPv6:/i, '').replace(/^\[(.*)\]$/, '$1'));
  return !!r?.ok && isLoopbackLiteral(r.value);
}

function apacheListen(model: ApacheModel): ApacheListen[] {
  return listenFacts(model).map((x) => ({ arg: { start: x.arg.start, end: x.arg.end, value: x.arg.value }, binding: x.binding, loopback: isLoopbackText(x.host) }));
}

function apacheNames(model: ApacheModel): NameFact[] {
  const out: NameFact[] = [];
  for (const d of findDirectives(model, 'servername', 'serveralias')) {
    if (d.inactive) continue;
    for (const a of d.args) {
      const host = hostOf(a.value);
      // A single-label name (localhost, a short host name) is not published in a zone.
      if (host && host.replace(/\.$/, '').includes('.')) out.push({ host, source: d.name, span: { start: a.start, end: a.end }, isHost: true });
    }
  }
  return out;
}

function sendmailDaemons(model: SendmailModel): SendmailDaemon[] {
  return ipDaemons(model)
    .filter((d) => d.kind === 'daemon')
    .map((d) => ({ name: d.name, family: d.family, addr: d.addr, addrKind: d.addrKind, port: d.port, consistent: consistent(d), loopback: isLoopbackText(d.addr), call: { start: d.call.start, end: d.call.end } }));
}

function sendmailNames(model: SendmailModel, text: string): NameFact[] {
  const out: NameFact[] = [];
  const j = definitionOf(model, 'confDOMAIN_NAME');
  if (j?.valueArg) {
    const host = hostOf(m4Text(text, j.valueArg));
    if (host) out.push({ host, source: 'confDOMAIN_NAME', span: { start: j.valueArg.start, end: j.valueArg.end }, isHost: true });
  }
  for (const macro of ['LOCAL_DOMAIN', 'MASQUERADE_AS']) {
    for (const c of callsNamed(model, macro)) {
      const arg = c.args[0];
      if (!arg) continue;
      for (const word of m4Text(text, arg).split(/\s+/)) {
        const host = hostOf(word);
        if (host && host.includes('.')) out.push({ host, source: macro, span: { start: arg.start, end: arg.end }, isHost: false });
      }
    }
  }
  return out;
}

function sshdListen(model: SshdModel): FileFacts['sshd'] {
  const af = model.addressFamily;
  const by = listenByFamily(model);
  // A ListenAddress on 127.0.0.1 or ::1 serves this host only: it is counted apart.
  const open = (list: typeof by.v4) => list.filter((la) => !isLoopbackText(la.host));
  const v4 = open(by.v4);
  const v6 = open(by.v6);
  const first = v6[0] ?? v4[0] ?? by.all[0];
  return {
    family: af && { value: af.value, span: { start: af.arg.start, end: af.arg.end } },
    v4: v4.length,
    v6: v6.length,
    loopback: by.v4.length - v4.length + by.v6.length - v6.length,
    names: by.names.length,
    all: by.all.length,
    first: first && { start: first.arg.start, end: first.arg.end },
  };
}

function records(model: ZoneModel): RecordFact[] {
  const out: RecordFact[] = [];
  for (const r of model.records) {
    const type = r.type.name;
    if (type === 'A' || type === 'AAAA') out.push({ owner: r.owner, type, address: rdataText(r, 0), span: r.span });
    else if (type === 'NS' || type === 'MX') {
      const target = r.names.get(type === 'NS' ? 0 : 1);
      if (target) out.push({ owner: r.owner, type, address: '', target, span: r.span });
    }
  }
  return out;
}

function rdataText(r: ZoneRecord, i: number): string {
  const v = r.rdata[i] as unknown as { value?: string; image?: string } | undefined;
  return v?.value ?? v?.image ?? '';
}

/** `https://www.example.net:443` -> `www.example.net`; wildcards and addresses are not names. */
function hostOf(value: string): string | undefined {
  // Most values are plain host names already (no blank, scheme, path, bracket or port to strip): one test.
  if (HOST_NAME.test(value)) return /^[\d.]+$/.test(value) ? undefined : value;
  let v = value.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  v = v.replace(/\/.*$/, '');
  if (v.startsWith('[')) return undefined;
  v = v.replace(/:\d+$/, '');
  if (!HOST_NAME.test(v) || /^[\d.]+$/.test(v)) return undefined;
  return v;
}

const HOST_NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.?$/;

function m4Text(text: string, span: Span): string {
  return text.slice(span.start, span.end).replace(/[`'"]/g, '').trim();
}

/** An rc.conf's network interfaces (loopback and address-less kinds left out), and what gives the host IPv4 and IPv6. */
export interface RcconfNet {
  /** How many interfaces the file configures. */
  interfaces: number;
  /** The first interface knob (where the report points when it finds no IPv6). */
  first?: Span;
  /** The first knob that gives an IPv4 address (inet address, DHCP). */
  v4?: { span: Span; how: string };
  /**
   * The first knob that gives an IPv6 address other hosts can reach: a static global or unique-local address, router
   * advertisements accepted (SLAAC), ipv6_cpe_wanif, or the legacy ipv6_enable. ipv6_activate_all_interfaces alone
   * gives link-local addresses only.
   */
  v6?: { span: Span; how: string };
}

/**
 * FreeBSD: with ipv6_activate_all_interfaces=NO (the default, etc/defaults/rc.conf), network.subr marks every interface
 * without an ifconfig_<if>_ipv6 IFDISABLED: no IPv6 at all on it. So IPv6 comes only from the knobs read here.
 */
function rcconfNet(model: RcconfModel): RcconfNet {
  const out: RcconfNet = { interfaces: 0 };
  for (const c of interfaces(model).values()) {
    if (/^lo[0-9]/.test(c.name) || isNoAfInterface(c.name)) continue;
    out.interfaces++;
    out.first ??= c.all[0]?.span;
    for (const a of c.all) {
      const role = knobRole(a.name);
      const v6Knob = role.kind === 'ipv6_ifconfig' || (role.kind === 'ifconfig' && role.part === 'ipv6');
      if (role.kind === 'ipv6_prefix') {
        out.v6 ??= { span: a.span, how: `${a.name} (IPv6 prefix on ${c.name})` };
        continue;
      }
      if (!(v6Knob || (role.kind === 'ifconfig' && (role.part === 'main' || role.part === 'alias' || role.part === 'aliases')))) continue;
      if (a.value.text === undefined) continue;
      const args = parseIfconfig(splitValue(a));
      if (v6Knob && args.words.has('ifdisabled')) continue;
      for (const addr of args.addresses) {
        if (addr.family === 6 || role.kind === 'ipv6_ifconfig') {
          if (reachesBeyondLink(addr.address.text.split('%')[0])) out.v6 ??= { span: a.span, how: `${a.name}: IPv6 address ${addr.address.text}` };
        } else out.v4 ??= { span: a.span, how: `${a.name}: IPv4 address ${addr.address.text}` };
      }
      if (args.words.has('accept_rtadv')) out.v6 ??= { span: a.span, how: `${a.name}: accepts router advertisements` };
      if (args.words.has('dhcp') || args.words.has('syncdhcp')) out.v4 ??= { span: a.span, how: `${a.name}: DHCP` };
    }
  }
  const dflt = effective(model, 'ifconfig_DEFAULT');
  if (dflt?.value.text !== undefined) {
    const words = parseIfconfig(splitValue(dflt)).words;
    if (words.has('accept_rtadv')) out.v6 ??= { span: dflt.span, how: 'ifconfig_DEFAULT: accepts router advertisements' };
    if (words.has('dhcp') || words.has('syncdhcp')) out.v4 ??= { span: dflt.span, how: 'ifconfig_DEFAULT: DHCP' };
  }
  const cpe = effective(model, 'ipv6_cpe_wanif');
  if (cpe?.value.text && !/^\s*no\s*$/i.test(cpe.value.text)) out.v6 ??= { span: cpe.span, how: `ipv6_cpe_wanif ${cpe.value.text}` };
  const legacy = effective(model, 'ipv6_enable');
  if (legacy && isYes(legacy.value.text)) out.v6 ??= { span: legacy.span, how: 'ipv6_enable (router advertisements accepted)' };
  return out;
}
