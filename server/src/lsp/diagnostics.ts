// Publishing diagnostics: on open, on change (at once, coalesced) or only on save (`v6ready.run`), and again for
// every open document when the settings change. A parser crash becomes one diagnostic, never a dead server.
import type { Diagnostic } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { INTERNAL_ERROR_RULE } from '../core/analyze';
import { mostSevere, tooManyProblemsNotice } from '../core/limits';
import { DEFAULT_MAX_PROBLEMS, type Settings } from '../core/settings';
import type { Finding } from '../core/types';
import { messagesHandled } from './connection';
import { SOURCE, toDiagnostic } from './convert';
import { LARGE_DOCUMENT_CHARS } from './limits';
import type { FastFindings, Session } from './session';

/**
 * Changes are linted at most once per window, not after a 150 ms debounce: a keystroke after a quiet moment is linted
 * at once, and changes that arrive together (a multi-cursor edit, a burst of didChange from a script) or while a lint
 * runs (linting is synchronous, so they queue behind it) share one lint of the newest version at the window's end:
 * the pending timer is kept, not restarted, so steady typing never postpones diagnostics.
 */
export const CHANGE_DELAY_MS = 10;

/**
 * After an edit linted by the incremental fast path (only the edited zone or virtual host analysed again), the whole
 * file is analysed once typing pauses this long: whole-file rules (bind/duplicate, apache/ipv4-only-listen) and
 * include neighbours catch up then.
 */
export const FULL_AFTER_FAST_MS = 400;

/**
 * After a lint of a large document (its open, an edit, the whole-file pass after one), once the editor has been quiet
 * this long, the fast path is rehearsed, one round at a time, while nothing else is waiting (Session.rehearse), until
 * it has been rehearsed FAST_PATH_REHEARSALS times on that document: V8 optimises its code only after many runs, and
 * the first real edits paid for that. Measured in process on the benchmark's named.conf, 50 edits after 0 / 6 / 20 /
 * 40 rounds: p95 39-57 / 23-29 / 24-28 / 16-19 ms (p50 10-13 throughout), the 40 rounds taking ~1 s in all. An edit
 * stops the rounds, and the next lint's quiet moment goes on where they stopped. A document only opened, to be read,
 * gets FAST_PATH_REHEARSALS_UNEDITED rounds: the rest wait for its first edit.
 */
export const REHEARSE_AFTER_MS = 200;
export const FAST_PATH_REHEARSALS = 40;
export const FAST_PATH_REHEARSALS_UNEDITED = 6;

/**
 * A lint that is due waits until the client's messages already read have been handled (Linter.whenQuiet), but no longer
 * than this: a lint is synchronous, and run between two queued didChange it analysed a version already stale (each
 * one, on a large file, while the hover queued behind them waited seconds).
 */
export const QUIET_WAIT_MAX_MS = 250;

export class Linter {
  /** Lints due per document: a timer, then the wait for the message queue to drain (whenQuiet). */
  private timers = new Map<string, { cancel(): void }>();
  /** When each document's last lint started (the change window counts from it). */
  private lastLint = new Map<string, number>();
  /** Full analyses due after fast-path lints, restarted by every change. */
  private fullTimers = new Map<string, NodeJS.Timeout>();
  /** Latest lint started per document: an older lint that finishes late does not overwrite a newer one. */
  private generation = new Map<string, number>();
  /** The version each document was opened with: TextDocuments reports the open as a content change too. */
  private openedAt = new Map<string, number>();
  /** Documents opened or edited since their last lint: their include-tree neighbours are linted again after them. */
  private touched = new Set<string>();
  /** Pending rehearsals of the fast path, per document (rehearseLater). */
  private rehearsals = new Map<string, NodeJS.Timeout>();
  /** Rounds of rehearsal done per document, over all its versions (rehearseLater). */
  private rehearsed = new Map<string, number>();

  constructor(private readonly session: Session) {}

  bind(): void {
    const { documents } = this.session;
    const s = this.session;
    documents.onDidOpen(
      s.guard('didOpen', undefined, (e) => {
        this.openedAt.set(e.document.uri, e.document.version);
        this.touched.add(e.document.uri);
        return this.lintNow(e.document.uri);
      }),
    );
    documents.onDidChangeContent(s.guard('didChange', undefined, (e) => this.changed(e.document)));
    documents.onDidSave(s.guard('didSave', undefined, (e) => this.saved(e.document)));
    documents.onDidClose(s.guard('didClose', undefined, (e) => this.closed(e.document.uri)));
  }

  /** Re-lint every open document (settings changed). */
  relintAll(): void {
    for (const doc of this.session.documents.all()) this.lintLater(doc.uri, 0);
  }

  /** Lint from a timer: errors are logged here, as nobody awaits the promise. */
  private lintLater(uri: string, delay: number): void {
    this.cancel(uri);
    const timer = setTimeout(
      () =>
        this.whenQuiet(uri, Date.now(), () => {
          this.timers.delete(uri);
          this.lintNow(uri).catch((err) => this.session.logError(`linting ${uri} failed`, err));
        }),
      delay,
    );
    this.timers.set(uri, { cancel: () => clearTimeout(timer) });
  }

  /**
   * Run `fn` once a turn of the event loop has passed without a message from the client handled (or QUIET_WAIT_MAX_MS
   * after `since`): didChange notifications already read are applied first (cheaply), and only the newest version is
   * analysed; a hover queued behind them is answered without waiting for analyses of stale versions. The connection
   * handles one queued message per setImmediate, scheduled before this one, so a turn without one means none is queued.
   */
  private whenQuiet(uri: string, since: number, fn: () => void): void {
    const before = messagesHandled();
    const immediate = setImmediate(() => {
      if (messagesHandled() === before || Date.now() - since >= QUIET_WAIT_MAX_MS) fn();
      else this.whenQuiet(uri, since, fn);
    });
    this.timers.set(uri, { cancel: () => clearImmediate(immediate) });
  }

  private async changed(doc: TextDocument): Promise<void> {
    if (doc.version === this.openedAt.get(doc.uri)) return;
    const settings = await this.session.settings.get(doc.uri);
    if (settings.run === 'onSave') return;
    this.touched.add(doc.uri);
    this.cancelFull(doc.uri);
    this.cancelRehearsal(doc.uri);
    this.session.background.cancel(doc.uri);
    this.session.postponeCollection();
    // A lint already pending reads the document when it runs, so it covers this change too. A keystroke after a
    // quiet moment is linted at once; changes that follow a lint within CHANGE_DELAY_MS wait for the window's end.
    if (this.timers.has(doc.uri)) return;
    const since = Date.now() - (this.lastLint.get(doc.uri) ?? 0);
    this.lintLater(doc.uri, since >= CHANGE_DELAY_MS ? 0 : CHANGE_DELAY_MS - since);
  }

  private async saved(doc: TextDocument): Promise<void> {
    const settings = await this.session.settings.get(doc.uri);
    if (settings.run === 'onSave' || this.timers.has(doc.uri)) await this.lintNow(doc.uri);
  }

  private closed(uri: string): void {
    // Found before the document's include context is forgotten. Its editor text (perhaps unsaved) gave way to the
    // disk's, and it was a root of include trees no more: what its neighbours saw of it may be stale.
    const neighbours = this.session.includeNeighbours(uri);
    this.cancel(uri);
    this.cancelFull(uri);
    this.cancelRehearsal(uri);
    this.rehearsed.delete(uri);
    this.session.background.cancel(uri);
    this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
    this.openedAt.delete(uri);
    this.lastLint.delete(uri);
    this.session.forget(uri);
    this.session.connection.sendDiagnostics({ uri, diagnostics: [] }).catch((err) => this.session.logError(`clearing ${uri} failed`, err));
    this.relint(neighbours);
  }

  /**
   * Files created, changed or deleted on disk (workspace/didChangeWatchedFiles): the open documents whose include
   * context involves one of them (a linked file, an include that could not be read, a folder a wildcard listed) are
   * analysed again. The workspace index only relints documents whose cross-file findings changed, and an include
   * context is not one of those.
   */
  filesChanged(paths: readonly string[]): void {
    this.relint(this.session.includeDependents(paths));
  }

  /** Analyse these documents again, their include context included, after the change window. */
  private relint(uris: readonly string[]): void {
    for (const other of uris) {
      this.session.invalidate(other);
      this.lintLater(other, CHANGE_DELAY_MS);
    }
  }

  private cancelFull(uri: string): void {
    const t = this.fullTimers.get(uri);
    if (t) clearTimeout(t);
    this.fullTimers.delete(uri);
  }

  private fullLater(uri: string): void {
    this.cancelFull(uri);
    this.fullTimers.set(
      uri,
      setTimeout(() => {
        this.fullTimers.delete(uri);
        this.lintNow(uri, { full: true }).catch((err) => this.session.logError(`linting ${uri} failed`, err));
      }, FULL_AFTER_FAST_MS),
    );
  }

  private cancel(uri: string): void {
    this.timers.get(uri)?.cancel();
    this.timers.delete(uri);
  }

  /** The findings to publish under v6ready.maxNumberOfProblems: the most severe, and a notice when some are left out. */
  private shown(doc: TextDocument, settings: Settings, findings: readonly Finding[]): Finding[] {
    const { shown, hidden } = mostSevere(findings, settings.maxNumberOfProblems ?? DEFAULT_MAX_PROBLEMS);
    return hidden > 0 ? [tooManyProblemsNotice(doc.getText(), shown.length, hidden), ...shown] : shown;
  }

  /** Publish findings that came without a full Analysis (the fast path's, the worker's) for the document's version. */
  private async publish(doc: TextDocument, settings: Settings, found: FastFindings): Promise<void> {
    const diagnostics = this.shown(doc, settings, found.findings).map((f) => toDiagnostic(doc.uri, found.lines, f, found.linked));
    diagnostics.push(...this.session.extraDiagnostics(doc.uri));
    await this.session.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  /**
   * The document's cross-file findings changed (the workspace index was rebuilt): publish them with its own, analysing
   * it only when none are known for its current version. A large document's full analysis is released once published,
   * and analysing it again just to attach a cross-file finding held up typing for over a second.
   */
  async republish(uri: string): Promise<void> {
    const first = this.session.documents.get(uri);
    const dialect = first && this.session.dialectOf(first);
    if (!dialect) return;
    const settings = await this.session.settings.get(uri);
    const doc = this.session.documents.get(uri);
    const known = doc && !settings.ignored && !this.timers.has(uri) ? this.session.knownFindings(doc, settings) : undefined;
    if (!doc || !known) return this.lintNow(uri);
    await this.publish(doc, settings, known);
  }

  /** Lint the document's current version: by the fast path after an edit inside one statement, else in full. */
  async lintNow(uri: string, options: { full?: boolean } = {}): Promise<void> {
    this.cancel(uri);
    this.lastLint.set(uri, Date.now());
    const gen = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, gen);
    const first = this.session.documents.get(uri);
    if (!first) return;
    const dialect = this.session.dialectOf(first);
    if (!dialect) return;
    const settings = await this.session.settings.get(uri);
    const doc = this.session.documents.get(uri);
    if (!doc || this.generation.get(uri) !== gen) return;
    let diagnostics: Diagnostic[];
    if (settings.ignored) {
      // Matched by an ignore glob (v6ready.ignore or .v6ready.json): nothing to show.
      await this.session.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
      return;
    }
    if (!options.full) {
      let fast;
      try {
        // A hover or completion since the last lint may have run the fast path on this version already.
        fast = this.session.fastFindingsFor(doc, dialect, settings) ?? this.session.fastFindingsKnown(doc, settings);
      } catch (err) {
        this.session.logError(`incremental analysis of ${uri} (version ${doc.version}) failed; analysing the whole file`, err);
      }
      if (fast) {
        await this.publish(doc, settings, fast);
        // Whole-file rules, and include neighbours (whose findings may follow this file), catch up once typing pauses.
        if (!fast.exact || fast.linked.length > 0 || this.session.includeNeighbours(uri).length > 0) this.fullLater(uri);
        if (doc.getText().length > LARGE_DOCUMENT_CHARS) this.rehearseLater(uri, doc.version);
        return;
      }
    }
    this.cancelFull(uri);
    if (options.full) {
      // A large document's whole-file pass runs in the worker; edits meanwhile take the fast path at once.
      let background;
      try {
        background = await this.session.backgroundFindingsFor(doc, dialect, settings);
      } catch (err) {
        this.session.logError(`background analysis of ${uri} (version ${doc.version}) failed; analysing it here`, err);
      }
      if (background === 'stale' || this.generation.get(uri) !== gen) return;
      if (background) {
        await this.publish(doc, settings, background);
        // The state it replaced (its findings, a whole file's) is garbage now: collect it in the next quiet moment.
        // The new one will live until the next pass: promote it at once (lsp/idle-collector.ts promoteNow).
        this.session.collectWhenIdle();
        this.session.promoteNow();
        this.relintNeighbours(uri);
        this.rehearseLater(uri, doc.version);
        return;
      }
    }
    try {
      const analysis = this.session.analysisFor(doc, dialect, settings);
      diagnostics = this.shown(doc, settings, analysis.findings).map((f) => toDiagnostic(uri, analysis.lines, f, analysis.linked));
    } catch (err) {
      this.session.logError(`analysis of ${uri} (version ${doc.version}) failed`, err);
      diagnostics = [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Warning,
          code: INTERNAL_ERROR_RULE,
          source: SOURCE,
          message: `v6ready could not analyse this file (${(err as Error).message}); please report it.`,
        },
      ];
    }
    diagnostics.push(...this.session.extraDiagnostics(uri));
    await this.session.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    this.session.release(uri);
    this.relintNeighbours(uri);
    if (doc.getText().length > LARGE_DOCUMENT_CHARS) this.rehearseLater(uri, doc.version);
  }

  private cancelRehearsal(uri: string): void {
    const t = this.rehearsals.get(uri);
    if (t) clearTimeout(t);
    this.rehearsals.delete(uri);
  }

  /**
   * Rehearse the fast path on the document's current version, one round at a time, while nothing else waits, until the
   * document has had FAST_PATH_REHEARSALS rounds (FAST_PATH_REHEARSALS_UNEDITED until it is edited). A document without
   * an incremental state (a small one) has none.
   */
  private rehearseLater(uri: string, version: number, first = true): void {
    this.cancelRehearsal(uri);
    const round = this.rehearsed.get(uri) ?? 0;
    const edited = version !== this.openedAt.get(uri);
    if (round >= (edited ? FAST_PATH_REHEARSALS : FAST_PATH_REHEARSALS_UNEDITED)) return;
    const timer = setTimeout(
      () => {
        this.rehearsals.delete(uri);
        const doc = this.session.documents.get(uri);
        const dialect = doc && this.session.dialectOf(doc);
        if (!doc || !dialect || doc.version !== version || this.timers.has(uri)) return;
        try {
          const found = this.session.rehearse(doc, dialect, round);
          if (!found) return;
          // What a publication does with the findings, short of sending them.
          for (const f of this.shown(doc, found.settings, found.findings)) toDiagnostic(uri, found.lines, f, found.linked);
        } catch (err) {
          this.session.logError(`rehearsing the fast path on ${uri} failed`, err);
          return;
        }
        this.rehearsed.set(uri, round + 1);
        this.rehearseLater(uri, version, false);
      },
      first ? REHEARSE_AFTER_MS : 0,
    );
    timer.unref();
    this.rehearsals.set(uri, timer);
  }

  /**
   * After a whole-file lint: an acl defined here may make a list in an open sibling IPv4-only (or stop doing so), so
   * lint those again. Only after an open or an edit, so neighbours linted this way do not set each other off in turn.
   */
  private relintNeighbours(uri: string): void {
    if (!this.touched.delete(uri)) return;
    this.relint(this.session.includeNeighbours(uri));
  }
}
