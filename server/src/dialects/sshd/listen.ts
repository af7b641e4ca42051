// What the ListenAddress lines add up to: their families, and the IPv6 twins that mirror IPv4 listeners
// (loopback -> ::1, anything else -> ::, same port and routing domain).
import type { LineIndex } from '../../core/text';
import { isLoopback } from './addresses';
import type { Directive, ListenAddress, SshdModel } from './model';

export type ListenFamily = 4 | 6 | 'name';

/** The family of a ListenAddress host, or 'name' for a host name sshd resolves; undefined when sshd rejects it. */
export function listenFamily(la: ListenAddress): ListenFamily | undefined {
  if (la.error) return undefined;
  if (la.hostKind.kind === 'ipv4') return 4;
  if (la.hostKind.kind === 'ipv6') return 6;
  if (la.hostKind.kind === 'hostname') return 'name';
  return undefined;
}

/** The IPv6 ListenAddress arguments that give each IPv4 listener a twin, without duplicates. */
export function ipv6Twins(ipv4: readonly ListenAddress[]): string[] {
  const byKey = new Map<string, { host: string; port?: number; rdomain?: string }>();
  for (const la of ipv4) {
    const host = isLoopback(la.hostKind) ? '::1' : '::';
    const key = `${la.port ?? ''}|${la.rdomain ?? ''}`;
    const prev = byKey.get(key);
    // `::` already covers `::1` on the same port, and binding both would fail ("Address already in use").
    if (!prev || (prev.host === '::1' && host === '::')) byKey.set(key, { host, port: la.port, rdomain: la.rdomain });
  }
  return [...byKey.values()].map((t) => `${t.port !== undefined ? `[${t.host}]:${t.port}` : t.host}${t.rdomain ? ` rdomain ${t.rdomain}` : ''}`);
}

/** The valid ListenAddress lines, grouped by family. */
export function listenByFamily(model: SshdModel): { v4: ListenAddress[]; v6: ListenAddress[]; names: ListenAddress[]; all: ListenAddress[] } {
  const v4: ListenAddress[] = [];
  const v6: ListenAddress[] = [];
  const names: ListenAddress[] = [];
  for (const la of model.listenAddresses) {
    const f = listenFamily(la);
    if (f === 4) v4.push(la);
    else if (f === 6) v6.push(la);
    else if (f === 'name') names.push(la);
  }
  return { v4, v6, names, all: model.listenAddresses };
}

/**
 * The global Include lines before a document offset (all of them without one). sshd reads an included file in place
 * (servconf.c, `Include`), so such a file may set AddressFamily before this file does (the first value wins) or add
 * ListenAddress lines. The sshd dialect does not follow includes yet (no Dialect.links), so what they hold is unknown:
 * rules that depend on the first AddressFamily or on every ListenAddress must not speak with certainty beside them.
 */
export function includesBefore(model: SshdModel, before = Infinity): Directive[] {
  return model.global.filter((d) => d.name === 'include' && d.args.length > 0 && d.node.openQuote < 0 && d.span.start < before);
}

/** ` (unless ...)`-style words for the first such Include: "Include /etc/ssh/sshd_config.d/*.conf (line 1)". */
export function includeWords(lines: LineIndex, includes: readonly Directive[]): string {
  const first = includes[0];
  const more = includes.length > 1 ? ` and ${includes.length - 1} more` : '';
  return `${first.keyword} ${first.args.map((a) => a.value).join(' ')} (line ${lines.lineOf(first.span.start) + 1}${more})`;
}
