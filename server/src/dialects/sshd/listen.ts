// What the ListenAddress lines add up to: their families, and the IPv6 twins that mirror IPv4 listeners
// (loopback -> ::1, anything else -> ::, same port and routing domain); and what sshd reads through Include lines
// (the first AddressFamily, every ListenAddress), as far as the included files are known.
import { globSegmentRegExp, hasGlob } from '../../core/globs';
import type { LineIndex } from '../../core/text';
import type { LinkedFile, PathLink, Span } from '../../core/types';
import type { ArgNode } from '../../../../grammars/sshd/cst';
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
 * ListenAddress lines. readSshd() follows them through RuleContext.linked when the caller read them; these are the
 * lines a rule names when it could not.
 */
export function includesBefore(model: SshdModel, before = Infinity): Directive[] {
  return model.global.filter((d) => isInclude(d) && d.span.start < before);
}

/** ` (unless ...)`-style words for the first such Include: "Include /etc/ssh/sshd_config.d/*.conf (line 1)". */
export function includeWords(lines: LineIndex, includes: readonly Directive[]): string {
  const first = includes[0];
  const more = includes.length > 1 ? ` and ${includes.length - 1} more` : '';
  return `${first.keyword} ${first.args.map((a) => a.value).join(' ')} (line ${lines.lineOf(first.span.start) + 1}${more})`;
}

function isInclude(d: Directive): boolean {
  return d.name === 'include' && d.args.length > 0 && d.node.openQuote < 0;
}

/** sshd's configuration directory: servconf.c prefixes a relative Include path with SSHDIR. */
export const SSHD_DIR = '/etc/ssh';
/** servconf.c SERVCONF_MAX_DEPTH: deeper includes make sshd stop, so nothing past it is read. */
const MAX_DEPTH = 16;

/** The span of an Include argument's path inside its quotes (PathLink.span). */
export function pathSpan(arg: ArgNode): Span {
  const quoted = arg.raw.length >= 2 && arg.raw.startsWith('"') && arg.raw.endsWith('"') && arg.raw.slice(1, -1) === arg.value;
  return quoted ? { start: arg.start + 1, end: arg.end - 1 } : { start: arg.start, end: arg.end };
}

/** The paths of the global Include lines, for Dialect.links: a relative one is under /etc/ssh whatever file holds it. */
export function sshdIncludeLinks(model: SshdModel): PathLink[] {
  return includesBefore(model).flatMap((d) =>
    d.args
      .filter((a) => a.value !== '')
      .map((a) => ({
        span: pathSpan(a),
        target: a.value,
        kind: 'include' as const,
        glob: hasGlob(a.value) || undefined,
        // `~` is not expanded (glob(3) without GLOB_TILDE) but is not prefixed either: only a plain relative path is.
        directory: /^[/~]/.test(a.value) ? undefined : SSHD_DIR,
      })),
  );
}

/** Path segments, `.` dropped and `..` applied (no file system here). */
function segmentsOf(path: string): string[] {
  const out: string[] = [];
  for (const s of path.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return out;
}

/**
 * Which linked files an Include argument reads, in glob(3) order (sorted). The caller may have read a copy of the
 * server's files (a workspace holding etc/ssh/..., whose paths start elsewhere), so a file is matched by the end of
 * its path: the pattern's part under /etc/ssh when it lies there (`sshd_config.d/*.conf` for both
 * `Include sshd_config.d/*.conf` and `Include /etc/ssh/sshd_config.d/*.conf`), else the whole absolute pattern.
 * Two files of one tree ending alike under /etc/ssh would be the same file on the server, so this does not mix
 * files up in practice.
 */
export function filesOfInclude<F extends { path: string }>(target: string, linked: readonly F[]): F[] {
  if (target.startsWith('~')) return [];
  let segs = segmentsOf(target.startsWith('/') ? target : `${SSHD_DIR}/${target}`);
  const dir = segmentsOf(SSHD_DIR);
  if (segs.length > dir.length && dir.every((s, i) => segs[i] === s)) segs = segs.slice(dir.length);
  const res = segs.map(globSegmentRegExp);
  return linked
    .filter((f) => {
      const p = segmentsOf(f.path);
      if (p.length < res.length) return false;
      const tail = p.slice(p.length - res.length);
      return res.every((re, i) => re.test(tail[i]));
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A fact sshd reads, with where it is: `file` undefined for the analysed file. */
export interface Sourced<T> {
  item: T;
  file?: string;
  lines: LineIndex;
  /** For a fact of an included file: the analysed file's Include line, and its argument, that leads to it. */
  via?: { include: Directive; arg: ArgNode };
}

export type AddressFamilySetting = NonNullable<SshdModel['addressFamily']>;

/** What sshd reads from the analysed file and the files it includes, as far as they are known. */
export interface SshdReading {
  /** The first AddressFamily sshd reads (it keeps the first value), wherever it is. */
  addressFamily?: Sourced<AddressFamilySetting>;
  /** Every ListenAddress sshd reads, in reading order (they add up). */
  listen: Sourced<ListenAddress>[];
  /** The analysed file's Include lines that lead to files not known here (a nested one counts for its line), in order. */
  unknown: Directive[];
  /** Those of them read before the first AddressFamily (all of them when no AddressFamily is known). */
  unknownBeforeAddressFamily: Directive[];
}

/** The source of one analysed file's facts (the model and lines of a linked file, or the analysed file's own). */
interface Source {
  model: SshdModel;
  lines: LineIndex;
  file?: string;
}

/**
 * Read the configuration as sshd does from the analysed file (servconf.c): its global lines in order, an Include's
 * files in place, in glob order, recursively. An Include is known when linked files match it and none failed to be
 * read (with linkedPartial, only a plain path whose file was read is known; the files read of a wildcard still count,
 * with the Include unknown). A wildcard no linked file matches matched nothing (sshd accepts that) when the caller
 * followed the includes (`followed`: the CLI and the editor expand wildcards on disk) and none failed; otherwise, for
 * a document on its own or one whose workspace holds no copy of the folder, it stays unknown.
 * An Include inside a Match block is left out (it applies within the Match); one in `Match all` is unknown.
 */
export function readSshd(model: SshdModel, lines: LineIndex, linked: readonly LinkedFile<SshdModel>[], partial: boolean, followed = false): SshdReading {
  const out: SshdReading = { listen: [], unknown: [], unknownBeforeAddressFamily: [] };
  const unknown = (d: Directive) => {
    if (!out.unknown.includes(d)) out.unknown.push(d);
    if (!out.addressFamily && !out.unknownBeforeAddressFamily.includes(d)) out.unknownBeforeAddressFamily.push(d);
  };
  const walk = (src: Source, via: Sourced<unknown>['via'], chain: readonly string[]) => {
    const listens = new Map(src.model.listenAddresses.map((la) => [la.directive, la]));
    for (const d of src.model.global) {
      const la = listens.get(d);
      if (la) out.listen.push({ item: la, file: src.file, lines: src.lines, via });
      else if (d.name === 'addressfamily' && !out.addressFamily && d === src.model.addressFamily?.directive) {
        out.addressFamily = { item: src.model.addressFamily, file: src.file, lines: src.lines, via };
      } else if (isInclude(d)) {
        for (const arg of d.args) {
          const at = via ?? { include: d, arg };
          if (arg.value === '') continue;
          const files = (linked.length === 0 && !followed) || d.block ? undefined : filesOfInclude(arg.value, linked);
          const glob = hasGlob(arg.value);
          const sure = files !== undefined && (files.length > 0 ? !partial || (files.length === 1 && !glob) : followed && glob && !partial);
          // What was read of an Include not fully known still counts (it is in the file), after the "unless".
          if (!sure || chain.length >= MAX_DEPTH) unknown(at.include);
          if (!files || chain.length >= MAX_DEPTH) continue;
          for (const f of files) {
            // A loop makes sshd stop at the depth limit; what the loop adds is known already.
            if (!chain.includes(f.path)) walk({ model: f.model, lines: f.lines, file: f.path }, at, [...chain, f.path]);
          }
        }
      }
    }
  };
  walk({ model, lines }, undefined, []);
  return out;
}

/** A fact's place for a message: "line 3", or "line 3 of /etc/ssh/sshd_config.d/10-v4.conf". */
export function placeWords(s: Sourced<{ directive: Directive }>): string {
  return `line ${s.lines.lineOf(s.item.directive.span.start) + 1}${s.file ? ` of ${s.file}` : ''}`;
}

/** ListenAddress facts grouped by family. */
export function sourcedByFamily(listen: readonly Sourced<ListenAddress>[]): Record<'v4' | 'v6' | 'names', Sourced<ListenAddress>[]> {
  const out: Record<'v4' | 'v6' | 'names', Sourced<ListenAddress>[]> = { v4: [], v6: [], names: [] };
  for (const s of listen) {
    const f = listenFamily(s.item);
    if (f === 4) out.v4.push(s);
    else if (f === 6) out.v6.push(s);
    else if (f === 'name') out.names.push(s);
  }
  return out;
}
