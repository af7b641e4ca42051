// The VS Code side: starts the v6ready language server (dist/server.js) and registers the commands. Nothing else.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/**
 * The language ids of core/registry.ts DIALECTS. Listed here rather than imported: importing the registry
 * would bundle every grammar into the client and build the parsers during activation. test/lsp checks that
 * this list, the registry and package.json agree.
 */
export const LANGUAGE_IDS = ['bind-named', 'apacheconf', 'sendmail-mc', 'freebsd-rc-conf', 'dns-zone', 'sshd-config'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('v6ready');
  context.subscriptions.push(output);

  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
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

  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      client?.sendNotification('v6ready/workspaceTrust', { trusted: true }).catch((err: unknown) => output.appendLine(`v6ready: could not pass workspace trust to the server: ${String(err)}`));
    }),
  );

  // Not awaited: activation must not wait for the server process.
  client.start().then(
    () => output.appendLine(`v6ready language server ready in ${Math.round(performance.now() - started)} ms`),
    (err: unknown) => output.appendLine(`v6ready language server failed to start: ${err instanceof Error ? err.message : String(err)}`),
  );
  output.appendLine(`v6ready activated in ${Math.round(performance.now() - started)} ms`);
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
