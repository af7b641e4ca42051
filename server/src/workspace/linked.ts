// The files joined to one file by includes, read through an injected reader and parsed once each: what rules
// see as RuleContext.linked (an acl defined in named.conf.acls, used in named.conf.options), and the include
// problems (loops, depth, unreadable files) that belong on the file's own include statements.
import { dirname, isAbsolute, join, posix, resolve as resolvePath } from 'node:path';
import { LineIndex } from '../core/text';
import { rcconfPlace } from '../dialects/rcconf/rules/no-ipv6-route';
import type { Dialect, LinkedFile } from '../core/types';
import { hasGlob } from '../core/globs';
import { expandGlob, type DirLister, type GlobExpansion } from './glob-expand';
import { followIncludes, type FileReader, type IncludeGraph, type IncludeProblem, type IncludeRef } from './includes';
import { copyRootAbove, machineMayHold } from './paths';

export interface IncludeContext<Model = unknown> {
  /** The other files of every include tree that holds the file (never the file itself). */
  linked: LinkedFile<Model>[];
  /** Problems on the file's own include statements. */
  problems: IncludeProblem[];
  /** Some file of the trees could not be read: a name found nowhere may be defined there. */
  partial: boolean;
  /**
   * Paths the trees looked for and could not read (a missing include, a candidate under the base directory), and
   * folders they listed for wildcard includes: a file created, changed or deleted there may change the context.
   */
  unread: string[];
  listed: string[];
}

/**
 * Where an absolute include target may be in a copy of a server's files that holds the including file, when the
 * includer's own folders do not say (copyRootFor), nearest first: the target under each folder above the includer, or
 * the target's last folder and name (or more) beside the includer (a copy kept flat: files/sshd_config with
 * files/sshd_config.d/ for /etc/ssh/sshd_config.d/*.conf). Never a bare name, nor a wildcard folder, beside the
 * includer: /usr/share/foo/*.conf would take the includer's own siblings.
 */
export function copyPaths(from: string, target: string): string[] {
  const out = new Set<string>();
  const here = dirname(resolvePath(from));
  const clean = serverPath(target);
  for (let dir = here; dir !== dirname(dir); dir = dirname(dir)) out.add(join(dir, clean));
  const segs = clean.split('/').filter(Boolean);
  for (let k = 1; k <= segs.length - 2; k++) if (!hasGlob(segs[k])) out.add(join(here, ...segs.slice(k)));
  return [...out];
}

/** An absolute target as a server path: '/'-separated, `.` and `..` folded (before any part of it is looked for). */
function serverPath(target: string): string {
  return posix.normalize(target.replace(/\\/g, '/'));
}

/** The folder a wildcard pattern's fixed part names ('/'-separated): /etc/ssh/sshd_config.d for /etc/ssh/sshd_config.d/*.conf. */
function fixedFolderOf(pattern: string): string {
  const segs = pattern.split('/');
  return segs.slice(0, segs.findIndex(hasGlob)).join('/') || '/';
}

/** Where a copy keeps a server's folder: the server path `server` (and below) is `local` (and below) in the copy. */
export interface CopyMap {
  server: string;
  local: string;
}

/**
 * The copy of a server's files that holds the including file, as its folders show against an absolute target
 * (paths.ts copyRootAbove: ns1/etc/bind/named.conf for /etc/bind/named.conf.options, ns1/etc/ssh/sshd_config.d/10.conf
 * for /etc/ssh/extra.conf: ns1 stands for /), or as its name shows (`serverFolder`, Dialect.serverFolderOf: a file
 * named sshd_config stands in /etc/ssh, so files/sshd_config reads /etc/ssh/a.conf as files/a.conf). The target is
 * then the copy's file, there or missing: a CI runner's own /etc/bind or /etc/ssh is not the server's. `/` for `/`
 * when the file is the server's own, checked in place; undefined when nothing says.
 */
export function copyMapFor(from: string, target: string, serverFolder?: string): CopyMap | undefined {
  const clean = serverPath(target);
  const here = dirname(resolvePath(from)).replace(/\\/g, '/');
  const root = copyRootAbove(here, posix.dirname(clean));
  if (root !== undefined) return { server: '/', local: root };
  // Up from the file's folder while the copy's folder names match the server's (files/sshd_config.d for
  // /etc/ssh/sshd_config.d: files for /etc/ssh), to the first that holds the target.
  for (let server = serverFolder, local = here; server && server !== '/' && server !== local; server = posix.dirname(server), local = posix.dirname(local)) {
    if (clean.startsWith(server + '/')) return { server, local };
    if (posix.basename(server) !== posix.basename(local)) break;
  }
  return undefined;
}

/**
 * Where an absolute target named in `from` may be, in the order the include world tries them: the copy's file when the
 * includer shows a copy (copyMapFor), the target as written for the server's own files, else the copies' candidates
 * (copyPaths) then the target as written. For a document link, whose first existing path is opened.
 */
export function absoluteCandidates(from: string, target: string, serverFolder?: string): string[] {
  const map = copyMapFor(from, target, serverFolder);
  if (map !== undefined) return [pathInCopy(target, map)];
  return machineMayHold(from, target) ? [...copyPaths(from, target), resolvePath(target)] : copyPaths(from, target);
}

/** The server's own files, checked in place: `/` for `/`. */
function isInPlace(map: CopyMap): boolean {
  return map.server === '/' && map.local === '/';
}

/** An absolute target as it is read in a copy (or, for `/` as `/`, as written; normalised). */
export function pathInCopy(target: string, map: CopyMap): string {
  const clean = serverPath(target);
  if (isInPlace(map)) return resolvePath(clean);
  if (map.server === '/') return join(map.local, clean);
  return join(map.local, clean.slice(map.server.length));
}

/** What building one include graph looked at beyond the files it reached. */
interface Looked {
  unread: Set<string>;
  listed: Set<string>;
}

/** One dialect's view of a set of files: parsed on first use, include graphs memoised per root. */
export class IncludeWorld<Model = unknown> {
  private readonly parsed = new Map<string, LinkedFile<Model> | null>();
  private readonly graphs = new Map<string, IncludeGraph>();
  /** Per graph (by root), what building it looked at beyond the files it reached. */
  private readonly looked = new Map<string, Looked>();
  /** While a graph is built, what it looks at (graph()). */
  private looking?: Looked;
  readonly read: FileReader;
  readonly list?: DirLister;

  /** `list` lets wildcard includes be followed (bounded); without it they are not. */
  constructor(
    readonly dialect: Dialect<Model>,
    read: FileReader,
    list?: DirLister,
  ) {
    // Every read and listing goes through these, so a graph knows which paths it depends on without being found.
    // Each path read once per world (an include is looked for in a copy, then read, then parsed).
    const texts = new Map<string, string | undefined>();
    this.read = (path) => {
      let text: string | undefined;
      if (texts.has(path)) text = texts.get(path);
      else texts.set(path, (text = read(path)));
      if (text === undefined) this.looking?.unread.add(path);
      return text;
    };
    this.list =
      list &&
      ((dir) => {
        this.looking?.listed.add(dir);
        return list(dir);
      });
  }

  /** The file parsed, or undefined when it cannot be read or parsed. */
  file(path: string): LinkedFile<Model> | undefined {
    const hit = this.parsed.get(path);
    if (hit !== undefined) return hit ?? undefined;
    let out: LinkedFile<Model> | null = null;
    const text = this.read(path);
    if (text !== undefined) {
      try {
        out = { path, text, lines: new LineIndex(text), model: this.dialect.parse(text).model };
      } catch {
        out = null;
      }
    }
    this.parsed.set(path, out);
    return out ?? undefined;
  }

  includesOf = (path: string, text: string): IncludeRef[] => {
    // Both dialects with includes (BIND `include`, Apache `Include`/`IncludeOptional`) spell them so: a file
    // without the word has none, and is not parsed here (it may be a 2 MB named.conf the caller parses anyway).
    if (!/include/i.test(text)) return [];
    const f = this.file(path);
    if (!f || f.text !== text || !this.dialect.links) return [];
    return this.dialect.links(f.model, f.text)
      .filter((l) => l.kind === 'include')
      .map((l) => ({ target: l.target, span: l.span, optional: l.optional, when: l.when }));
  };

  /** Base directories (BIND `directory`, Apache `ServerRoot`) that included files inherit from their includer. */
  private readonly inherited = new Map<string, string>();

  /** The file's own base directory (absolute), else the one it inherited from the file that included it. */
  private baseDir(from: string): string | undefined {
    let own = this.ownBase.get(from);
    if (own === undefined) {
      const f = this.file(from);
      const dir = f && this.dialect.links?.(f.model, f.text).find((l) => l.directory)?.directory;
      // An absolute one (ServerRoot "/etc/apache2") in a copy of the server's files is the copy's folder.
      const map = dir && isAbsolute(dir) ? copyMapFor(from, join(dir, 'x'), this.dialect.serverFolderOf?.(from)) : undefined;
      own = !dir ? null : map !== undefined ? pathInCopy(dir, map) : resolvePath(dirname(from), dir);
      this.ownBase.set(from, own);
    }
    return own ?? this.inherited.get(from);
  }

  /** Each file's own base directory (null: none), found once: a file with 5,000 includes asked it per include. */
  private readonly ownBase = new Map<string, string | null>();

  private inherit(from: string, targets: readonly string[]): void {
    const dir = this.baseDir(from);
    if (dir) for (const t of targets) if (!this.inherited.has(t)) this.inherited.set(t, dir);
  }

  /**
   * An include target as a path: absolute, in the copy of the server's files that holds the including file when it has
   * that file (copyPaths), else as written when this machine's file may stand for it (machineMayHold; else undefined);
   * relative, beside the including file, else under the base directory.
   */
  resolve = (from: string, target: string): string | undefined => {
    let out = resolvePath(dirname(from), target);
    if (isAbsolute(target)) {
      const map = copyMapFor(from, target, this.dialect.serverFolderOf?.(from));
      const copy = map !== undefined ? pathInCopy(target, map) : copyPaths(from, target).find((p) => this.read(p) !== undefined);
      if (copy) out = copy;
      else if (!machineMayHold(from, target)) return undefined;
    } else if (this.read(out) === undefined) {
      const dir = this.baseDir(from);
      if (dir && this.read(resolvePath(dir, target)) !== undefined) out = resolvePath(dir, target);
    }
    this.inherit(from, [out]);
    return out;
  };

  /**
   * A wildcard include's files: an absolute one in the copy that holds the including file when it matches files
   * there (copyPaths), else as written; a relative one beside the including file, else under the base directory
   * (Apache's ServerRoot).
   */
  expand = (from: string, target: string): GlobExpansion => {
    const list = this.list!;
    let out: GlobExpansion | undefined;
    const map = isAbsolute(target) ? copyMapFor(from, target, this.dialect.serverFolderOf?.(from)) : undefined;
    if (map !== undefined) {
      const pattern = pathInCopy(target, map);
      out = expandGlob(pattern, list);
      // Nothing matched in a copy whose folder is not there: unknown, not nothing (sshd_config.d, empty on the server,
      // is not in a repository at all).
      const fixed = fixedFolderOf(pattern);
      if (out.files.length === 0 && !isInPlace(map) && list(fixed) === undefined) out = { ...out, folderNotInCopy: fixed };
    } else if (isAbsolute(target)) {
      for (const p of copyPaths(from, target)) {
        const found = expandGlob(p, list);
        if (found.files.length > 0) {
          out = found;
          break;
        }
      }
      // Not in a copy, and this machine's folder is not the server's: nothing known is there.
      if (!out && !machineMayHold(from, target)) {
        out = { files: [], truncated: false, notOnThisMachine: fixedFolderOf(serverPath(target)) };
      }
    }
    out ??= expandGlob(resolvePath(dirname(from), target), list);
    if (!isAbsolute(target) && out.files.length === 0) {
      const dir = this.baseDir(from);
      if (dir) out = expandGlob(resolvePath(dir, target), list);
    }
    this.inherit(from, out.files);
    return out;
  };

  graph(root: string): IncludeGraph {
    let g = this.graphs.get(root);
    if (!g) {
      // Saved and restored: one graph is built at a time today, but a nested build must not take the outer one's paths.
      const outer = this.looking;
      const looked: Looked = { unread: new Set(), listed: new Set() };
      this.looking = looked;
      try {
        g = followIncludes(root, this.read, this.includesOf, this.resolve, this.list && this.expand);
        const effect = this.dialect.includeLoop;
        if (effect) g = { ...g, problems: g.problems.map((p) => (p.kind === 'loop' ? { ...p, message: `${p.message}: ${effect}` } : p)) };
      } finally {
        this.looking = outer;
      }
      this.graphs.set(root, g);
      this.looked.set(root, looked);
    }
    return g;
  }

  /** The files sharing names with `path`: its own include tree and that of every root whose tree holds it. */
  treeOf(path: string, roots: readonly string[] = []): string[] {
    // The roots' graphs first (graphsHolding builds them): a file included by one inherits its base directory before
    // its own tree is walked.
    const holding = this.graphsHolding(path, roots);
    const out = new Set<string>([path]);
    for (const root of holding) for (const f of this.graph(root).files) out.add(f);
    return [...out];
  }

  /** Per roots list (the CLI passes one for every file it checks): the roots whose include graphs hold each file. */
  private holders?: { roots: readonly string[]; byFile: Map<string, string[]> };

  /**
   * `path`, then the roots whose include graphs hold it, in the roots' order: indexed once per roots list, where each
   * file checked looked through every root's graph (4,000 files checked together took seconds).
   */
  private graphsHolding(path: string, roots: readonly string[]): string[] {
    let h = this.holders;
    if (!h || h.roots !== roots) {
      const byFile = new Map<string, string[]>();
      for (const r of roots) {
        for (const f of new Set(this.graph(r).files)) {
          const list = byFile.get(f);
          if (list) list.push(r);
          else byFile.set(f, [r]);
        }
      }
      h = this.holders = { roots, byFile };
    }
    return [path, ...(h.byFile.get(path) ?? []).filter((r) => r !== path)];
  }

  /**
   * An rc.conf file's siblings: rc.conf, rc.conf.local and rc.conf.d/* of the same etc folder, which the rc scripts
   * read together without an include (defaults/rc.conf rc_conf_files, rc.subr load_rc_config). None for other dialects.
   */
  private rcconfSiblings(path: string, listed: Set<string>): string[] {
    const place = this.dialect.name === 'rcconf' ? rcconfPlace(path) : undefined;
    if (!place) return [];
    const etc = resolvePath(dirname(path), place.etc || '.');
    const confd = resolvePath(etc, 'rc.conf.d');
    let names: string[] | undefined;
    if (this.list) {
      listed.add(confd);
      names = this.list(confd);
    }
    // Without a listing, the files of the scripts that set up routes: rc.d/routing and rc.d/netif.
    const inConfd = (names ?? ['routing', 'netif']).map((n) => resolvePath(confd, n));
    return [resolvePath(etc, 'rc.conf'), resolvePath(etc, 'rc.conf.local'), ...inConfd].filter((p) => p !== resolvePath(path));
  }

  /** What analyze() needs to see `path` in its include trees (rooted at itself and at any of `roots`). */
  contextOf(path: string, roots: readonly string[] = []): IncludeContext<Model> {
    const linked: LinkedFile<Model>[] = [];
    const unread = new Set<string>();
    const listed = new Set<string>();
    const tree = this.treeOf(path, roots);
    for (const p of [...tree, ...this.rcconfSiblings(path, listed).filter((s) => !tree.includes(s))]) {
      if (p === path) continue;
      const f = this.file(p);
      if (f) linked.push(f);
      else if (!tree.includes(p)) unread.add(p);
    }
    const problems: IncludeProblem[] = [];
    const seen = new Set<string>();
    let partial = false;
    // A file that a root includes is judged as the daemon reads it, through the roots (an include loop in it under the
    // includer's <IfModule> is a loop only when that holds); its own tree counts when no root holds it.
    const holding = this.graphsHolding(path, roots);
    for (const root of holding.length > 1 ? holding.slice(1) : holding) {
      const g = this.graph(root);
      const looked = this.looked.get(root);
      for (const p of looked?.unread ?? []) unread.add(p);
      for (const d of looked?.listed ?? []) listed.add(d);
      partial ||= g.problems.some((p) => p.kind !== 'loop');
      for (const p of g.problems) {
        const key = `${p.span.start}:${p.message}`;
        if (p.file !== path || seen.has(key)) continue;
        seen.add(key);
        problems.push(p);
      }
    }
    return { linked, problems, partial, unread: [...unread], listed: [...listed] };
  }
}
