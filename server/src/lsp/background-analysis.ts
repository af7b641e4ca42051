// The whole-file analysis of a large document in a worker thread, so a keystroke never waits behind it.
//
// After edits taken by the incremental fast path, the linter analyses the whole file once typing pauses (whole-file
// rules such as bind/duplicate catch up then). On the benchmark's 1.8 MB named.conf that takes over a second; run on
// the server's own thread it held up every keystroke, hover and completion that arrived meanwhile. Here it runs in a
// worker started from the server's own bundle (server.ts serves analyses when it finds itself in one), and posts back
// the parts of an incremental state (core/incremental.ts IncrementalParts: findings, line starts, segment bounds;
// plain data, the typed arrays transferred, not copied). The server keeps typing on the fast path meanwhile; a change
// to the document stops an analysis of it that is under way (the worker is ended), and the next pause asks again.
//
// Only what can be posted goes to the worker: the text, the settings, the editor's limits and the include problems.
// A document joined to others by includes (its rules read their models) is analysed on the server's thread as before.
//
// The workspace index (lsp/workspace.ts) asks the same worker for a large open document it has to read again (when
// it is saved): the findings, line starts and facts of workspace/file-facts.ts, which is all the index keeps of it.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { analyze, type AnalyzeContext } from '../core/analyze';
import { incrementalPartsOf, type IncrementalParts } from '../core/incremental';
import { DIALECTS } from '../core/registry';
import type { Settings } from '../core/settings';
import type { Dialect, Finding } from '../core/types';
import { fileFacts, type FileFacts } from '../workspace/file-facts';
import { pathOf } from './files';

/** workerData.role of our workers: server.ts serves analyses instead of opening a connection when it sees it. */
const WORKER_ROLE = 'v6ready-analysis';

/**
 * A worker with nothing to do for this long is ended: its heap (what the last analysis left for its collector) and
 * its copy of the code go with it; the next pause starts another, off the server's thread.
 */
export const WORKER_IDLE_MS = 1000;

/** What the worker is sent: all of it survives structured cloning. */
interface AnalysisRequest {
  id: number;
  /** 'edit': the parts of an incremental state (the linter); 'index': what the workspace index keeps of a file. */
  purpose: 'edit' | 'index';
  dialect: string;
  text: string;
  settings: Settings;
  context: Pick<AnalyzeContext, 'syntaxOnlyAbove' | 'includeProblems' | 'linkedPartial' | 'path'>;
}

/** A file's analysis as the workspace index keeps it (workspace/model.ts IndexedFile), without the model. */
export interface IndexParts {
  /**
   * Without their fixes: the index's readers (the readiness report, the service facts) do not apply them, and the
   * 10,000 findings of a large named.conf kept their fixes a second time beside the linter's.
   */
  findings: Finding[];
  lineStarts: Int32Array;
  facts: FileFacts;
}

type AnalysisAnswer = { id: number; parts: IncrementalParts | IndexParts | undefined } | { id: number; error: string };

/** Is this thread one of our analysis workers? */
export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === WORKER_ROLE;
}

/** The worker's side: analyse what the server sends, answer with the parts of an incremental state. */
export function serveAnalyses(): void {
  const port = parentPort;
  if (!port) throw new Error('serveAnalyses runs in a worker thread');
  port.on('message', (req: AnalysisRequest) => {
    let answer: AnalysisAnswer;
    let transfer: ArrayBuffer[] = [];
    try {
      const dialect = DIALECTS.find((d) => d.name === req.dialect);
      if (!dialect) throw new Error(`no dialect named ${req.dialect}`);
      const analysis = analyze(dialect, req.text, req.settings, req.context);
      if (req.purpose === 'index') {
        const findings = analysis.findings.map((f) => (f.fixes.length ? { ...f, fixes: [] } : f));
        const parts: IndexParts = { findings, lineStarts: analysis.lines.startsArray, facts: fileFacts(dialect, req.text, analysis) };
        answer = { id: req.id, parts };
        transfer = [parts.lineStarts.buffer as ArrayBuffer];
      } else {
        const parts = incrementalPartsOf(analysis);
        answer = { id: req.id, parts };
        if (parts) transfer = [parts.lineStarts.buffer, parts.segments.start.buffer, parts.segments.end.buffer, parts.segments.local.buffer] as ArrayBuffer[];
      }
    } catch (err) {
      answer = { id: req.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    port.postMessage(answer, transfer);
  });
}

interface Waiting {
  request: AnalysisRequest;
  resolve: (parts: IncrementalParts | IndexParts | undefined) => void;
  reject: (err: Error) => void;
}

/**
 * The server's side: one worker, one analysis at a time. A request waiting for the worker is replaced by a newer one
 * for the same document (it resolves to undefined: superseded); the one running finishes, and its caller decides
 * whether its version still matters.
 */
export class BackgroundAnalysis {
  private worker: Worker | undefined;
  private running: (Waiting & { uri: string }) | undefined;
  private readonly queue = new Map<string, Waiting>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  /** Set when a worker could not be started: everything runs on the server's thread from then on. */
  private broken = false;

  /** @param script the file to start workers from (the server's bundle), or undefined for none at all. */
  constructor(private readonly script: string | undefined) {}

  get available(): boolean {
    return this.script !== undefined && !this.broken;
  }

  /** The parts of the state a full analysis of `text` leaves, computed in the worker; undefined if superseded. */
  analyze(uri: string, dialect: Dialect, text: string, settings: Settings, context: AnalysisRequest['context']): Promise<IncrementalParts | undefined> {
    return this.request(uri, { id: this.nextId++, purpose: 'edit', dialect: dialect.name, text, settings, context }) as Promise<IncrementalParts | undefined>;
  }

  /**
   * What the workspace index keeps of `text` analysed on its own (no editor limits, no include context), computed in
   * the worker; undefined if superseded by a newer request for the same document. Queued apart from the linter's
   * requests, and not stopped by edits (the index reads a large document as it was when saved).
   */
  analyzeForIndex(uri: string, dialect: Dialect, text: string, settings: Settings): Promise<IndexParts | undefined> {
    return this.request(`index ${uri}`, { id: this.nextId++, purpose: 'index', dialect: dialect.name, text, settings, context: { path: pathOf(uri) } }) as Promise<IndexParts | undefined>;
  }

  private request(key: string, request: AnalysisRequest): Promise<IncrementalParts | IndexParts | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.get(key)?.resolve(undefined);
      this.queue.set(key, { request, resolve, reject });
      this.pump();
    });
  }

  /**
   * The document changed: an analysis of it waiting or running is of no use any more. A running one is stopped by
   * ending the worker (an analysis cannot be interrupted otherwise), so it neither competes with the edit's own lint
   * for the CPU nor posts back findings only to have them dropped; the next request starts a worker again.
   */
  cancel(uri: string): void {
    const waiting = this.queue.get(uri);
    if (waiting) {
      this.queue.delete(uri);
      waiting.resolve(undefined);
    }
    if (this.running?.uri === uri) {
      this.stop();
      this.pump();
    }
  }

  /** Ends the worker (the server is shutting down); what waits is dropped. */
  dispose(): void {
    for (const w of this.queue.values()) w.resolve(undefined);
    this.queue.clear();
    this.stop();
  }

  private pump(): void {
    if (this.running || this.queue.size === 0) return;
    const [uri, next] = this.queue.entries().next().value as [string, Waiting];
    this.queue.delete(uri);
    const worker = this.start();
    if (!worker) {
      next.reject(new Error('no analysis worker'));
      return;
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.running = { ...next, uri };
    worker.postMessage(next.request);
  }

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    if (!this.available) return undefined;
    let worker: Worker;
    try {
      worker = new Worker(this.script!, { workerData: { role: WORKER_ROLE } });
    } catch {
      this.broken = true;
      return undefined;
    }
    // The server's process ends when its connection does, whatever the worker is doing.
    worker.unref();
    worker.on('message', (answer: AnalysisAnswer) => this.answered(worker, answer));
    worker.on('error', (err) => this.failed(worker, err));
    worker.on('exit', (code) => this.failed(worker, new Error(`the analysis worker exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private answered(worker: Worker, answer: AnalysisAnswer): void {
    const running = this.running;
    if (worker !== this.worker || !running || running.request.id !== answer.id) return;
    this.running = undefined;
    if ('error' in answer) running.reject(new Error(answer.error));
    else running.resolve(answer.parts);
    if (this.queue.size > 0) this.pump();
    else this.idleTimer = setTimeout(() => this.stop(), WORKER_IDLE_MS).unref();
  }

  /** The worker died (crashed, ran out of memory, was ended): whatever it was doing fails; the next request starts one. */
  private failed(worker: Worker, err: Error): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    const running = this.running;
    this.running = undefined;
    running?.reject(err);
    this.pump();
  }

  private stop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const worker = this.worker;
    this.worker = undefined;
    const running = this.running;
    this.running = undefined;
    running?.resolve(undefined);
    void worker?.terminate();
  }
}
