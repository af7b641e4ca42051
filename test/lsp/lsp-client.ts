// A small LSP client for tests: spawns the bundled server (`node dist/server.js --stdio`), speaks JSON-RPC to
// it, records what it publishes and answers its requests (configuration, applyEdit, registration).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type ConfigurationItem,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The bundle under test; V6READY_TEST_SERVER may name another build of it (a private one, to test a working copy). */
export const SERVER = process.env.V6READY_TEST_SERVER || fileURLToPath(new URL('../../dist/server.js', import.meta.url));

/** What VS Code announces, trimmed to what the server looks at. */
export const VSCODE_LIKE_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: {
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    completion: { completionItem: { snippetSupport: true } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
  },
};

export interface StartOptions {
  capabilities?: ClientCapabilities;
  /** Answers workspace/configuration; the default returns {} (defaults) for each item. */
  configuration?: (items: ConfigurationItem[]) => unknown[];
  /** Answers workspace/applyEdit; the default accepts it. Every edit is recorded in `appliedEdits` either way. */
  applyEdit?: (params: ApplyWorkspaceEditParams) => boolean;
  /** A folder to open as the one workspace folder (and root); default: none. */
  workspace?: string;
  /** Node options before the server script (e.g. `--require` of a preload). */
  nodeArgs?: string[];
}

type Waiter = { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: { type: number; message: string }[] = [];
  readonly configurationRequests: ConfigurationItem[][] = [];
  /** What the server registered (client/registerCapability), in order. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  stderr = '';
  private waiters: Waiter[] = [];
  private exited: Promise<number | null>;
  private versions = new Map<string, number>();

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    private readonly options: StartOptions,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== p.uri || !w.predicate(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    connection.onNotification(LogMessageNotification.type, (p) => this.logs.push(p));
    connection.onRequest(ConfigurationRequest.type, (p) => {
      this.configurationRequests.push(p.items);
      return this.options.configuration ? this.options.configuration(p.items) : p.items.map(() => ({}));
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      this.appliedEdits.push(p);
      return { applied: this.options.applyEdit ? this.options.applyEdit(p) : true };
    });
    connection.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    connection.listen();
  }

  /** Spawn the server. The bundle must exist: run `npm run build` first. */
  static start(options: StartOptions = {}): LspClient {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` before the lsp tests`);
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    // A write after the server died must fail the test that caused it, not crash the runner.
    child.stdin.on('error', () => undefined);
    return new LspClient(child, connection, options);
  }

  /** start() + initialize + initialized, in one step. */
  static async started(options: StartOptions = {}): Promise<{ client: LspClient; init: InitializeResult }> {
    const client = LspClient.start(options);
    const init = await client.initialize();
    return { client, init };
  }

  async initialize(): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: this.options.workspace ? pathToFileURL(this.options.workspace).href : null,
      capabilities: this.options.capabilities ?? VSCODE_LIKE_CAPABILITIES,
      workspaceFolders: this.options.workspace ? [{ uri: pathToFileURL(this.options.workspace).href, name: 'ws' }] : null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async open(uri: string, text: string, languageId = 'bind-named'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replace the whole text (a range-less change); returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Edits of ranges in one notification, applied in order, as an editor sends typing; returns the new version. */
  async edit(uri: string, changes: { range: Range; text: string }[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /**
   * A burst of didChange, one per entry (each a list of range edits), written to the server in one write, so that it
   * reads them together and they wait in its queue as when the client types faster than it lints. Returns the versions.
   */
  async editBurst(uri: string, burst: { range: Range; text: string }[][]): Promise<number[]> {
    const versions: number[] = [];
    let out = '';
    for (const contentChanges of burst) {
      const version = (this.versions.get(uri) ?? 1) + 1;
      this.versions.set(uri, version);
      versions.push(version);
      const body = JSON.stringify({ jsonrpc: '2.0', method: DidChangeTextDocumentNotification.method, params: { textDocument: { uri, version }, contentChanges } });
      out += `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
    }
    await new Promise<void>((resolve, reject) => this.child.stdin.write(out, (err) => (err ? reject(err) : resolve())));
    return versions;
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** workspace/didChangeWatchedFiles (type 1 created, 2 changed, 3 deleted). */
  async watchedFilesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  async changeConfiguration(settings: unknown = null): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  /** The latest diagnostics already published for uri, if any. */
  latest(uri: string): PublishDiagnosticsParams | undefined {
    const list = this.diagnostics.get(uri);
    return list?.[list.length - 1];
  }

  /**
   * Resolves with the first publication for uri that satisfies predicate: the latest one already received if
   * it does, else the next one that does. Rejects after timeoutMs.
   */
  waitForDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const last = this.latest(uri);
    if (last && predicate(last)) return Promise.resolve(last);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        uri,
        predicate,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = JSON.stringify(this.diagnostics.get(uri) ?? []).slice(0, 2000);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; published: ${seen}; server stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Publications for uri received so far (a copy). */
  published(uri: string): PublishDiagnosticsParams[] {
    return [...(this.diagnostics.get(uri) ?? [])];
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** shutdown + exit, then wait for the process; kill it if it lingers. Safe to call twice. */
  async dispose(): Promise<void> {
    if (this.alive) {
      try {
        await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 3000);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // the server is gone or stuck: the kill below ends it
      }
      const code = await withTimeout(this.exited, 3000).catch(() => undefined);
      if (code === undefined && this.alive) this.child.kill('SIGKILL');
    }
    this.connection.dispose();
    this.waiters = [];
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

/** Apply LSP text edits to a text (as a client would): by positions in the original text, last first. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  const lineEnd = (line: number) => {
    if (line + 1 >= starts.length) return text.length;
    let e = starts[line + 1] - 1;
    if (text[e] === '\n' && text[e - 1] === '\r') e--;
    return e;
  };
  const offset = (p: { line: number; character: number }) =>
    p.line >= starts.length ? text.length : Math.min(starts[p.line] + p.character, lineEnd(p.line));
  const sorted = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The edits a WorkspaceEdit makes to one document (documentChanges or changes form). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const out: TextEdit[] = [];
  for (const dc of edit.documentChanges ?? []) {
    if ('textDocument' in dc && dc.textDocument.uri === uri) out.push(...(dc.edits as TextEdit[]));
  }
  out.push(...(edit.changes?.[uri] ?? []));
  return out;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
