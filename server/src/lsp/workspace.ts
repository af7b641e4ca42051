// The workspace model in the editor: the config files of the workspace folders indexed in the background (with
// a progress notification), kept current as files change (open documents first, then watched files on disk),
// the cross-file rules' findings published for every file they land in, and the readiness report on request.
// Reads only inside the workspace folders (and open documents), as an untrusted workspace requires.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import { dialectForPath } from '../core/registry';
import type { Settings } from '../core/settings';
import { LineIndex } from '../core/text';
import { WorkspaceIndex, type WorkspaceModel } from '../workspace/model';
import { basenameOf, dirnameOf } from '../workspace/paths';
import { buildReport, type ReadinessReport } from '../workspace/report';
import { runWorkspaceRules, type WorkspaceFinding } from '../workspace/rule';
import { WORKSPACE_RULES } from '../workspace/rules';
import { toDiagnostic } from './convert';
import { LARGE_DOCUMENT_CHARS } from './limits';
import { listNames } from '../cli/disk';
import { fileSize, pathOf, readTextFile, underFolders } from './files';
import { mayRead } from './navigation';
import type { Session } from './session';

export const REPORT_REQUEST = 'v6ready/readinessReport';
/** Files the folder walk looks at, at most (a workspace that is a whole disk still ends). */
export const MAX_INDEXED_FILES = 5000;
const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** How many times a large open document is sent to the worker for one rebuild, when saved again meanwhile. */
const WORKER_ATTEMPTS = 4;
const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn', '.cache', 'dist']);
const REBUILD_DELAY_MS = 300;
/** While indexing, the server reads files for this long before it lets waiting requests and edits in. */
const INDEX_SLICE_MS = 20;


export class WorkspaceService {
  folders: string[] = [];
  private readonly index: WorkspaceIndex;
  private model?: WorkspaceModel;
  private findings = new Map<string, WorkspaceFinding[]>();
  private published = new Set<string>();
  private timer?: NodeJS.Timeout;
  /** Large open documents edited since the index last read them (documentChanged). */
  private readonly editedLarge = new Set<string>();
  private building?: Promise<void>;
  private indexed?: Promise<void>;
  /** Called after a rebuild for each open document whose workspace findings may have changed. */
  relint: (uri: string) => void = () => undefined;

  constructor(private readonly session: Session) {
    this.index = new WorkspaceIndex({
      read: (p) => this.read(p),
      list: (dir) => this.list(dir),
      dialectFor: (p) => dialectForPath(p),
      settingsFor: (p) => this.settingsFor(p),
    });
  }

  private inFolders(path: string): boolean {
    return underFolders(this.folders, path);
  }

  /** Open documents win over the disk; nothing outside the workspace folders is read. */
  private read(path: string): string | undefined {
    for (const doc of this.session.documents.all()) if (pathOf(doc.uri) === path) return doc.getText();
    // mayRead: inside the folders and, in an untrusted workspace, still inside once symlinks are resolved.
    return this.inFolders(path) && mayRead(path) ? readTextFile(path, MAX_FILE_BYTES) : undefined;
  }

  /**
   * A folder's names, for the index's existence checks: a named.conf of 20,000 zones whose files are not in the
   * workspace costs two listings instead of 40,000 failed reads. Open documents in the folder count as present.
   * Undefined (ask per path) outside the workspace folders, or for a folder too large to list.
   */
  private list(dir: string): ReadonlySet<string> | undefined {
    if (!this.inFolders(dir) || !mayRead(dir)) return undefined;
    const names = listNames(dir);
    if (!names) return undefined;
    const open = new Set(names);
    for (const doc of this.session.documents.all()) {
      const p = pathOf(doc.uri);
      if (p && dirnameOf(p) === dir) open.add(basenameOf(p));
    }
    return open;
  }

  /** Index the folders (once), reporting progress to the client while it runs. */
  start(): Promise<void> {
    this.indexed ??= this.indexFolders();
    return this.indexed;
  }

  private async indexFolders(): Promise<void> {
    if (this.folders.length === 0) return;
    let progress: { begin(title: string, pct?: number, msg?: string, cancellable?: boolean): void; report(pct: number, msg?: string): void; done(): void } | undefined;
    try {
      if (this.session.client.workDoneProgress) {
        // A client that refuses the progress token still gets the index, without the progress bar.
        progress = await this.session.connection.window.createWorkDoneProgress().catch(() => undefined);
        progress?.begin('v6ready: indexing the workspace', 0, 'finding config files', false);
      }
      const files: string[] = [];
      for (const f of this.folders) await this.walk(f, files);
      progress?.report(50, `reading ${files.length} config file${files.length === 1 ? '' : 's'}`);
      this.index.setFiles(files);
      await this.rebuild((done, total) => progress?.report(50 + Math.floor((45 * done) / total), `reading config files (${done} of ${total})`));
      progress?.report(100, `${files.length} files indexed`);
    } catch (err) {
      this.session.logError('indexing the workspace failed', err);
    } finally {
      progress?.done();
    }
  }

  private async walk(dir: string, out: string[]): Promise<void> {
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch {
      return;
    }
    for (const n of names) {
      if (out.length >= MAX_INDEXED_FILES) return;
      const p = join(dir, n);
      let st;
      try {
        st = await stat(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(n)) await this.walk(p, out);
      } else if (st.isFile() && dialectForPath(p) && !this.session.settings.peek(pathToFileURL(p).href).ignored) out.push(p);
    }
  }

  /**
   * A document was opened, edited, saved or closed: its text is read again at the next rebuild. Except while a large
   * document (past LARGE_DOCUMENT_CHARS) is being edited: analysing it again takes over a second on this thread, and a
   * rebuild after every pause in typing held up the keystrokes that followed. The index reads it again when it is
   * saved or closed; until then its cross-file findings are those of the text last read (its own diagnostics stay
   * live: the linter's fast path and background pass).
   */
  documentChanged(uri: string, event: 'edit' | 'save' | 'close' = 'edit'): void {
    const p = pathOf(uri);
    if (!p || !this.indexed) return;
    if (event === 'edit' && (this.session.documents.get(uri)?.getText().length ?? 0) > LARGE_DOCUMENT_CHARS) {
      this.editedLarge.add(p);
      return;
    }
    if (event === 'save' && !this.editedLarge.has(p)) return;
    this.editedLarge.delete(p);
    this.index.changed(p);
    this.scheduleRebuild();
  }

  /** Files changed on disk (watched): re-read them; created and deleted ones change the file list. */
  filesChanged(params: DidChangeWatchedFilesParams): void {
    if (!this.indexed) return;
    let relevant = false;
    for (const c of params.changes ?? []) {
      const p = pathOf(c.uri);
      if (!p || !this.inFolders(p)) continue;
      // Every file of the folders is watched (an included file can have any name): most changes concern none of ours.
      if (!dialectForPath(p) && !this.index.mayMatter(p)) continue;
      relevant = true;
      this.index.changed(p);
      if (c.type !== 2 && dialectForPath(p)) {
        const files = new Set(this.index.files);
        if (c.type === 1) files.add(p);
        else files.delete(p);
        this.index.setFiles([...files]);
      }
    }
    if (relevant) this.scheduleRebuild();
  }

  /** Settings changed: the per-file analyses depend on them, so every file is parsed again at the next rebuild. */
  settingsChanged(): void {
    if (!this.indexed) return;
    this.index.clear();
    this.scheduleRebuild();
  }

  private scheduleRebuild(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.rebuild().catch((err) => this.session.logError('updating the workspace model failed', err));
    }, REBUILD_DELAY_MS);
  }

  /**
   * Read and parse the files a build would, one at a time, letting requests and edits in every INDEX_SLICE_MS: a
   * folder of hundreds of configs took seconds during which the server answered nothing.
   */
  private async prepareFiles(progress?: (done: number, total: number) => void): Promise<void> {
    const files = this.index.files;
    let slice = performance.now();
    for (let i = 0; i < files.length; i++) {
      const done = (await this.prepareInWorker(files[i])) || this.index.prepare(files[i]);
      if (!done || performance.now() - slice < INDEX_SLICE_MS) continue;
      progress?.(i + 1, files.length);
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
  }

  /**
   * A large file the next build would read (an open document, or a file on disk) is analysed in the worker
   * (lsp/background-analysis.ts) and offered to the index: analysed on this thread, the benchmark's 1.8 MB named.conf
   * held up the keystrokes after every save for one to two and a half seconds, and at start-up delayed the open
   * document's own first diagnostics by as much. Saved again while the worker ran, it is analysed again (a few times
   * at most). False when that does not apply (small, unreadable, no worker): the index reads it itself.
   */
  private async prepareInWorker(path: string): Promise<boolean> {
    for (let attempt = 0; attempt < WORKER_ATTEMPTS; attempt++) {
      if (!this.session.background.available) return false;
      if (!this.index.needsLoad(path)) return attempt > 0;
      // Small files are left to the index without a look at their text (a UTF-8 file has no fewer bytes than characters).
      const open = this.session.documents.all().some((d) => pathOf(d.uri) === path);
      if (!open && !(this.inFolders(path) && mayRead(path) && fileSize(path) > LARGE_DOCUMENT_CHARS)) return false;
      const text = this.read(path);
      if (!text || text.length <= LARGE_DOCUMENT_CHARS) return false;
      const dialect = this.index.dialectOf(path, text);
      if (!dialect) return false;
      const generation = this.index.generationOf(path);
      const uri = pathToFileURL(path).href;
      try {
        const parts = await this.session.background.analyzeForIndex(uri, dialect, text, this.settingsFor(path));
        if (parts && this.index.offer(path, dialect, text, { lines: new LineIndex(text, parts.lineStarts), findings: parts.findings, facts: parts.facts }, generation)) return true;
      } catch (err) {
        this.session.logError(`analysing ${uri} for the workspace index in the worker failed; analysing it here`, err);
        return false;
      }
    }
    return false;
  }

  private settingsFor(path: string): Settings {
    return this.session.settings.peek(pathToFileURL(path).href);
  }

  /** Rebuild the model (only changed files are re-parsed), run the cross-file rules, publish what changed. */
  rebuild(progress?: (done: number, total: number) => void): Promise<void> {
    const run = async () => {
      await this.prepareFiles(progress);
      const model = this.index.build();
      const raw = runWorkspaceRules(model, WORKSPACE_RULES);
      // Severities and ignore globs per file, from the same settings the document diagnostics use.
      const byFile = new Map<string, WorkspaceFinding[]>();
      for (const f of raw) {
        const settings = await this.session.settings.get(pathToFileURL(f.file).href);
        const s = settings.rules[f.rule];
        if (s === 'off' || settings.ignored) continue;
        const list = byFile.get(f.file) ?? [];
        list.push(s ? { ...f, severity: s } : f);
        byFile.set(f.file, list);
      }
      this.model = model;
      // Analysing a large file, or taking in the worker's analysis of one in place of the last, left V8's heap grown
      // past what the index keeps (file-facts.ts): give it back once quiet.
      if (this.index.takeAnalysedChars() > LARGE_DOCUMENT_CHARS) this.session.collectWhenIdle();
      const before = this.findings;
      this.findings = byFile;
      const touched = new Set([...before.keys(), ...byFile.keys()]);
      for (const file of touched) {
        const uri = pathToFileURL(file).href;
        if (this.session.documents.get(uri)) this.relint(uri);
        else await this.publishClosed(uri, file);
      }
    };
    const next = (this.building ?? Promise.resolve()).then(run, run);
    this.building = next;
    return next;
  }

  /** Workspace findings of a file that is not open are published on their own (Problems shows them). */
  private async publishClosed(uri: string, file: string): Promise<void> {
    const diagnostics = this.diagnosticsForPath(file);
    if (diagnostics.length === 0 && !this.published.has(uri)) return;
    if (diagnostics.length) this.published.add(uri);
    else this.published.delete(uri);
    await this.session.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** The cross-file diagnostics of a document, to publish with its own. */
  diagnosticsFor(uri: string): Diagnostic[] {
    const p = pathOf(uri);
    return p ? this.diagnosticsForPath(p) : [];
  }

  private diagnosticsForPath(path: string): Diagnostic[] {
    const list = this.findings.get(path);
    const model = this.model;
    if (!list || !model) return [];
    const file = model.files.find((f) => f.path === path);
    if (!file) return [];
    return list.map((f) => toDiagnostic(pathToFileURL(path).href, file.lines, f, model.files));
  }

  /** The readiness report of the workspace folders, current as of now. */
  async report(): Promise<ReadinessReport | null> {
    await this.start();
    // Asked for, the report reads every open document as it is now, large ones being edited included.
    for (const p of this.editedLarge) this.index.changed(p);
    if (this.timer || this.editedLarge.size > 0) {
      this.editedLarge.clear();
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.rebuild();
    }
    await this.building;
    if (!this.model) return null;
    const all = [...this.findings.values()].flat();
    return buildReport(this.model, all, this.folders[0] ?? '/');
  }
}
