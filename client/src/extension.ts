// The VS Code side: starts the v6ready language server (dist/server.js) and registers the commands. Nothing else.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { renderHtml } from '../../server/src/workspace/render';
import type { ReadinessReport } from '../../server/src/workspace/report';

/**
 * The language ids of core/registry.ts DIALECTS. Listed here rather than imported: importing the registry
 * would bundle every grammar into the client and build the parsers during activation. test/lsp checks that
 * this list, the registry and package.json agree.
 */
/**
 * Node options of the language server (the benchmark starts it with the same: scripts/bench/run.mjs).
 * --expose-gc: after dropping a large document's analysis (~100 MB for 2 MB of named.conf) the server asks for a
 * collection once the editor is quiet, rather than hold that memory until V8 next needs it (Session.release).
 * Not --max-semi-space-size=8: the idle server held 15-20 MB less, but edits took 3-4 ms longer (server/README.md).
 */
export const SERVER_EXEC_ARGV = ['--expose-gc'];

export const LANGUAGE_IDS = ['bind-named', 'apacheconf', 'sendmail-mc', 'freebsd-rc-conf', 'dns-zone', 'sshd-config'];

let client: LanguageClient | undefined;
let serverStarted: Promise<void> | undefined;
let reportPanel: vscode.WebviewPanel | undefined;

/** Clicks on a place in the report go to the extension, which opens the file there. */
const REPORT_SCRIPT = `const vscode = acquireVsCodeApi();
document.addEventListener('click', (e) => {
  const a = e.target instanceof Element ? e.target.closest('a.loc') : null;
  if (!a) return;
  e.preventDefault();
  vscode.postMessage({ path: a.dataset.path, line: Number(a.dataset.line), column: Number(a.dataset.column) });
});`;

/**
 * "v6ready: Show IPv6 readiness report": asks the server for the report of the workspace folders and shows it in a
 * webview (one panel, refreshed when the command runs again). Links open the file at the place, and only files
 * the report names can be opened that way.
 */
async function showReport(context: vscode.ExtensionContext, output: vscode.OutputChannel): Promise<void> {
  if (!client || !serverStarted) return;
  try {
    await serverStarted;
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'v6ready: building the IPv6 readiness report' },
      () => client!.sendRequest<ReadinessReport | null>('v6ready/readinessReport', null),
    );
    if (!report || report.services.length === 0) {
      void vscode.window.showInformationMessage('v6ready: no server configs found in the workspace folders, so there is no IPv6 readiness report to show.');
      return;
    }
    const allowed = new Set<string>();
    for (const s of report.services) {
      for (const f of s.findings) for (const l of [f.at, ...f.related]) allowed.add(l.path);
      for (const n of s.names) allowed.add(n.at.path);
      if (s.listenAt) allowed.add(s.listenAt.path);
      if (s.admitsAt) allowed.add(s.admitsAt.path);
    }
    for (const p of report.problems) allowed.add(p.path);
    if (!reportPanel) {
      reportPanel = vscode.window.createWebviewPanel('v6ready.report', 'IPv6 readiness report', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      reportPanel.onDidDispose(() => (reportPanel = undefined), undefined, context.subscriptions);
    } else reportPanel.reveal();
    const panel = reportPanel;
    const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'`;
    panel.webview.html = renderHtml(report, { csp, href: () => '#', script: { nonce, code: REPORT_SCRIPT } });
    panel.webview.onDidReceiveMessage(async (m: { path?: unknown; line?: unknown; column?: unknown }) => {
      if (typeof m?.path !== 'string' || !allowed.has(m.path)) return;
      const line = Math.max(0, Number(m.line) - 1 || 0);
      const col = Math.max(0, Number(m.column) - 1 || 0);
      const at = new vscode.Position(line, col);
      await vscode.window.showTextDocument(vscode.Uri.file(m.path), { selection: new vscode.Range(at, at), viewColumn: vscode.ViewColumn.One });
    }, undefined, context.subscriptions);
    output.appendLine(`v6ready: readiness report shown (${report.services.length} services, ${report.summary.errors} errors, ${report.summary.warnings} warnings)`);
  } catch (err) {
    void vscode.window.showErrorMessage(`v6ready: could not build the readiness report: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('v6ready');
  context.subscriptions.push(output);

  const module = context.asAbsolutePath('dist/server.js');
  // MALLOC_ARENA_MAX=1: glibc gives every thread that allocates its own malloc arena and keeps what they freed; with
  // the worker of whole-file passes (and V8's own threads) that held ~15-30 MB once the server was idle with a 2 MB
  // named.conf open (BENCHMARKS.md: 124-127 MB with one arena, 141-157 MB without). Ignored by other C libraries.
  const env = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '1' };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV, env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'], env } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGE_IDS.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: { configurationSection: 'v6ready' },
    // In an untrusted workspace the server reads nothing outside the workspace folders, symlinks resolved.
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
    outputChannel: output,
    middleware: {
      // The server's `v6ready.fixAll` command is registered by the client library from the server's
      // executeCommandProvider; run from the palette it has no argument, so give it the active editor.
      executeCommand: (command, args, next) => {
        if (command === 'v6ready.fixAll' && args.length === 0) {
          const doc = vscode.window.activeTextEditor?.document;
          if (!doc || !LANGUAGE_IDS.includes(doc.languageId)) {
            void vscode.window.showInformationMessage('v6ready: open a file v6ready lints to fix its problems.');
            return undefined;
          }
          args = [doc.uri.toString()];
        }
        return next(command, args);
      },
    },
  };
  client = new LanguageClient('v6ready', 'v6ready', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('v6ready.restartServer', async () => {
      if (!client) return;
      output.appendLine('v6ready: restarting the language server');
      await client.restart();
    }),
  );

  context.subscriptions.push(vscode.commands.registerCommand('v6ready.showReport', () => showReport(context, output)));
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      client?.sendNotification('v6ready/workspaceTrust', { trusted: true }).catch((err: unknown) => output.appendLine(`v6ready: could not pass workspace trust to the server: ${String(err)}`));
    }),
  );

  // Not awaited: activation must not wait for the server process.
  serverStarted = client.start();
  serverStarted.then(
    () => output.appendLine(`v6ready language server ready in ${Math.round(performance.now() - started)} ms`),
    (err: unknown) => output.appendLine(`v6ready language server failed to start: ${err instanceof Error ? err.message : String(err)}`),
  );
  output.appendLine(`v6ready activated in ${Math.round(performance.now() - started)} ms`);
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
