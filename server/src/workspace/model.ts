// The workspace model (issue #10): every config of a server, parsed once per text, joined across files — the
// named.conf zones with their zone files (`file` resolved against `directory`), the includes followed — and the
// facts the cross-file rules and the readiness report need per service: does it listen on IPv6, do its access
// rules admit IPv6 clients, which names does it serve, and which A/AAAA records the workspace's zones publish.
// Pure: files are read through an injected reader; the LSP and the CLI supply the file system.
import { analyze, INTERNAL_ERROR_RULE, type Analysis } from '../core/analyze';
import { parseSafely } from '../core/limits';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import type { LineIndex } from '../core/text';
import type { Dialect, Finding, Span } from '../core/types';
import { rcconfPlace } from '../dialects/rcconf/rules/no-ipv6-route';
import { zoneDialect } from '../dialects/zone';
import type { ListenBinding } from '../dialects/apache/listen';
import { matchByTail } from './glob-expand';
import { fileFacts, type ApacheListen, type FileFacts, type NameFact } from './file-facts';
import { notOnThisMachine, type FileReader } from './includes';
import { basenameOf, copyRootAbove, dirnameOf, isAbsolutePath, isPlainFolder, isPlainName, isUnder, machineMayHold, normalize, resolveFrom, sharedSuffix } from './paths';

export type ServiceKind = 'dns' | 'web' | 'mail' | 'ssh' | 'os';
export const SERVICE_KINDS: readonly ServiceKind[] = ['dns', 'web', 'mail', 'ssh', 'os'];
export const SERVICE_TITLES: Record<ServiceKind, string> = {
  dns: 'DNS (BIND named)',
  web: 'Web (Apache httpd)',
  mail: 'Mail (Sendmail)',
  ssh: 'SSH (OpenSSH sshd)',
  os: 'OS (FreeBSD rc.conf)',
};
const DIALECT_SERVICE: Record<string, ServiceKind | undefined> = { bind: 'dns', apache: 'web', sendmail: 'mail', sshd: 'ssh', rcconf: 'os' };

/** A place in a file of the workspace. */
export interface Site {
  file: string;
  span: Span;
}

export interface IndexedFile {
  path: string;
  dialect: Dialect;
  text: string;
  lines: LineIndex;
  /** The file's own findings, under its settings (with the rest of its include tree in view, when it has one). */
  findings: readonly Finding[];
  /** What the joins, the service facts and the cross-file rules read from the file's model (file-facts.ts). */
  facts: FileFacts;
  /**
   * The parsed model, kept for files up to WorkspaceOptions.keepModelChars: the analyses of an include tree read the
   * other members' models. A larger file's model is parsed again when its tree needs it.
   */
  model?: unknown;
  /** Reached only through an include or a zone `file`, not found by the folder walk. */
  linkedOnly: boolean;
  /** Which tree `findings` saw (paths and load stamps), so an unchanged tree is not analysed again. */
  treeKey?: string;
  /** Analysed by the caller with its include tree already (the CLI's check). */
  seeded?: boolean;
  /** Bumped on every load: part of the tree keys of the files that include this one. */
  stamp?: number;
}

/** A name a service answers to, where the config says so. */
export interface ServedName {
  /** Canonical: lower case, absolute (trailing dot). */
  name: string;
  service: ServiceKind;
  /** What declares it: 'ServerName', 'ServerAlias', 'confDOMAIN_NAME', 'NS', 'MX' ... */
  source: string;
  /**
   * False for mail domains (LOCAL_DOMAIN, MASQUERADE_AS): mail for them goes to their MX hosts, so their own
   * A/AAAA records are not the mail service's business (they are usually the web site's).
   */
  host: boolean;
  site: Site;
}

export interface ListenFacts {
  /** Listens on IPv4 / IPv6; undefined when the configs do not say (a host name, no listener directive). */
  v4?: boolean;
  v6?: boolean;
  /** The directive that decides (for related locations and report links). */
  site?: Site;
  /** How the report words it, e.g. "Listen 192.0.2.80:80". */
  detail: string;
  /**
   * Per family: it listens on that family only on loopback addresses (127.0.0.1, ::1), which serve this host only
   * (v4/v6 are then false: no other host reaches it over that family).
   */
  loopbackOnly?: { v4: boolean; v6: boolean };
}

export interface ServiceFacts {
  kind: ServiceKind;
  files: string[];
  listen: ListenFacts;
  /** Access rules admit IPv6 clients; undefined when the service has no access rules v6ready reads. */
  admitsV6?: boolean;
  /** The first access finding that says IPv4 only. */
  admitsSite?: Site & { message: string };
  names: ServedName[];
}

export interface ZoneJoin {
  /** Canonical zone name. */
  readonly zone: string;
  readonly conf: string;
  /** The zone's name in named.conf. */
  readonly site: Site;
  /** The `file` string in named.conf. */
  readonly fileSite: Site;
  /** The zone file read, if found. */
  zoneFile?: string;
}

export interface AddressRecord {
  owner: string;
  type: 'A' | 'AAAA';
  address: string;
  site: Site;
  zone: string;
}

export interface DelegationRecord {
  zone: string;
  owner: string;
  /** NS target or MX exchange (canonical). */
  target: string;
  type: 'NS' | 'MX';
  site: Site;
}

export interface WorkspaceModel {
  files: IndexedFile[];
  services: ServiceFacts[];
  zones: ZoneJoin[];
  /** A and AAAA records of the joined zone files, by canonical owner. */
  addresses: Map<string, AddressRecord[]>;
  /** NS and MX records of the joined zone files. */
  delegations: DelegationRecord[];
  /** Includes and zone files that could not be found. */
  problems: { site: Site; message: string }[];
}

export interface WorkspaceOptions {
  read: FileReader;
  /**
   * The names in a folder, or undefined when it cannot be listed (or holds too many entries to list); a folder
   * that does not exist lists as empty. Optional: with it, a path whose name its folder does not list is missing
   * without a read, so 20,000 zone `file`s that are not there cost two listings, not 40,000 reads. Listings are
   * kept until a path in the folder is marked changed.
   */
  list?(dir: string): ReadonlySet<string> | undefined;
  /** The dialect of a path (by name, then by first line), or undefined for files v6ready does not read. */
  dialectFor(path: string, text: string): Dialect | undefined;
  /** Settings per file (severities, targets); defaults when absent. */
  settingsFor?(path: string): Settings;
  /**
   * Files up to this many characters keep their parsed model (IndexedFile.model); default KEEP_MODEL_CHARS. A 1.8 MB
   * named.conf's model is ~80 MB: the language server held it a second time beside its own analysis.
   */
  keepModelChars?: number;
}

export const KEEP_MODEL_CHARS = 256 * 1024;
const NO_PATHS: readonly string[] = [];

export const MAX_WORKSPACE_FILES = 5000;
/** How many folders mayExist remembers in place (a zone tries at most two). */
const RECENT_LISTINGS = 4;

/**
 * The parsed files of a workspace, kept between builds: `build()` re-reads and re-parses only files marked
 * changed (or new), then recomputes the joins and facts, which are cheap.
 */
export class WorkspaceIndex {
  private roots: string[] = [];
  private rootSet = new Set<string>();
  /** basenameOf each root, aligned with roots: locate compares them for every zone file not found. */
  private rootNames: string[] = [];
  /** The folders of the roots (inWorkspaceFolder). */
  private rootFolders = new Set<string>();
  /** inWorkspaceFolder per folder asked, until the roots change: 20,000 zone files sit in one or two folders. */
  private workspaceFolders = new Map<string, boolean>();
  /** isPlainFolder per folder asked, for the same reason. */
  private plainFolders = new Map<string, boolean>();
  /** copyRoot per config folder and server folder, for the same reason. */
  private copyRoots = new Map<string, string>();
  private lastFile = '';
  private lastFolder = '';
  private lastBase = '';
  private lastDirectory = '';
  private lastResolved = '';
  private readonly entries = new Map<string, IndexedFile>();
  /** What the reader returned per path (undefined: missing), until the path is marked changed. */
  private readonly texts = new Map<string, string | undefined>();
  /** Folder listings (options.list) by folder, until a path in the folder is marked changed. */
  private readonly listings = new Map<string, Listing | undefined>();
  /** The folders mayExist asked last, with their listings (cleared with the listings). */
  private recentListings: { dir: string; listing: Listing | undefined }[] = [];

  private stamps = 0;
  private analysed = 0;
  /** For generationOf: clear() calls, and changed() calls per path. */
  private clears = 0;
  private readonly changes = new Map<string, number>();
  /** For named(): the build's files it indexed (how many of them), and the paths by name. */
  private byName?: { files: Map<string, IndexedFile>; indexed: number; names: Map<string, string[]> };

  /**
   * Characters analysed here, or offered analysed (offer), since the last call: after many, a long-lived caller may
   * want to collect the garbage they left (the analysis, or the received copy and the entry it replaced).
   */
  takeAnalysedChars(): number {
    const n = this.analysed;
    this.analysed = 0;
    return n;
  }

  constructor(private readonly options: WorkspaceOptions) {}

  /** The config files found in the folders (absolute paths). */
  setFiles(paths: readonly string[]): void {
    this.roots = [...new Set(paths.map(normalize))].slice(0, MAX_WORKSPACE_FILES);
    this.rootSet = new Set(this.roots);
    this.rootNames = this.roots.map(basenameOf);
    this.rootFolders = new Set(this.roots.map(dirnameOf));
    this.workspaceFolders = new Map();
    this.plainFolders = new Map();
    this.copyRoots = new Map();
  }

  /** isPlainFolder, remembered per folder until the roots change (every zone of a named.conf asks for the same two). */
  private isPlainFolder(folder: string): boolean {
    let plain = this.plainFolders.get(folder);
    if (plain === undefined) this.plainFolders.set(folder, (plain = isPlainFolder(folder)));
    return plain;
  }

  /**
   * Is a path in this folder in a folder of one of the files, or below one? (Its ancestors are looked up: no scan of
   * the roots.)
   */
  private inWorkspaceFolder(dir: string): boolean {
    let inside = this.workspaceFolders.get(dir);
    if (inside === undefined) {
      inside = false;
      for (let d = dir, up = ''; d !== up && !inside; up = d, d = dirnameOf(d)) inside = this.rootFolders.has(d);
      this.workspaceFolders.set(dir, inside);
    }
    return inside;
  }

  /** The folder of a file, remembered for the last file asked (every zone of a named.conf asks for the same). */
  private folderOf(file: string): string {
    if (file !== this.lastFile) {
      this.lastFile = file;
      this.lastFolder = dirnameOf(file);
    }
    return this.lastFolder;
  }

  /** A `directory` resolved against a folder, remembered for the last pair asked. */
  private resolveFolder(base: string, directory: string): string {
    if (base !== this.lastBase || directory !== this.lastDirectory) {
      this.lastBase = base;
      this.lastDirectory = directory;
      this.lastResolved = resolveFrom(base, directory);
    }
    return this.lastResolved;
  }

  get files(): readonly string[] {
    return this.roots;
  }

  /** A file already analysed by the caller (the CLI's check): used as is instead of being read and parsed again. */
  seed(path: string, dialect: Dialect, text: string, analysis: Analysis): void {
    const p = normalize(path);
    this.texts.set(p, text);
    this.entries.set(p, { ...this.entryOf(p, dialect, text, analysis), seeded: true });
  }

  /** An entry from an analysis: its findings and facts, and its model when the file is small enough to keep it. */
  private entryOf(path: string, dialect: Dialect, text: string, analysis: Analysis, linkedOnly = false): IndexedFile {
    const keep = text.length <= (this.options.keepModelChars ?? KEEP_MODEL_CHARS);
    const facts = fileFacts(dialect, text, analysis);
    return { path, dialect, text, lines: analysis.lines, findings: analysis.findings, facts, model: keep ? analysis.parse.model : undefined, linkedOnly, stamp: ++this.stamps };
  }

  /** A file's parsed model: the one kept, or parsed again (a large file, for the analysis of its include tree). */
  private modelOf(f: IndexedFile): unknown {
    return f.model ?? parseSafely(f.dialect, f.text, INTERNAL_ERROR_RULE).parse.model;
  }

  /**
   * Read and parse one of the files (setFiles) now, if the next build would: a caller that cannot block for the
   * whole folder (the language server) loads them one at a time, yielding in between, and build() finds them done.
   * False when there was nothing to do.
   */
  prepare(path: string): boolean {
    if (!this.needsLoad(path)) return false;
    this.load(normalize(path), false);
    return true;
  }

  /**
   * A file analysed elsewhere (the language server's worker) from `text`, as the index would have analysed it: used by
   * the next build instead of reading and analysing the file. Refused (false) when the file was marked changed, or
   * everything cleared, since `generation` was taken (generationOf), or when it has an entry already.
   */
  offer(path: string, dialect: Dialect, text: string, parts: Pick<IndexedFile, 'lines' | 'findings' | 'facts'>, generation: string): boolean {
    const p = normalize(path);
    if (this.generationOf(p) !== generation || this.entries.has(p)) return false;
    this.texts.set(p, text);
    this.entries.set(p, { path: p, dialect, text, ...parts, linkedOnly: false, stamp: ++this.stamps });
    this.analysed += text.length;
    return true;
  }

  /** Changes to what the index knows of a path so far (see offer). */
  generationOf(path: string): string {
    return `${this.clears}/${this.changes.get(normalize(path)) ?? 0}`;
  }

  /**
   * Could a change to this file on disk change the next build? It is one of the files, or one the index read or
   * looked for (an include, a zone file, found or missing), or it sits in a folder whose listing told the index what
   * is there. Any other file (a README saved, a build output) changes nothing, and needs no rebuild.
   */
  mayMatter(path: string): boolean {
    const p = normalize(path);
    return this.rootSet.has(p) || this.entries.has(p) || this.texts.has(p) || this.listings.has(dirnameOf(p));
  }

  /** Would the next build read and analyse this file (it has no entry, and is not known to be missing)? */
  needsLoad(path: string): boolean {
    const p = normalize(path);
    return !this.entries.has(p) && !(this.texts.has(p) && this.texts.get(p) === undefined);
  }

  /** The dialect the index reads a file in, by the options' dialectFor. */
  dialectOf(path: string, text: string): Dialect | undefined {
    return this.options.dialectFor(normalize(path), text);
  }

  /** A file changed, appeared or vanished: read it again at the next build. */
  changed(path: string): void {
    this.changes.set(normalize(path), (this.changes.get(normalize(path)) ?? 0) + 1);
    this.entries.delete(normalize(path));
    this.texts.delete(normalize(path));
    this.listings.delete(dirnameOf(path));
    this.recentListings = [];
  }

  /** Forget everything (settings changed). */
  clear(): void {
    this.clears++;
    this.entries.clear();
    this.texts.clear();
    this.listings.clear();
    this.recentListings = [];
  }

  /** False when the folder's listing shows the path is not there; true when it may be (or cannot tell). */
  private mayExist(p: string): boolean {
    if (!this.options.list) return true;
    const i = p.lastIndexOf('/');
    if (i < 0) return true;
    // 20,000 zone files ask for the same few folders (each zone tries two: `directory`'s and the config's): the
    // folders asked last are compared in place before a folder is sliced off the path and looked up.
    const length = i === 0 ? 1 : i;
    const recent = this.recentListings;
    for (let k = 0; k < recent.length; k++) {
      const r = recent[k];
      if (r.dir.length === length && p.startsWith(r.dir)) return mayBeListed(r.listing, p.slice(i + 1));
    }
    return mayBeListed(this.listingOf(i === 0 ? '/' : p.slice(0, i)), p.slice(i + 1));
  }

  /** mayExist for a path whose folder and name are known (isPlainName): the listing is found without slicing the path. */
  private mayExistIn(dir: string, name: string): boolean {
    if (!this.options.list) return true;
    const recent = this.recentListings;
    for (let k = 0; k < recent.length; k++) if (recent[k].dir === dir) return mayBeListed(recent[k].listing, name);
    return mayBeListed(this.listingOf(dir), name);
  }

  /** A folder's listing, listed on the first ask; remembered among the recent ones (options.list is set). */
  private listingOf(dir: string): Listing | undefined {
    let listing: Listing | undefined;
    if (this.listings.has(dir)) listing = this.listings.get(dir);
    else {
      const names = this.options.list!(dir);
      this.listings.set(dir, (listing = names && { names }));
    }
    if (this.recentListings.length >= RECENT_LISTINGS) this.recentListings.shift();
    this.recentListings.push({ dir, listing });
    return listing;
  }

  private load(path: string, linkedOnly: boolean, forced?: Dialect): IndexedFile | undefined {
    return this.loadNormal(normalize(path), linkedOnly, forced);
  }

  /** load() of a normal path; with its folder and name when known (isPlainName), to look it up in the folder's listing. */
  private loadNormal(p: string, linkedOnly: boolean, forced?: Dialect, dir?: string, name?: string): IndexedFile | undefined {
    const cached = this.entries.get(p);
    if (cached && (!forced || cached.dialect === forced)) {
      if (!linkedOnly) cached.linkedOnly = false;
      return cached;
    }
    let text: string | undefined;
    if (this.texts.has(p)) text = this.texts.get(p);
    // Missing by its folder's listing (kept until the folder changes): not remembered path by path.
    else if (!(dir === undefined || name === undefined ? this.mayExist(p) : this.mayExistIn(dir, name))) return undefined;
    else this.texts.set(p, (text = this.options.read(p)));
    // An included file is in its includer's language, a zone `file` a zone file, whatever their names.
    const dialect = text === undefined ? undefined : (forced ?? this.options.dialectFor(p, text));
    if (text === undefined || !dialect) return undefined;
    const analysis = analyze(dialect, text, this.options.settingsFor?.(p) ?? DEFAULT_SETTINGS, { path: p });
    this.analysed += text.length;
    const entry = this.entryOf(p, dialect, text, analysis, linkedOnly);
    this.entries.set(p, entry);
    return entry;
  }

  build(): WorkspaceModel {
    const files = new Map<string, IndexedFile>();
    const problems: WorkspaceModel['problems'] = [];
    for (const p of this.roots) {
      const f = this.load(p, false);
      if (f) files.set(f.path, f);
    }
    // Includes: followed from every file, resolved like the daemon would, mapped into the workspace.
    const queue = [...files.values()];
    const edges: [string, string][] = [];
    while (queue.length && files.size < MAX_WORKSPACE_FILES) {
      const f = queue.shift()!;
      for (const l of f.facts.links) {
        if (l.kind !== 'include') continue;
        const here = this.folderOf(f.path);
        const folder = l.directory ? this.resolveFolder(here, l.directory) : here;
        if (l.glob) {
          // A wildcard (Include sshd_config.d/*.conf, IncludeOptional sites-enabled/*.conf) names the workspace's own
          // files, by path or as a copy of the server's; the machine's folders are not listed. Matching nothing is
          // fine (httpd's IncludeOptional, sshd).
          for (const found of this.globMatches(l.target, f.path, folder, here)) {
            edges.push([f.path, found]);
            if (files.has(found)) continue;
            const g = this.load(found, true, f.dialect);
            if (g) {
              files.set(g.path, g);
              queue.push(g);
            }
          }
          continue;
        }
        const found = this.locate(l.target, f.path, folder, files, f.dialect);
        if (!found) {
          problems.push(this.missing(f.path, l.span, 'include', l.target, folder, here, undefined));
          continue;
        }
        edges.push([f.path, found]);
        if (files.has(found)) continue;
        const g = files.get(found) ?? this.load(found, true, f.dialect);
        if (g) {
          files.set(g.path, g);
          queue.push(g);
        }
      }
    }
    // The rc.conf files of one etc folder are one configuration: the rc scripts read rc.conf, rc.conf.local and
    // rc.conf.d/<script> together (defaults/rc.conf rc_conf_files, rc.subr load_rc_config), so each is analysed
    // with the others in view (rcconf/no-ipv6-route: ipv6_defaultrouter set in rc.conf.local).
    const rcconfByEtc = new Map<string, string>();
    for (const f of files.values()) {
      const place = f.dialect.name === 'rcconf' ? rcconfPlace(f.path) : undefined;
      if (!place) continue;
      const first = rcconfByEtc.get(place.etc);
      if (first === undefined) rcconfByEtc.set(place.etc, f.path);
      else edges.push([first, f.path]);
    }
    this.analyseTrees(files, edges, problems);
    const zones = this.joinZones(files, problems);
    const { addresses, delegations } = zoneFacts(zones, files);
    const services = serviceFacts([...files.values()], delegations);
    this.byName = undefined;
    return { files: [...files.values()], services, zones, addresses, delegations, problems };
  }

  /**
   * Files joined by includes are analysed again with the rest of their tree in view (RuleContext.linked), so an
   * acl defined in one file counts where another uses it, as in `check` and the editor. Trees of one file, and
   * trees unchanged since the last build, are left as they are.
   */
  private analyseTrees(files: Map<string, IndexedFile>, edges: readonly [string, string][], problems: WorkspaceModel['problems']): void {
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      let r = x;
      while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
      parent.set(x, r);
      return r;
    };
    for (const [a, b] of edges) parent.set(find(a), find(b));
    const trees = new Map<string, IndexedFile[]>();
    for (const f of files.values()) {
      const root = find(f.path);
      trees.set(root, [...(trees.get(root) ?? []), f]);
    }
    for (const members of trees.values()) {
      if (members.length < 2) continue;
      // An include of the tree that is not in the workspace may define what the others use (linkedPartial).
      const partial = members.some((m) => problems.some((p) => p.site.file === m.path));
      const key = members.map((m) => `${m.path}#${m.stamp}`).sort().join('\n') + (partial ? '\npartial' : '');
      // Models parsed again for this tree (files too large to keep theirs), once each.
      const models = new Map<IndexedFile, unknown>();
      const modelOf = (m: IndexedFile) => {
        if (!models.has(m)) models.set(m, this.modelOf(m));
        return models.get(m);
      };
      for (const f of members) {
        if (f.seeded || f.treeKey === key) continue;
        const linked = members.filter((m) => m !== f && m.dialect === f.dialect).map((m) => ({ path: m.path, text: m.text, lines: m.lines, model: modelOf(m) }));
        if (linked.length === 0) continue;
        // The model, and so the facts, do not depend on the other files: only the findings change.
        this.analysed += f.text.length;
        f.findings = analyze(f.dialect, f.text, this.options.settingsFor?.(f.path) ?? DEFAULT_SETTINGS, { linked, linkedPartial: partial, includesFollowed: false, lines: f.lines, path: f.path }).findings;
        f.treeKey = key;
      }
    }
  }

  /**
   * Find the file a config points at: in `folder` (where the daemon resolves it: its `directory`, else the config's
   * own folder), else relative to the config, else by its path's tail. The paths tried are triedPaths(folder, ...).
   */
  private locate(target: string, from: string, folder: string, files: Map<string, IndexedFile>, forced?: Dialect): string | undefined {
    const here = this.folderOf(from);
    // A plain name (a zone's `file "db.z7"`) joined to plain folders (isPlainName): the paths need no resolving, their
    // folders and name are known, and when no file of the build (nor a root) has that name, neither path is one of
    // them and no copy has it. A named.conf with 20,000 zones asks this for each.
    const joined = isPlainName(target) && this.isPlainFolder(folder) && (folder === here || this.isPlainFolder(here));
    const daemons = joined ? `${folder}/${target}` : resolveFrom(folder, target);
    const beside = folder === here ? daemons : joined ? `${here}/${target}` : resolveFrom(here, target);
    const known = !joined || this.named(target, files).length > 0;
    if (known && files.has(daemons)) return daemons;
    if (known && beside !== daemons && files.has(beside)) return beside;
    // A file of the workspace whose path ends like the daemon's wins over a file read from outside it: a copy of a
    // server's configs (etc/bind/...) checked on a machine with its own /etc/bind must not take that machine's
    // named.conf.options for its own (listed twice in the report, and judged from the wrong file).
    // A path inside the workspace's folders (a relative include beside its includer) is read first, as before.
    const outside = !this.inWorkspaceFolder(joined ? folder : dirnameOf(daemons));
    // Read where it is, with its folder and name when they are known (joined): no path taken apart again.
    const loadAt = (p: string, dir: string) => (joined ? this.loadNormal(p, true, forced, dir, target) : this.load(p, true, forced));
    // A config in a copy of a server's files (paths.ts copyRootAbove) reads the copy's file, else one beside it, else
    // one the copy holds with that tail: never the checking machine's own (a CI runner's /etc/bind is not the server's).
    const root = this.copyRootFor(from, folder, target);
    if (root !== undefined) {
      const own = root + daemons;
      if (this.load(own, true, forced)) return own;
      if (beside !== daemons && loadAt(beside, here)) return beside;
      const tail = known ? this.sameTail(daemons, from, files) : undefined;
      return tail !== undefined && this.load(tail, true, forced) ? tail : undefined;
    }
    const copy = outside && known ? this.sameTail(daemons, from, files) : undefined;
    if (copy !== undefined && this.load(copy, true, forced)) return copy;
    // Where the daemon looks, unless that is this machine's folder and not the server's (machineMayHold).
    if ((!outside || machineMayHold(from, daemons)) && loadAt(daemons, folder)) return daemons;
    if (beside !== daemons && loadAt(beside, here)) return beside;
    const tail = outside || !known ? undefined : this.sameTail(daemons, from, files);
    return tail !== undefined && this.load(tail, true, forced) ? tail : undefined;
  }

  /**
   * The workspace files a wildcard include names: those matching the pattern as the daemon resolves it, or failing
   * that as resolved beside the includer, by the longest tail they share with it (matchByTail), in a folder that
   * holds the includer (so a copy's `etc/ssh/sshd_config.d` counts for its own `etc/ssh/sshd_config`, not another
   * copy's). Never the includer itself.
   */
  private globMatches(target: string, from: string, folder: string, here: string): string[] {
    const holdsIncluder = (prefix: string) => prefix === '/' || here === prefix || here.startsWith(prefix + '/');
    const others = this.roots.filter((p) => p !== from);
    const daemons = resolveFrom(folder, target);
    const hits = matchByTail(daemons, others, holdsIncluder);
    if (hits.length || folder === here) return hits;
    return matchByTail(resolveFrom(here, target), others, holdsIncluder);
  }

  /** A target locate did not find, with where it looked. */
  private missing(from: string, span: Span, what: 'include' | 'zone file', target: string, folder: string, here: string, zone?: string): MissingFile {
    const root = this.copyRootFor(from, folder, target);
    const daemons = resolveFrom(folder, target);
    const notRead = root === undefined && !this.inWorkspaceFolder(dirnameOf(daemons)) && !machineMayHold(from, daemons);
    return new MissingFile(from, span, what, target, folder, here, zone, root, notRead);
  }

  /**
   * The copy of a server's files locate reads a target from, for a config at `from` (undefined: none, or the target is
   * in a workspace folder); MissingFile names the path it tried there.
   */
  private copyRootFor(from: string, folder: string, target: string): string | undefined {
    // A plain name in a plain folder (20,000 zone files not found) is in that folder: nothing to resolve.
    const dir = isPlainName(target) && this.isPlainFolder(folder) ? folder : dirnameOf(resolveFrom(folder, target));
    return this.inWorkspaceFolder(dir) ? undefined : this.copyRoot(this.folderOf(from), dir);
  }

  /** copyRootAbove for a config's folder and a server folder, `/` (in place) as undefined; remembered per pair. */
  private copyRoot(folder: string, daemonFolder: string): string | undefined {
    const key = `${folder}\u0000${daemonFolder}`;
    let root = this.copyRoots.get(key);
    if (root === undefined) this.copyRoots.set(key, (root = copyRootAbove(folder, daemonFolder) ?? '/'));
    return root === '/' ? undefined : root;
  }

  /**
   * The workspace file whose path ends like `daemons` (the longest such tail, the copy nearest `from` among equals),
   * within the includer's own copy when it is in one.
   */
  private sameTail(daemons: string, from: string, files: Map<string, IndexedFile>): string | undefined {
    // The configs are a copy of the server's (etc/bind/... in a repository): the workspace file whose path ends
    // like the daemon's path, the longest such tail winning, and only when one file has it.
    // An includer whose folders repeat the daemon's folder is in a copy (paths.ts copyRootAbove: /srv/a for
    // /srv/a/etc/bind and /etc/bind/zones): it takes files from that copy only. Copies of two hosts side by side (/srv/a, /srv/b) are two servers, and a's include
    // of a file only b has is missing for a, not b's file.
    const same = this.named(basenameOf(daemons), files);
    if (same.length === 0) return undefined;
    const root = this.copyRoot(this.folderOf(from), dirnameOf(daemons));
    let best = 0;
    let hits: string[] = [];
    for (let i = 0; i < same.length; i++) {
      if (root !== undefined && !isUnder(same[i], root)) continue;
      const n = sharedSuffix(same[i], daemons);
      if (n > best) (best = n), (hits = [same[i]]);
      else if (n === best) hits.push(same[i]);
    }
    // Several copies (one per host or per branch in a repository): the one nearest the config that names it.
    if (hits.length > 1) {
      const near = (p: string) => commonPrefix(p, from);
      const top = Math.max(...hits.map(near));
      hits = hits.filter((p) => near(p) === top);
    }
    return hits.length === 1 ? hits[0] : undefined;
  }

  /**
   * The roots and the build's other files that have this name. Indexed by name once per build (the files only grow
   * during one), not compared with every file per call: 20,000 zone files not found, in a check of 300 configs, were
   * 6,000,000 comparisons.
   */
  private named(name: string, files: Map<string, IndexedFile>): readonly string[] {
    let ix = this.byName;
    if (ix?.files !== files || ix.indexed < files.size) {
      const fresh = ix?.files !== files;
      if (fresh) ix = this.byName = { files, indexed: 0, names: new Map() };
      const { names, indexed } = ix!;
      const add = (base: string, p: string) => {
        const list = names.get(base);
        if (list) list.push(p);
        else names.set(base, [p]);
      };
      if (fresh) for (let i = 0; i < this.roots.length; i++) add(this.rootNames[i], this.roots[i]);
      let i = 0;
      for (const p of files.keys()) if (i++ >= indexed && !this.rootSet.has(p)) add(basenameOf(p), p);
      ix!.indexed = files.size;
    }
    return ix!.names.get(name) ?? NO_PATHS;
  }

  private joinZones(files: Map<string, IndexedFile>, problems: WorkspaceModel['problems']): ZoneJoin[] {
    const binds = [...files.values()].filter((f) => f.dialect.name === 'bind');
    // `directory` may sit in another file of the tree (Debian: named.conf.options); the first one found counts.
    // A relative `directory` is taken from the folder of the file that sets it.
    let directory: string | undefined;
    for (const f of binds) {
      const d = f.facts.bindDirectory;
      if (d && directory === undefined) directory = resolveFrom(dirnameOf(f.path), d);
    }
    const out: ZoneJoin[] = [];
    for (const f of binds) {
      const refs = f.facts.zoneFiles;
      const here = this.folderOf(f.path);
      for (let i = 0; i < refs.length; i++) {
        const { link: l, name, nameSpan, hint } = refs[i];
        if (name === '.' || hint) continue;
        const join = new JoinedZone(canonical(name), f.path, nameSpan, l.span);
        const folder = l.directory ? this.resolveFolder(here, l.directory) : (directory ?? here);
        const found = this.locate(l.target, f.path, folder, files, zoneDialect);
        if (found) {
          const z = files.get(found) ?? this.load(found, true, zoneDialect);
          if (z && z.dialect.name === 'zone') {
            files.set(z.path, z);
            join.zoneFile = z.path;
          }
        } else {
          problems.push(this.missing(f.path, l.span, 'zone file', l.target, folder, here, join.zone));
        }
        out.push(join);
      }
    }
    return out;
  }
}

/**
 * A zone of a named.conf joined with its zone file. Its sites are made when read: the editor's index keeps a join for
 * each of a named.conf's 20,000 zones, two objects fewer each.
 */
class JoinedZone implements ZoneJoin {
  zoneFile?: string;

  constructor(
    readonly zone: string,
    readonly conf: string,
    private readonly nameSpan: Span,
    private readonly fileSpan: Span,
  ) {}

  get site(): Site {
    return { file: this.conf, span: this.nameSpan };
  }

  get fileSite(): Site {
    return { file: this.conf, span: this.fileSpan };
  }
}

/**
 * An include or zone `file` that is not in the workspace. Its site, the paths tried and its message are made when
 * read: a check of a named.conf whose 20,000 zone files are elsewhere built 20,000 messages that only the readiness
 * report reads, and the editor's index kept them.
 */
export class MissingFile {
  constructor(
    private readonly file: string,
    private readonly span: Span,
    private readonly what: 'include' | 'zone file',
    private readonly target: string,
    /** Where the daemon looks (its `directory`, else the config's folder) and the config's own folder. */
    private readonly folder: string,
    private readonly here: string,
    private readonly zone?: string,
    /** The copy of a server's files the config lies in (locate), whose file was looked for instead. */
    private readonly root?: string,
    /** Where the daemon looks is this machine's folder, not the server's (paths.ts machineMayHold): not looked at. */
    private readonly notRead = false,
  ) {}

  get site(): Site {
    return { file: this.file, span: this.span };
  }

  /** The paths locate tried, in its order: where the daemon looks, then beside the config. */
  get tried(): string[] {
    const server = resolveFrom(this.folder, this.target);
    const daemons = this.root === undefined || !isAbsolutePath(server) ? server : this.root + server;
    // An absolute target is the same path beside the config (in the copy, when it is in one).
    const beside = isAbsolutePath(this.target) ? daemons : resolveFrom(this.here, this.target);
    if (this.notRead) return beside === daemons ? [] : [beside];
    return beside === daemons ? [daemons] : [daemons, beside];
  }

  get message(): string {
    const of = this.zone === undefined ? '' : ` of zone ${displayName(this.zone)}`;
    const tried = this.tried.length > 0 ? ` (tried ${this.tried.join(', ')})` : '';
    const daemons = resolveFrom(this.folder, this.target);
    if (this.notRead) return `${notOnThisMachine(`${this.what} '${this.target}'${of}${daemons === this.target ? '' : ` (${daemons})`}`)}${tried}`;
    return `${this.what} '${this.target}'${of} is not in the workspace${tried}`;
  }
}

interface Listing {
  names: ReadonlySet<string>;
  /** The names case-folded and NFC-normalised, made on the first name not found as written. */
  folded?: Set<string>;
}

function fold(name: string): string {
  // ASCII without capitals is folded already (most zone file names): no copies made per name.
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c > 127 || (c >= 65 && c <= 90)) return name.normalize('NFC').toLowerCase();
  }
  return name;
}

/** False when a folder's listing shows the name is not there; true when it may be (or there is no listing). */
function mayBeListed(listing: Listing | undefined, name: string): boolean {
  if (!listing) return true;
  if (listing.names.has(name)) return true;
  // An empty (or missing) folder has no other spelling either: no folding per name.
  if (listing.names.size === 0) return false;
  // Case-insensitive or normalising file systems (macOS, Windows) open a name under another spelling: read it.
  listing.folded ??= new Set([...listing.names].map(fold));
  return listing.folded.has(fold(name));
}

/** How many leading path segments two paths share. */
function commonPrefix(a: string, b: string): number {
  const x = normalize(a).split('/');
  const y = normalize(b).split('/');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/** Lower case with a trailing dot. */
export function canonical(name: string): string {
  // Printable ASCII without capitals (most zone names) has nothing to trim or lower: 20,000 zones skip both.
  let plain = name.length > 0;
  for (let i = 0; i < name.length && plain; i++) {
    const c = name.charCodeAt(i);
    plain = c > 32 && c < 127 && (c < 65 || c > 90);
  }
  const n = plain ? name : name.trim().toLowerCase();
  return n.endsWith('.') ? n : `${n}.`;
}

export function displayName(name: string): string {
  return name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name;
}

/** A zone-file name made absolute with the zone's name when the file does not know its origin (`www.@`). */
function absolutize(name: string, zone: string): string {
  if (name === '@') return zone;
  if (name.endsWith('.@')) return name.slice(0, -1) + zone;
  return name;
}

export function isSubdomainOf(name: string, zone: string): boolean {
  return name === zone || zone === '.' || name.endsWith(`.${zone}`);
}

function zoneFacts(zones: readonly ZoneJoin[], files: Map<string, IndexedFile>): { addresses: Map<string, AddressRecord[]>; delegations: DelegationRecord[] } {
  const addresses = new Map<string, AddressRecord[]>();
  const delegations: DelegationRecord[] = [];
  const seen = new Set<string>();
  for (const z of zones) {
    if (!z.zoneFile || seen.has(`${z.zone} ${z.zoneFile}`)) continue;
    seen.add(`${z.zone} ${z.zoneFile}`);
    const f = files.get(z.zoneFile)!;
    for (const r of f.facts.records) {
      const owner = absolutize(r.owner, z.zone);
      const site = { file: f.path, span: r.span };
      const type = r.type;
      if (type === 'A' || type === 'AAAA') {
        const list = addresses.get(owner) ?? [];
        list.push({ owner, type, address: r.address, site, zone: z.zone });
        addresses.set(owner, list);
      } else if (r.target) delegations.push({ zone: z.zone, owner, target: absolutize(r.target, z.zone), type, site });
    }
  }
  return { addresses, delegations };
}

// ------------------------------------------------------------------------------------------ services

const ACCESS_RULES: Partial<Record<ServiceKind, string[]>> = {
  dns: ['bind/ipv4-only-acl'],
  web: ['apache/ipv4-only-access'],
  ssh: ['sshd/ipv4-only-match'],
};

function serviceFacts(files: readonly IndexedFile[], delegations: readonly DelegationRecord[]): ServiceFacts[] {
  const out: ServiceFacts[] = [];
  for (const kind of SERVICE_KINDS) {
    const mine = files.filter((f) => DIALECT_SERVICE[f.dialect.name] === kind);
    if (mine.length === 0) continue;
    const listen = LISTEN[kind](mine);
    const names = namesOf(kind, mine);
    if (kind === 'dns') for (const d of delegations) if (d.type === 'NS') names.push({ name: d.target, service: 'dns', source: 'NS', site: d.site, host: true });
    if (kind === 'mail') for (const d of delegations) if (d.type === 'MX') names.push({ name: d.target, service: 'mail', source: 'MX', site: d.site, host: true });
    const rules = ACCESS_RULES[kind];
    let admitsV6: boolean | undefined;
    let admitsSite: ServiceFacts['admitsSite'];
    if (rules) {
      const hit = firstFinding(mine, (x) => rules.includes(x.rule));
      admitsV6 = !hit;
      if (hit) admitsSite = { file: hit.file, span: hit.finding.span, message: hit.finding.message };
    }
    out.push({ kind, files: mine.map((f) => f.path), listen, admitsV6, admitsSite, names: dedupeNames(names) });
  }
  return out;
}

/** The names without repeats (the same name, source and place), compared without a key string per name. */
function dedupeNames(names: ServedName[]): ServedName[] {
  const kept = new Map<string, Map<number, ServedName[]>>();
  return names.filter((n) => {
    let inFile = kept.get(n.site.file);
    if (!inFile) kept.set(n.site.file, (inFile = new Map()));
    const here = inFile.get(n.site.span.start);
    if (!here) {
      inFile.set(n.site.span.start, [n]);
      return true;
    }
    if (here.some((m) => m.name === n.name && m.source === n.source)) return false;
    here.push(n);
    return true;
  });
}

function firstFinding(files: readonly IndexedFile[], pred: (f: Finding) => boolean): { file: string; finding: Finding } | undefined {
  for (const f of files) {
    const finding = f.findings.find(pred);
    if (finding) return { file: f.path, finding };
  }
  return undefined;
}

const LISTEN: Record<ServiceKind, (files: readonly IndexedFile[]) => ListenFacts> = {
  dns(files) {
    // named listens on IPv6 unless every listen-on-v6 admits nothing (the default is `listen-on-v6 { any; }`).
    let v6Clauses = 0;
    let v6Open = false;
    let v6Loopback = false;
    let v4Clauses = 0;
    let v4Open = false;
    let v4Loopback = false;
    let site: Site | undefined;
    let optionsSite: Site | undefined;
    for (const f of files) {
      const { options, v6: listenOnV6, v4: listenOn } = f.facts.bindListen;
      if (options) optionsSite ??= { file: f.path, span: options };
      for (const c of listenOnV6) {
        v6Clauses++;
        site ??= { file: f.path, span: c.span };
        if (c.admits) v6Open = true;
        if (c.loopbackOnly) v6Loopback = true;
      }
      for (const c of listenOn) {
        v4Clauses++;
        if (c.admits) v4Open = true;
        if (c.loopbackOnly) v4Loopback = true;
      }
    }
    const v6 = v6Clauses === 0 ? true : v6Open;
    const v4 = v4Clauses === 0 ? true : v4Open;
    return {
      v4,
      v6,
      loopbackOnly: { v4: !v4 && v4Loopback, v6: !v6 && v6Loopback },
      site: site ?? optionsSite ?? { file: files[0].path, span: { start: 0, end: 0 } },
      detail:
        v6Clauses === 0
          ? 'no listen-on-v6: named listens on every IPv6 address (default any)'
          : v6
            ? 'listen-on-v6 admits IPv6 addresses'
            : v6Loopback
              ? 'listen-on-v6 admits only the loopback address ::1 (this host only)'
              : 'every listen-on-v6 admits no IPv6 address',
    };
  },
  web(files) {
    const facts = files.flatMap((f) => f.facts.apacheListen.map((x) => ({ f, x })));
    if (facts.length === 0) return { detail: 'no Listen directive in the workspace' };
    // A Listen on a loopback address ([::1]:80, 127.0.0.1:80) serves this host only: it does not count.
    const isV6 = (x: ApacheListen) => x.binding === 'dual' || (x.binding === 'ipv6' && !x.loopback);
    const isV4 = (x: ApacheListen) => x.binding === 'dual' || (x.binding === 'ipv4' && !x.loopback);
    const v6 = facts.some(({ x }) => isV6(x));
    const v4 = facts.some(({ x }) => isV4(x));
    const unknown = facts.some(({ x }) => x.binding === 'name');
    const decisive = facts.find(({ x }) => (v6 ? isV6(x) : isV4(x))) ?? facts[0];
    const local = (binding: ListenBinding) => facts.some(({ x }) => x.binding === binding && x.loopback);
    return {
      v4: v4 || (unknown ? undefined : false),
      v6: v6 || (unknown ? undefined : false),
      loopbackOnly: { v4: !v4 && !unknown && local('ipv4'), v6: !v6 && !unknown && local('ipv6') },
      site: { file: decisive.f.path, span: decisive.x.arg },
      detail: facts.map(({ x }) => `Listen ${x.arg.value}${x.loopback ? ' (loopback: this host only)' : ''}`).join(', '),
    };
  },
  mail(files) {
    const daemons = files.flatMap((f) => f.facts.daemons.map((d) => ({ f, d })));
    if (daemons.length === 0) {
      // Without DAEMON_OPTIONS, cf.m4 defines one MTA daemon: Family=inet, all IPv4 addresses, port 25.
      return { v4: true, v6: false, site: { file: files[0].path, span: { start: 0, end: 0 } }, detail: 'no DAEMON_OPTIONS: the default MTA daemon is IPv4 only' };
    }
    // A daemon on a loopback address (Addr=::1, Addr=127.0.0.1) serves this host only: it does not count.
    const v6 = daemons.filter(({ d }) => d.family === 'inet6' && d.consistent && !d.loopback);
    const v4 = daemons.filter(({ d }) => (d.family === 'inet' && !d.loopback) || (d.family === 'inet6' && d.addrKind === 'any'));
    const decisive = v6[0] ?? v4[0] ?? daemons[0];
    const local = (family: string) => daemons.some(({ d }) => d.family === family && d.loopback);
    return {
      v4: v4.length > 0,
      v6: v6.length > 0,
      loopbackOnly: { v4: v4.length === 0 && local('inet'), v6: v6.length === 0 && local('inet6') },
      site: { file: decisive.f.path, span: { start: decisive.d.call.start, end: decisive.d.call.end } },
      detail: daemons.map(({ d }) => `${d.name ?? 'daemon'} ${d.family}${d.addr ? ` ${d.addr}` : ''} port ${d.port}${d.loopback ? ' (loopback: this host only)' : ''}`).join(', '),
    };
  },
  ssh(files) {
    let v4 = false;
    let v6 = false;
    let unknown = false;
    let any = false;
    let loopback = false;
    let site: Site | undefined;
    let family: string | undefined;
    for (const f of files) {
      const by = f.facts.sshd;
      if (by.family && family === undefined) {
        family = by.family.value;
        site ??= { file: f.path, span: by.family.span };
      }
      if (by.all === 0) continue;
      any = true;
      v4 ||= by.v4 > 0;
      v6 ||= by.v6 > 0;
      unknown ||= by.names > 0;
      loopback ||= by.loopback > 0;
      if (by.first) site ??= { file: f.path, span: by.first };
    }
    if (!any) {
      v4 = true;
      v6 = true;
    }
    if (family === 'inet') v6 = false;
    if (family === 'inet6') v4 = false;
    // The facts count loopback ListenAddresses of both families together: only "every one is loopback" is known.
    const allLocal = loopback && !v4 && !v6 && !unknown;
    return {
      v4: v4 || (unknown ? undefined : false),
      v6: v6 || (unknown && family !== 'inet' ? undefined : false),
      loopbackOnly: { v4: allLocal && family !== 'inet6', v6: allLocal && family !== 'inet' },
      site: site ?? { file: files[0].path, span: { start: 0, end: 0 } },
      detail: `${any ? `ListenAddress${loopback && !v4 && !v6 && !unknown ? ' on loopback addresses only (this host only)' : ''}` : 'no ListenAddress (all addresses)'}${family ? `, AddressFamily ${family}` : ''}`,
    };
  },
  os(files) {
    // The OS layer is ready when the host has an IPv6 address other hosts can reach and a route: rcconf/no-ipv6-route
    // says when the route is missing. Without ifconfig_<if>_ipv6 (or accept_rtadv ...) FreeBSD leaves IPv6 disabled on
    // an interface (ipv6_activate_all_interfaces=NO, the default): a host whose rc.conf configures interfaces but no
    // IPv6 has none.
    const nets = files.map((f) => ({ f, net: f.facts.rcconf }));
    const v4At = nets.find(({ net }) => net.v4);
    const v6At = nets.find(({ net }) => net.v6);
    const ifaces = nets.reduce((n, { net }) => n + net.interfaces, 0);
    const v4 = v4At ? true : ifaces > 0 ? false : undefined;
    const hit = firstFinding(files, (x) => x.rule === 'rcconf/no-ipv6-route');
    if (hit) return { v4, v6: false, site: { file: hit.file, span: hit.finding.span }, detail: 'IPv6 addresses but no IPv6 default route' };
    if (v6At) return { v4, v6: true, site: { file: v6At.f.path, span: v6At.net.v6!.span }, detail: `IPv6 address and route: ${v6At.net.v6!.how}` };
    const firstIface = nets.find(({ net }) => net.first);
    if (firstIface) {
      return {
        v4,
        v6: false,
        site: { file: firstIface.f.path, span: firstIface.net.first! },
        detail: 'no IPv6 address: no ifconfig_<if>_ipv6 and no interface accepting router advertisements (FreeBSD disables IPv6 on such interfaces unless ipv6_activate_all_interfaces=YES, and then gives them link-local addresses only)',
      };
    }
    return { v4, site: { file: files[0].path, span: { start: 0, end: 0 } }, detail: 'no network interface configured in the rc.conf files' };
  },
};

/** The names the files say the service answers to (file-facts.ts reads them per dialect). */
function namesOf(service: ServiceKind, files: readonly IndexedFile[]): ServedName[] {
  return files.flatMap((f) => f.facts.names.map((n: NameFact) => ({ name: canonical(n.host), service, source: n.source, site: { file: f.path, span: n.span }, host: n.isHost })));
}

/** Per model, its joined zones that have a file, the first join of each zone name (zoneOf). */
const JOINED_BY_ZONE = new WeakMap<WorkspaceModel, Map<string, ZoneJoin>>();

/**
 * The joined zone (in the workspace, with its file) that holds a name: the longest zone name that is its suffix
 * (isSubdomainOf), the first join of that zone. Each suffix after a '.' is looked up, longest first: compared with
 * every zone, 15,000 served names of an httpd.conf against 20,000 joined zones were 300 million comparisons.
 */
export function zoneOf(ws: WorkspaceModel, name: string): ZoneJoin | undefined {
  let byZone = JOINED_BY_ZONE.get(ws);
  if (!byZone) {
    byZone = new Map();
    for (const z of ws.zones) if (z.zoneFile && !byZone.has(z.zone)) byZone.set(z.zone, z);
    JOINED_BY_ZONE.set(ws, byZone);
  }
  for (let suffix = name; ; ) {
    const z = byZone.get(suffix);
    if (z) return z;
    const dot = suffix.indexOf('.');
    if (dot < 0) break;
    suffix = suffix.slice(dot + 1);
  }
  return byZone.get('.');
}

export function serviceOf(ws: WorkspaceModel, kind: ServiceKind): ServiceFacts | undefined {
  return ws.services.find((s) => s.kind === kind);
}
