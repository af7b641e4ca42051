// The server's state: open documents, settings, and the last analysis of each document (parsed once per
// version and settings, shared by diagnostics, code actions, hover and symbols), plus the error guard.
import { TextDocuments, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/analyze';
import { dialectForLanguage } from '../core/registry';
import type { Settings } from '../core/settings';
import type { Dialect } from '../core/types';
import { EDITOR_ANALYSIS } from './limits';
import { pathOf } from './files';
import { includeContextOf } from './navigation';
import { SettingsStore } from './settings';

interface CacheEntry {
  version: number;
  settings: Settings;
  analysis?: Analysis;
  error?: Error;
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
  readonly documents = new TextDocuments(TextDocument);
  readonly settings: SettingsStore;
  readonly client: ClientSupport = { documentChanges: false, hierarchicalSymbols: false, snippets: false, dynamicConfiguration: false };
  private readonly cache = new Map<string, CacheEntry>();
  /** Diagnostics from outside the document's own analysis (the cross-file rules), published with it. */
  extraDiagnostics: (uri: string) => Diagnostic[] = () => [];

  constructor(readonly connection: Connection) {
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
      const context = includeContextOf(this, dialect, doc.uri);
      entry.analysis = analyze(dialect, doc.getText(), settings, {
        ...EDITOR_ANALYSIS,
        linked: context?.linked,
        includeProblems: context?.problems,
        linkedPartial: context?.partial,
      });
      return entry.analysis;
    } catch (err) {
      entry.error = err instanceof Error ? err : new Error(String(err));
      throw entry.error;
    }
  }

  /** For request handlers: the open document's analysis, or undefined (unknown URI, other language, parser crash). */
  async analyzed(uri: string): Promise<DocumentAnalysis | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const dialect = this.dialectOf(doc);
    if (!dialect) return undefined;
    const settings = await this.settings.get(uri);
    const current = this.documents.get(uri);
    if (!current) return undefined;
    try {
      return { doc: current, dialect, settings, analysis: this.analysisFor(current, dialect, settings) };
    } catch {
      return undefined; // already reported as a diagnostic and logged by the linter
    }
  }

  /**
   * Open documents whose last analysis saw `uri` as a linked (included or including) file, and open documents
   * among `uri`'s own linked files: those whose findings an edit of `uri` may change.
   */
  includeNeighbours(uri: string): string[] {
    const path = pathOf(uri);
    if (!path) return [];
    const own = new Set((this.cache.get(uri)?.analysis?.linked ?? []).map((l) => l.path));
    const out: string[] = [];
    for (const doc of this.documents.all()) {
      if (doc.uri === uri) continue;
      const p = pathOf(doc.uri);
      const sees = this.cache.get(doc.uri)?.analysis?.linked.some((l) => l.path === path);
      if (sees || (p && own.has(p))) out.push(doc.uri);
    }
    return out;
  }

  /** Drop the cached analysis of a document (a file it is linked to changed); settings stay. */
  invalidate(uri: string): void {
    this.cache.delete(uri);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.settings.forget(uri);
  }

  clearCache(): void {
    this.cache.clear();
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
