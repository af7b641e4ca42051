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

/**
 * Who may set AddressFamily before, or add a ListenAddress beside, what was read: "a file that includes this one
 * (such as /etc/ssh/sshd_config)" (SshdReading.includer), "a file read by Include ... (line 1)" for `includes`, or
 * both; undefined for nobody. Both read as "A, or B," before the verb.
 */
export function mayChangeWords(lines: LineIndex, includes: readonly Directive[], includer: SshdReading['includer']): string | undefined {
  const parts: string[] = [];
  if (includer) parts.push(`a file that includes this one${includer.file ? ` (such as ${includer.file})` : ''}`);
  if (includes.length) parts.push(`a file read by ${includeWords(lines, includes)}`);
  return parts.length === 2 ? `${parts[0]}, or ${parts[1]},` : parts[0];
}

export function isInclude(d: Directive): boolean {
  return d.name === 'include' && d.args.length > 0 && d.node.openQuote < 0;
}

/** sshd's configuration directory: servconf.c prefixes a relative Include path with SSHDIR. */
export const SSHD_DIR = '/etc/ssh';
/** servconf.c SERVCONF_MAX_DEPTH: deeper includes make sshd stop, so nothing past it is read. */
const MAX_DEPTH = 16;

/** Dialect.serverFolderOf: a file named sshd_config is in /etc/ssh, one in a folder named sshd_config.d in /etc/ssh/sshd_config.d. */
export function sshdServerFolderOf(path: string): string | undefined {
  const segs = path.split(/[\\/]+/);
  if (segs[segs.length - 1] === 'sshd_config') return SSHD_DIR;
  return segs[segs.length - 2] === 'sshd_config.d' ? `${SSHD_DIR}/sshd_config.d` : undefined;
}

/** The span of an Include argument's path inside its quotes (PathLink.span). */
export function pathSpan(arg: ArgNode): Span {
  const quoted = arg.raw.length >= 2 && arg.raw.startsWith('"') && arg.raw.endsWith('"') && arg.raw.slice(1, -1) === arg.value;
  return quoted ? { start: arg.start + 1, end: arg.end - 1 } : { start: arg.start, end: arg.end };
}

/**
 * The paths of the Include lines, for Dialect.links, as sshd opens them: a relative one is /etc/ssh/<path>
 * whatever file holds it (servconf.c prefixes SSHDIR), so `Include *.conf` in sshd_config.d/50-x.conf reads
 * /etc/ssh/*.conf, never the fragment's own folder. The span stays on the path as written.
 */
export function sshdIncludeLinks(model: SshdModel): PathLink[] {
  // Those inside Match blocks too: their lines belong to the block (sshd/match-include reads them).
  return model.directives.filter(isInclude).flatMap((d) =>
    d.args
      .filter((a) => a.value !== '')
      .map((a) => ({
        span: pathSpan(a),
        // `~` is not expanded (glob(3) without GLOB_TILDE) but is not prefixed either: only a plain relative path is.
        target: /^[/~]/.test(a.value) ? a.value : `${SSHD_DIR}/${a.value}`,
        kind: 'include' as const,
        glob: hasGlob(a.value) || undefined,
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
 * Where a copy of a server's files (a repository holding host1/etc/ssh/...) keeps them: a server path that starts
 * with `from` is `to` followed by the rest. The server's own files: both empty, a path is itself.
 */
export interface Copy {
  from: readonly string[];
  to: readonly string[];
}

const SERVER: Copy = { from: [], to: [] };

/**
 * The copy a file of known path lies in: the folder above its last `etc/ssh` stands for `/`
 * (/srv/host1/etc/ssh/sshd_config.d/x.conf: /srv/host1); else, for a file named sshd_config, its folder stands for
 * /etc/ssh (a copy kept under another name), and for a file in a sshd_config.d folder, the folder above it; else
 * unknown.
 */
export function copyOf(path: string): Copy | undefined {
  const segs = segmentsOf(path);
  const dir = segmentsOf(SSHD_DIR);
  // At least the file's name after the folder.
  for (let i = segs.length - dir.length - 1; i >= 0; i--) {
    if (dir.every((s, j) => segs[i + j] === s)) return { from: [], to: segs.slice(0, i) };
  }
  // A copy kept under another name, as sshdServerFolderOf reads it (sshd_config's folder is /etc/ssh, a
  // sshd_config.d folder /etc/ssh/sshd_config.d): the folder that stands for /etc/ssh.
  const server = sshdServerFolderOf(path);
  if (server === undefined) return undefined;
  const below = segmentsOf(server).length - dir.length;
  return { from: dir, to: segs.slice(0, segs.length - 1 - below) };
}

const byPath = <F extends { path: string }>(a: F, b: F) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Which linked files an Include argument reads, in glob(3) order (sorted), and the copy they lie in; undefined when
 * that cannot be told. sshd opens the pattern as written, a relative one under /etc/ssh (servconf.c), so a file is
 * read when its path is the pattern's in the includer's copy (`copy`), else on the server itself (what the CLI and
 * the editor read for an absolute path). Without a known copy (the analysed file's own path is not known here), a
 * file ending with the whole absolute pattern (/srv/etc/ssh/sshd_config.d/10.conf for
 * /etc/ssh/sshd_config.d/*.conf) is read when all such files lie in one copy; files of two copies, or a file that
 * ends only with the pattern's part under /etc/ssh (a copy kept under another name, or /etc/ssh/sub/a.conf for
 * `Include a.conf`), leave it unknown rather than guessed.
 */
export function filesOfInclude<F extends { path: string }>(target: string, linked: readonly F[], copy?: Copy): { files: F[]; copy: Copy } | undefined {
  // `~` is not expanded (glob(3) without GLOB_TILDE), nor prefixed: no file of a tree is named so.
  if (target.startsWith('~')) return { files: [], copy: copy ?? SERVER };
  const pattern = segmentsOf(target.startsWith('/') ? target : `${SSHD_DIR}/${target}`);
  const res = pattern.map(globSegmentRegExp);
  const within = (c: Copy): F[] => {
    if (!c.from.every((s, i) => pattern[i] === s)) return [];
    const n = c.to.length + pattern.length - c.from.length;
    return linked
      .filter((f) => {
        const p = segmentsOf(f.path);
        return p.length === n && c.to.every((s, i) => p[i] === s) && res.slice(c.from.length).every((re, i) => re.test(p[c.to.length + i]));
      })
      .sort(byPath);
  };
  if (copy) {
    const own = within(copy);
    if (own.length || (copy.from.length === 0 && copy.to.length === 0)) return { files: own, copy };
    const server = within(SERVER);
    return { files: server, copy: server.length ? SERVER : copy };
  }
  const byRoot = new Map<string, F[]>();
  for (const f of linked) {
    const p = segmentsOf(f.path);
    const at = p.length - res.length;
    if (at < 0 || !res.every((re, i) => re.test(p[at + i]))) continue;
    const root = p.slice(0, at).join('/');
    const same = byRoot.get(root);
    if (same) same.push(f);
    else byRoot.set(root, [f]);
  }
  if (byRoot.size === 1) {
    const [[root, files]] = [...byRoot];
    return { files: files.sort(byPath), copy: { from: [], to: root === '' ? [] : root.split('/') } };
  }
  if (byRoot.size > 1) return undefined;
  // None ends with the whole pattern: one ending with its part under /etc/ssh may still be the file, in a copy of
  // /etc/ssh kept under another name.
  const dir = segmentsOf(SSHD_DIR);
  const under = pattern.length > dir.length && dir.every((s, i) => pattern[i] === s) ? dir.length : 0;
  const loose = res.slice(under);
  const maybe = linked.some((f) => {
    const p = segmentsOf(f.path);
    return p.length >= loose.length && loose.every((re, i) => re.test(p[p.length - loose.length + i]));
  });
  return maybe ? undefined : { files: [], copy: SERVER };
}

/** Is the file in a `.d` folder (sshd_config.d/, conf.d/), where the files another one includes are kept? */
function isFragmentPath(path: string): boolean {
  const segs = segmentsOf(path);
  return segs.length >= 2 && segs[segs.length - 2].endsWith('.d');
}

/**
 * Is the file one sshd starts with: named sshd_config, outside a `.d` folder? `sshd -f` reads it on its own (and
 * /etc/ssh/sshd_config is the default), so a configuration that includes it (sshd_config_second: `Include
 * /etc/ssh/sshd_config`) is another daemon's, and changes nothing of what this one reads.
 */
function isStartPath(path: string): boolean {
  return segmentsOf(path).pop() === 'sshd_config' && !isFragmentPath(path);
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
  /**
   * Set when this file may itself be read through another file's Include, which may then set AddressFamily before
   * it (sshd keeps the first value) or add ListenAddress lines: `file` names a linked file that may, when one does.
   * `reading`, when sshd starts with `file` and reaches this file through Include lines all known up to it (readSshd):
   * `before`, the first AddressFamily read before this file (none: this file's own is the first one sshd reads), and
   * `whole`, sshd's whole reading from `file`, this file's lines in it (`whole.unknown` empty: all of it is known).
   */
  includer?: { file?: string; reading?: { before?: Sourced<AddressFamilySetting>; whole: SshdReading } };
}

/** The source of one analysed file's facts (the model and lines of a linked file, or the analysed file's own). */
interface Source {
  model: SshdModel;
  lines: LineIndex;
  file?: string;
  /** The copy of the server's files it lies in, when known: its Include lines name files there. */
  copy?: Copy;
}

/** A file a walk may read through an Include: a linked one, or the analysed file when reading from its includer. */
type Readable = Pick<LinkedFile<SshdModel>, 'path' | 'model' | 'lines'>;

/**
 * Read the configuration as sshd does from the analysed file (servconf.c): its global lines in order, an Include's
 * files in place, in glob order, recursively. An Include is known when linked files match it (filesOfInclude) and
 * none failed to be read (with linkedPartial, only a plain path whose file was read is known; the files read of a
 * wildcard still count, with the Include unknown). A wildcard no linked file matches matched nothing (sshd accepts
 * that) when the caller followed the includes (`followed`: the CLI and the editor expand wildcards on disk) and none
 * failed; otherwise, for a document on its own or one whose workspace holds no copy of the folder, it stays unknown.
 * An Include inside a Match block is left out (it applies within the Match); one in `Match all` is unknown.
 * `self`, the analysed file's path when the caller knows it, says which copy its Include lines read from, and
 * whether another file may include it: a start file (named sshd_config) is read as `sshd -f` reads it, with no
 * includer; another file's includer is a linked one whose reading reaches it. With such an includer, sshd's reading
 * from it tells what comes before this file and what the whole tree holds (SshdReading.includer.reading).
 */
export function readSshd(model: SshdModel, lines: LineIndex, linked: readonly LinkedFile<SshdModel>[], partial: boolean, followed = false, self?: string): SshdReading {
  const { out, reached } = readFrom({ model, lines, copy: self === undefined ? undefined : copyOf(self) }, linked, partial, followed);
  // sshd -f reads a start file on its own: a configuration that includes it is another daemon's (isStartPath).
  if (self !== undefined && isStartPath(self)) return out;
  // A linked file this reading does not reach, with Include lines of its own, may read this one (or a file that does).
  const candidates = linked.filter((f) => !reached.has(f.path) && includesBefore(f.model).length > 0);
  const isMain = (f: Readable) => segmentsOf(f.path).pop() === 'sshd_config';
  if (self === undefined) {
    // Without this file's path, which of them reads it cannot be told: one is named in the hedge, its reading not taken.
    const named = candidates.find(isMain) ?? candidates[0];
    if (named) out.includer = { file: named.path };
    return out;
  }
  // The includers: those whose reading, as sshd does it, reaches this file through their Include lines.
  const me: Readable = { path: self, model, lines };
  const readings = new Map<Readable, ReturnType<typeof readFrom>>();
  for (const f of candidates) {
    const from = readFrom({ model: f.model, lines: f.lines, file: f.path, copy: copyOf(f.path) }, [...linked.filter((g) => g !== f), me], partial, followed, self);
    if (from.reached.has(self)) readings.set(f, from);
  }
  const includers = [...readings.keys()];
  const named = includers.find(isMain) ?? includers[0];
  if (!named) {
    // A file in a `.d` folder (sshd_config.d/10-listen.conf) is a fragment that another file reads, by an Include not known here.
    if (isFragmentPath(self)) out.includer = {};
    return out;
  }
  const includer: NonNullable<SshdReading['includer']> = (out.includer = { file: named.path });
  // sshd starts with `named` when it is no fragment itself, lies in a known copy of the server's files, and every
  // other includer lies in its reading (else another file, or a second daemon's, may start): its reading then counts.
  const from = readings.get(named)!;
  if (!isFragmentPath(named.path) && copyOf(named.path) && from.before && includers.every((f) => from.reached.has(f.path))) {
    includer.reading = { before: from.before.addressFamily, whole: from.out };
  }
  return out;
}

/**
 * readSshd's walk from one file (`root`), and the linked files it reached. With `mark` (a path): what was read before
 * sshd first reads that file, when every Include read until then is known (the one that reads it included).
 */
function readFrom(root: Source, linked: readonly Readable[], partial: boolean, followed: boolean, mark?: string) {
  const out: SshdReading = { listen: [], unknown: [], unknownBeforeAddressFamily: [] };
  const unknown = (d: Directive) => {
    if (!out.unknown.includes(d)) out.unknown.push(d);
    if (!out.addressFamily && !out.unknownBeforeAddressFamily.includes(d)) out.unknownBeforeAddressFamily.push(d);
  };
  const reached = new Set<string>();
  const counted = new Set<Directive>();
  let before: { addressFamily?: Sourced<AddressFamilySetting> } | undefined;
  const walk = (src: Source, via: Sourced<unknown>['via'], chain: readonly string[]) => {
    if (src.file !== undefined) {
      if (src.file === mark && !reached.has(mark) && out.unknown.length === 0) before = { addressFamily: out.addressFamily };
      reached.add(src.file);
    }
    const listens = new Map(src.model.listenAddresses.map((la) => [la.directive, la]));
    for (const d of src.model.global) {
      const la = listens.get(d);
      // A file read twice (`Include a.conf a.conf`, overlapping wildcards) adds the same lines again: named once.
      if (la) {
        if (!counted.has(d)) out.listen.push({ item: la, file: src.file, lines: src.lines, via });
        counted.add(d);
      } else if (d.name === 'addressfamily' && !out.addressFamily && d === src.model.addressFamily?.directive) {
        out.addressFamily = { item: src.model.addressFamily, file: src.file, lines: src.lines, via };
      } else if (isInclude(d)) {
        for (const arg of d.args) {
          const at = via ?? { include: d, arg };
          if (arg.value === '') continue;
          const found = (linked.length === 0 && !followed) || d.block ? undefined : filesOfInclude(arg.value, linked, src.copy);
          const files = found?.files;
          const glob = hasGlob(arg.value);
          const sure = files !== undefined && (files.length > 0 ? !partial || (files.length === 1 && !glob) : followed && glob && !partial);
          // What was read of an Include not fully known still counts (it is in the file), after the "unless".
          if (!sure || chain.length >= MAX_DEPTH) unknown(at.include);
          if (!files || chain.length >= MAX_DEPTH) continue;
          for (const f of files) {
            // A loop makes sshd stop at the depth limit; what the loop adds is known already.
            if (!chain.includes(f.path)) walk({ model: f.model, lines: f.lines, file: f.path, copy: found.copy }, at, [...chain, f.path]);
          }
        }
      }
    }
  };
  walk(root, undefined, []);
  return { out, reached, before };
}

/**
 * The ListenAddress lines sshd reads beside this file's reading: those the includer's reading adds
 * (SshdReading.includer.reading), when it is known; none otherwise.
 */
export function listenBeyond(r: SshdReading): Sourced<ListenAddress>[] {
  const mine = new Set(r.listen.map((s) => s.item.directive));
  return r.includer?.reading?.whole.listen.filter((s) => !mine.has(s.item.directive)) ?? [];
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
