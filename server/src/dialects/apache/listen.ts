// The file's Listen and <VirtualHost> facts, shared by the IPv6 rules: what each Listen binds (httpd on Linux
// with IPv4-mapped addresses: `Listen 80` and `Listen [::]:80` are one dual-stack socket) and the addresses
// each virtual host answers on.
import type { ArgNode } from '../../../../grammars/apache/cst';
import type { LineIndex } from '../../core/text';
import type { Edit, LinkedFile } from '../../core/types';
import { isLoopback, isUnspecified, parseHostPort, type HostPort } from './hostport';
import { findDirectives, findSections, unchecked, type ApacheModel, type Directive } from './model';

/** What a Listen binds: 'dual' (port only, `*:port` or [::]), 'ipv4', 'ipv6', 'name' (resolver decides), 'bad'. */
export type ListenBinding = 'dual' | 'ipv4' | 'ipv6' | 'name' | 'bad';

export interface ListenFact {
  directive: Directive;
  arg: ArgNode;
  hp: HostPort;
  /** httpd's reading of the host (brackets removed), '' for a bare port. */
  host: string;
  port?: string;
  binding: ListenBinding;
  /** A specific address (not 0.0.0.0 or ::, not a bare port). */
  specific: boolean;
}

export function listenFacts(model: ApacheModel): ListenFact[] {
  const out: ListenFact[] = [];
  for (const d of findDirectives(model, 'listen')) {
    if (unchecked(d)) continue;
    const arg = d.args[0];
    if (!arg || arg.value.includes('${') || arg.value.includes('@')) continue;
    const hp = parseHostPort(arg.value);
    let host = hp.host;
    let port = hp.port;
    let binding: ListenBinding;
    if (hp.unbracketed?.apacheReading) {
      host = hp.unbracketed.apacheReading.host;
      port = hp.unbracketed.apacheReading.port;
      binding = isUnspecified(host) ? 'dual' : 'ipv6';
    } else if (hp.kind === 'none') binding = port ? 'dual' : 'bad';
    else if (hp.kind === 'ipv4') binding = 'ipv4';
    else if (hp.kind === 'ipv6') binding = isUnspecified(host) ? 'dual' : 'ipv6';
    else if (hp.kind === 'name') binding = 'name';
    // `Listen *:80` is `Listen 80`: ap_set_listener (server/listen.c) turns the host `*` into no address, which binds
    // the wildcard of every family, so on Linux one dual-stack socket.
    else if (hp.kind === 'wildcard') binding = 'dual';
    else binding = 'bad';
    if (!port || !/^\d+$/.test(port)) binding = 'bad';
    out.push({ directive: d, arg, hp, host, port, binding, specific: binding !== 'dual' && !(binding === 'ipv4' && isUnspecified(host)) });
  }
  return out;
}

/**
 * The Listens of the other files of the include tree (RuleContext.linked): httpd reads the tree as one config, so a
 * `Listen [::1]:80` in an included ports.conf serves the whole server. Their spans are in those files: read only
 * binding, host and port. Remembered per model (the include world parses each linked file once).
 */
export function linkedListenFacts(linked: readonly LinkedFile<ApacheModel>[]): ListenFact[] {
  const out: ListenFact[] = [];
  for (const f of linked) {
    let facts = linkedFacts.get(f.model);
    if (!facts) linkedFacts.set(f.model, (facts = listenFacts(f.model)));
    out.push(...facts);
  }
  return out;
}

const linkedFacts = new WeakMap<ApacheModel, ListenFact[]>();

/** The file names other files with Include or IncludeOptional (whose Listens count too, when they can be read). */
export function hasIncludes(model: ApacheModel): boolean {
  return findDirectives(model, 'include', 'includeoptional').some((d) => !unchecked(d));
}

/** Some Listen of the file accepts IPv6 connections. */
export function listensOnIpv6(facts: readonly ListenFact[]): boolean {
  return facts.some((f) => f.binding === 'dual' || f.binding === 'ipv6');
}

export interface VhostAddress {
  arg: ArgNode;
  hp: HostPort;
  /** The host httpd matches on (its reading for unbracketed IPv6). */
  host: string;
  port?: string;
}

export function vhostAddresses(vh: Directive): VhostAddress[] {
  return vh.args
    .filter((a) => a.value !== '')
    .map((arg) => {
      const hp = parseHostPort(arg.value);
      const reading = hp.unbracketed?.apacheReading;
      return { arg, hp, host: reading ? reading.host : hp.host, port: reading ? reading.port : hp.port };
    });
}

export function virtualHosts(model: ApacheModel): Directive[] {
  return findSections(model, 'virtualhost').filter((d) => !unchecked(d));
}

/** Specific IPv6 addresses the file names in Listen and <VirtualHost> (bracket-free), with their ports. */
export function namedIpv6(model: ApacheModel): { host: string; port?: string }[] {
  const out: { host: string; port?: string }[] = [];
  for (const f of listenFacts(model)) if (f.binding === 'ipv6') out.push({ host: f.host, port: f.port });
  for (const vh of virtualHosts(model)) {
    for (const a of vhostAddresses(vh)) {
      if ((a.hp.kind === 'ipv6' || a.hp.unbracketed?.apacheReading) && !isUnspecified(a.host)) out.push({ host: a.host, port: a.port });
    }
  }
  return out;
}

/** The IPv6 address to pair with an IPv4 one: the file's own IPv6 addresses on that port, loopback with loopback. */
export function ipv6Twins(model: ApacheModel, v4: string, port: string | undefined): string[] {
  const named = namedIpv6(model);
  const onPort = named.filter((n) => n.port === undefined || n.port === '*' || n.port === port);
  const pool = onPort.length ? onPort : named;
  const hosts = [...new Set(pool.map((n) => n.host))];
  const loop = isLoopback(v4);
  const same = hosts.filter((h) => isLoopback(h) === loop);
  return same.length ? same : loop ? [] : hosts.filter((h) => !isLoopback(h));
}

/** Insert a new directive line after the line of `after`, with its indentation. */
export function insertLineAfter(text: string, lines: LineIndex, after: Directive, line: string): Edit {
  const end = lines.lineEnd(lines.lineOf(after.lineEnd));
  return { start: end, end, newText: `${lines.eol}${lines.indentationAt(after.span.start)}${line}` };
}

/** Remove the whole line(s) of a directive, line break included. */
export function removeLines(text: string, lines: LineIndex, d: Directive): Edit {
  const first = lines.lineOf(d.span.start);
  const last = lines.lineOf(d.lineEnd);
  const start = lines.lineStart(first);
  const end = last + 1 < lines.lineCount ? lines.lineStart(last + 1) : lines.lineEnd(last);
  // The last line of a file without a final newline: take the line break before it instead.
  if (last + 1 >= lines.lineCount && first > 0) return { start: lines.lineEnd(first - 1), end, newText: '' };
  return { start, end, newText: '' };
}
