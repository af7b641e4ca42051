// The server's state: open documents, settings, and the last analysis of each document (parsed once per
// version and settings, shared by diagnostics, code actions, hover and symbols), plus the error guard.
import { dirname } from 'node:path';
import { TextDocuments, type Connection, type Diagnostic, type Range } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis, type AnalyzeContext } from '../core/analyze';
import { analysisAt, analyzeChange, incrementalStateFrom, incrementalStateOf, rehearseEdit, withOwnFindings, type IncrementalState, type TextChange } from '../core/incremental';
import type { LineIndex } from '../core/text';
import { dialectForLanguage } from '../core/registry';
import type { Settings } from '../core/settings';
import type { Dialect, Finding, LinkedFile } from '../core/types';
import { BackgroundAnalysis } from './background-analysis';
import { IdleCollector, type CollectGarbage } from './idle-collector';
import { EDITOR_ANALYSIS, LARGE_DOCUMENT_CHARS } from './limits';
import { pathOf, underFolders } from './files';
import { includeContextOf } from './navigation';
import { SettingsStore } from './settings';

/**
 * What a document's include context was made of, kept while the document is open (its full analysis is released
 * for a large document; the fast path and the worker keep the context of the last full analysis): the paths of its
 * linked files, the paths its include trees looked for and could not read, and the folders they listed for
 * wildcards.
 */
interface IncludeDependencies {
  linked: Set<string>;
  unread: Set<string>;
  listed: Set<string>;
}

interface CacheEntry {
  version: number;
  settings: Settings;
  analysis?: Analysis;
  error?: Error;
}

/** Findings of a document version from the incremental fast path (core/incremental.ts). */
export interface FastFindings {
  findings: Finding[];
  lines: LineIndex;
  linked: readonly LinkedFile[];
  /** False: whole-file rules' findings were carried over from before the edit; a full analysis is due. */
  exact: boolean;
}

/** A state's findings as the linter publishes them (the fast path's, the worker's, a rehearsal's). */
function fastFindingsOf(state: IncrementalState): FastFindings {
  return { findings: state.findings, lines: state.lines, linked: state.context.linked ?? [], exact: state.exact };
}

export interface DocumentAnalysis {
  doc: TextDocument;
  dialect: Dialect;
  settings: Settings;
  analysis: Analysis;
}

export interface ClientSupport {
  documentChanges: boolean;
  hierarchicalSymbols: boolean;
  snippets: boolean;
  dynamicConfiguration: boolean;
  /** The client can register file watchers (workspace/didChangeWatchedFiles). */
  watchedFiles?: boolean;
  /** The client shows server-initiated progress (window/workDoneProgress/create). */
  workDoneProgress?: boolean;
}

export class Session {
  /**
   * Per open document, its last change as the editor sent it, when that was one edit of a range (typing): from which
   * version to which, and the change in offsets of the first one's text. The fast path takes it instead of comparing
   * texts.
   */
  private readonly lastChange = new WeakMap<TextDocument, { from: number; to: number; change: TextChange }>();
  readonly documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update: (doc, changes, version) => {
      const only = changes.length === 1 ? (changes[0] as { range?: Range; text: string }) : undefined;
      if (only?.range) {
        const change = { start: doc.offsetAt(only.range.start), end: doc.offsetAt(only.range.end), text: only.text };
        this.lastChange.set(doc, { from: doc.version, to: version, change });
      } else this.lastChange.delete(doc);
      return TextDocument.update(doc, changes, version);
    },
  });
  readonly settings: SettingsStore;
  readonly client: ClientSupport = { documentChanges: false, hierarchicalSymbols: false, snippets: false, dynamicConfiguration: false };
  private readonly cache = new Map<string, CacheEntry>();
  /** Per document, what its last analysis (full or fast) leaves for the next edit's fast path. */
  private readonly incremental = new Map<string, IncrementalState & { version: number }>();
  /** Per open document, what its include context was made of (includeNeighbours, includeDependents). */
  private readonly includes = new Map<string, IncludeDependencies>();
  /** Diagnostics from outside the document's own analysis (the cross-file rules), published with it. */
  extraDiagnostics: (uri: string) => Diagnostic[] = () => [];

  /**
   * @param background where whole-file analyses of large documents run after a pause (a worker thread); without a
   * worker script, on the server's own thread.
   */
  constructor(
    readonly connection: Connection,
    readonly background: BackgroundAnalysis = new BackgroundAnalysis(undefined),
  ) {
    this.settings = new SettingsStore(connection);
  }

  dialectOf(doc: TextDocument): Dialect | undefined {
    return dialectForLanguage(doc.languageId);
  }

  /**
   * The analysis of the document's current version under its settings: cached, so a document is parsed once
   * per version. Throws what the parser threw (also cached, so a crashing input is not re-parsed per request).
   */
  analysisFor(doc: TextDocument, dialect: Dialect, settings: Settings): Analysis {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.settings === settings) {
      if (hit.error) throw hit.error;
      return hit.analysis!;
    }
    const entry: CacheEntry = { version: doc.version, settings };
    this.cache.set(doc.uri, entry);
    try {
      const include = includeContextOf(this, dialect, doc.uri);
      if (include) {
        this.includes.set(doc.uri, { linked: new Set(include.linked.map((l) => l.path)), unread: new Set(include.unread), listed: new Set(include.listed) });
      } else this.includes.delete(doc.uri);
      const context: AnalyzeContext = { ...EDITOR_ANALYSIS, linked: include?.linked, includeProblems: include?.problems, linkedPartial: include?.partial, path: pathOf(doc.uri) };
      entry.analysis = analyze(dialect, doc.getText(), settings, context);
      const state = incrementalStateOf(entry.analysis, settings, context);
      if (state) this.incremental.set(doc.uri, { ...state, version: doc.version });
      else this.incremental.delete(doc.uri);
      return entry.analysis;
    } catch (err) {
      this.incremental.delete(doc.uri);
      entry.error = err instanceof Error ? err : new Error(String(err));
      throw entry.error;
    }
  }

  /**
   * The document's findings by the incremental fast path, from the state its previous version left, or undefined when
   * that does not apply (no state, other settings, an edit outside one local statement...): then use analysisFor.
   * The include context is the previous analysis's: an edit inside a local statement changes no include (a zone holds
   * none; an Apache <VirtualHost> holding Include or ServerRoot is not local), and a change of a linked file drops
   * the state (invalidate).
   */
  fastFindingsFor(doc: TextDocument, dialect: Dialect, settings: Settings): FastFindings | undefined {
    const state = this.incremental.get(doc.uri);
    if (!state || state.version >= doc.version) return undefined;
    const last = this.lastChange.get(doc);
    const reported = last && last.from === state.version && last.to === doc.version ? last.change : undefined;
    const result = analyzeChange(dialect, state, doc.getText(), settings, state.context, reported);
    if (!result) return undefined;
    this.incremental.set(doc.uri, { ...result.state, version: doc.version });
    // The full analysis of an older version is of no use any more, and holds the whole model: let it go.
    this.cache.delete(doc.uri);
    return fastFindingsOf(result.state);
  }

  /**
   * The whole-file analysis of a large document's current version, run in the worker (lsp/background-analysis.ts) so
   * that edits meanwhile are linted at once: its findings, and the document's incremental state made exact again.
   * Undefined when that does not apply (a small document, one joined to others by includes, no worker, no incremental
   * state to start from; analyse with analysisFor then). 'stale' when the document, its settings or its include
   * context changed while the worker ran: the answer is dropped (whatever changed has scheduled its own lint).
   */
  async backgroundFindingsFor(doc: TextDocument, dialect: Dialect, settings: Settings): Promise<FastFindings | 'stale' | undefined> {
    // The include context is the one the fast path has been using (an edit inside a local statement changes no
    // include; a change of a linked file drops the state): finding it again would parse the whole file on this thread.
    const before = this.incremental.get(doc.uri);
    if (!this.background.available || !before || before.settings !== settings || doc.getText().length <= LARGE_DOCUMENT_CHARS) return undefined;
    const { context } = before;
    if (context.linked?.length || context.ruleFilter || context.skip) return undefined;
    const { uri, version } = doc;
    const text = doc.getText();
    const parts = await this.background.analyze(uri, dialect, text, settings, { syntaxOnlyAbove: context.syntaxOnlyAbove, includeProblems: context.includeProblems, linkedPartial: context.linkedPartial, path: context.path });
    const after = this.incremental.get(uri);
    if (!parts || this.documents.get(uri)?.version !== version || after?.context !== context || after.settings !== settings) return 'stale';
    const state = incrementalStateFrom(dialect, withOwnFindings(parts), text, settings, context);
    this.incremental.set(uri, { ...state, version });
    // An analysis of an older version is of no use any more.
    this.cache.delete(uri);
    return fastFindingsOf(state);
  }

  /**
   * The findings already known for the document's current version under `settings` (its full analysis, or the state
   * the fast path or the worker left), without analysing anything; undefined when there are none.
   */
  knownFindings(doc: TextDocument, settings: Settings): FastFindings | undefined {
    const hit = this.cache.get(doc.uri);
    if (hit?.analysis && hit.version === doc.version && hit.settings === settings) return { findings: hit.analysis.findings, lines: hit.analysis.lines, linked: hit.analysis.linked, exact: true };
    const state = this.incremental.get(doc.uri);
    if (state?.version === doc.version && state.settings === settings) return fastFindingsOf(state);
    return undefined;
  }

  /**
   * The findings the fast path left for the document's current version (a request ran it: analyzedAt) when no full
   * analysis of that version is cached; undefined otherwise (the linter then analyses, or takes the cached analysis).
   */
  fastFindingsKnown(doc: TextDocument, settings: Settings): FastFindings | undefined {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.settings === settings) return undefined;
    const state = this.incremental.get(doc.uri);
    return state?.version === doc.version && state.settings === settings ? fastFindingsOf(state) : undefined;
  }

  /**
   * The fast path rehearsed on the document's current state (core/incremental.ts rehearseEdit), which it leaves as it
   * was: the document's findings, with the rehearsal's line index, for the caller to convert as a publication would,
   * and throw away. Undefined when there is nothing to rehearse on.
   */
  rehearse(doc: TextDocument, dialect: Dialect, round: number): (FastFindings & { settings: Settings }) | undefined {
    const state = this.incremental.get(doc.uri);
    if (!state || state.version !== doc.version) return undefined;
    const result = rehearseEdit(dialect, state, round);
    // The rehearsal's own findings are the edited statement's: the caller converts the document's (thousands, in a
    // large file), as a publication after a real edit does.
    return result && { ...fastFindingsOf(result.state), findings: state.findings, settings: state.settings };
  }

  /** The open document (its version once settings are known), its dialect and settings; undefined if none of ours. */
  private async openDocument(uri: string): Promise<{ doc: TextDocument; dialect: Dialect; settings: Settings } | undefined> {
    const first = this.documents.get(uri);
    const dialect = first && this.dialectOf(first);
    if (!dialect) return undefined;
    const settings = await this.settings.get(uri);
    const doc = this.documents.get(uri);
    return doc ? { doc, dialect, settings } : undefined;
  }

  /** For request handlers: the open document's analysis, or undefined (unknown URI, other language, parser crash). */
  async analyzed(uri: string): Promise<DocumentAnalysis | undefined> {
    const open = await this.openDocument(uri);
    if (!open) return undefined;
    const { doc: current, dialect, settings } = open;
    try {
      return { doc: current, dialect, settings, analysis: this.analysisFor(current, dialect, settings) };
    } catch {
      return undefined; // already reported as a diagnostic and logged by the linter
    }
  }

  /**
   * For requests at one place (hover, completion, quick fixes): the full analysis of the current version when there is
   * one, else, when the fast path left a state for this version, an analysis of the statement at `position` with the
   * global ones (core/incremental.ts analysisAt): a large file is not analysed in full to answer a hover after an edit.
   */
  async analyzedAt(uri: string, position: { line: number; character: number }): Promise<DocumentAnalysis | undefined> {
    const open = await this.openDocument(uri);
    if (!open) return undefined;
    const { doc: current, dialect, settings } = open;
    const hit = this.cache.get(uri);
    const cached = hit?.analysis && hit.version === current.version && hit.settings === settings;
    // Edits not linted yet (a burst of didChange, whose lint waits for the queue to drain): bring the state to this
    // version by the fast path, as that lint would (it then publishes what this found: Linter.lintNow).
    const behind = this.incremental.get(uri);
    if (!cached && behind && behind.version < current.version && behind.settings === settings) {
      try {
        this.fastFindingsFor(current, dialect, settings);
      } catch (err) {
        this.logError(`incremental analysis of ${uri} (version ${current.version}) failed`, err);
      }
    }
    const state = this.incremental.get(uri);
    if (!cached && state?.version === current.version && state.settings === settings) {
      try {
        return { doc: current, dialect, settings, analysis: analysisAt(dialect, state, state.lines.offsetAt(position)) };
      } catch (err) {
        this.logError(`analysing ${uri} around line ${position.line + 1} failed`, err);
      }
    }
    return this.analyzed(uri);
  }

  /**
   * Drop the full analysis of a large document once its diagnostics are out: what stays is the incremental state
   * (findings, statement bounds, line starts), a fraction of the model's size. Hover, completion and quick fixes then
   * use analyzedAt; a request about the whole file (outline, references) analyses it again, until the next edit.
   */
  release(uri: string): void {
    const doc = this.documents.get(uri);
    const state = this.incremental.get(uri);
    if (!doc || doc.getText().length <= LARGE_DOCUMENT_CHARS || state?.version !== doc.version) return;
    if (!this.cache.delete(uri)) return;
    this.collectWhenIdle();
    this.promoteNow();
  }

  private readonly idleCollector = new IdleCollector((globalThis as { gc?: CollectGarbage }).gc);

  /** Collect what was dropped once the editor is quiet (lsp/idle-collector.ts). */
  collectWhenIdle(): void {
    this.idleCollector.request();
  }

  /** Long-lived objects were just made: out of the young generation with them now, not at the next keystroke. */
  promoteNow(): void {
    this.idleCollector.promoteNow();
  }

  /** A change came in: a pending collection waits for the next quiet moment. */
  postponeCollection(): void {
    this.idleCollector.postpone();
  }

  /**
   * Open documents whose last analysis saw `uri` as a linked (included or including) file, and open documents
   * among `uri`'s own linked files: those whose findings an edit of `uri` may change.
   */
  includeNeighbours(uri: string): string[] {
    const path = pathOf(uri);
    if (!path) return [];
    // From the include contexts, not the cached analyses: a large document's is released once published, and a
    // document just closed has none left, yet both still had neighbours.
    const own = this.includes.get(uri)?.linked;
    const out: string[] = [];
    for (const doc of this.documents.all()) {
      if (doc.uri === uri) continue;
      const p = pathOf(doc.uri);
      const sees = this.includes.get(doc.uri)?.linked.has(path);
      if (sees || (p && own?.has(p))) out.push(doc.uri);
    }
    return out;
  }

  /**
   * Open documents whose include context a change on disk of one of `paths` (created, changed, deleted) may change:
   * a linked file, an include that could not be read, a folder a wildcard include listed, or a folder holding one
   * of those. Only these are analysed again: a 2 MB named.conf is not, for a change of a file it has nothing to do
   * with. A path open as a document is left out: its editor text is what the include trees read.
   */
  includeDependents(paths: readonly string[]): string[] {
    const open = new Set<string>();
    for (const doc of this.documents.all()) {
      const p = pathOf(doc.uri);
      if (p) open.add(p);
    }
    // Include trees read nothing on disk outside the workspace folders (navigation.ts mayRead; so nothing at all
    // without a folder): a change there leaves every context as it was.
    const changed = new Set(paths.filter((p) => !open.has(p) && underFolders(this.settings.folders, p)));
    if (changed.size === 0) return [];
    // A change in a listed folder: the folders of the changed paths.
    const folders = new Set([...changed].map((p) => dirname(p)));
    // The path itself or a folder holding it changed (a folder deleted or renamed).
    const hit = (p: string): boolean => {
      for (let q = p; ; ) {
        if (changed.has(q)) return true;
        const up = dirname(q);
        if (up === q) return false;
        q = up;
      }
    };
    const out: string[] = [];
    for (const doc of this.documents.all()) {
      const deps = this.includes.get(doc.uri);
      if (!deps) continue;
      const involved = [...deps.linked].some(hit) || [...deps.unread].some(hit) || [...deps.listed].some((d) => folders.has(d) || hit(d));
      if (involved) out.push(doc.uri);
    }
    return out;
  }

  /** Drop the cached analysis of a document (a file it is linked to changed); settings stay. */
  invalidate(uri: string): void {
    this.cache.delete(uri);
    this.incremental.delete(uri);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.incremental.delete(uri);
    this.includes.delete(uri);
    this.settings.forget(uri);
  }

  clearCache(): void {
    this.cache.clear();
    this.incremental.clear();
  }

  /** Wrap a handler so that an exception is logged and answered with `fallback` instead of taking the server down. */
  guard<P extends unknown[], R, F>(name: string, fallback: F, fn: (...args: P) => R | Promise<R>): (...args: P) => Promise<R | F> {
    return async (...args: P) => {
      try {
        return await fn(...args);
      } catch (err) {
        this.logError(`${name} failed`, err);
        return fallback;
      }
    };
  }

  logError(what: string, err: unknown): void {
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    try {
      this.connection.console.error(`v6ready: ${what}: ${detail}`);
    } catch {
      process.stderr.write(`v6ready: ${what}: ${detail}\n`);
    }
  }
}
