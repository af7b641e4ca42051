// Binds every LSP handler to the connection: capabilities at initialize, document sync, diagnostics,
// configuration, code actions, hover, completion, symbols, folding and the fix-all command.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { CONFIG_FILE } from '../core/settings';
import { BackgroundAnalysis } from './background-analysis';
import { codeActions, executeFixAll, FIX_ALL_COMMAND, FIX_ALL_KIND } from './codeActions';
import { completion } from './completion';
import { validPosition, validRange } from './convert';
import { Linter } from './diagnostics';
import { pathOf } from './files';
import { hover } from './hover';
import { definition, documentLinks, prepareRename, references, rename, setWorkspaceFolders, setWorkspaceTrust, WORKSPACE_TRUST_NOTIFICATION } from './navigation';
import { documentSymbols, foldingRanges } from './outline';
import { Session } from './session';
import { REPORT_REQUEST, WorkspaceService } from './workspace';

export const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
  hoverProvider: true,
  completionProvider: { resolveProvider: false },
  documentSymbolProvider: { label: 'v6ready' },
  foldingRangeProvider: true,
  executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentLinkProvider: { resolveProvider: false },
};

/** Rename reports a refused name to the user (a ResponseError), unlike the other handlers' silent fallback. */
function renameHandler(session: Session) {
  return async (p: Parameters<typeof rename>[1]) => {
    try {
      return await rename(session, p);
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      session.logError('rename failed', err);
      return null;
    }
  };
}

/** @param analysisWorkerScript the server's bundle, to start the worker for whole-file analyses from (none: in-thread). */
export function bindServer(connection: Connection, analysisWorkerScript?: string): Session {
  const session = new Session(connection, new BackgroundAnalysis(analysisWorkerScript));
  const linter = new Linter(session);
  const workspace = new WorkspaceService(session);
  const g = session.guard.bind(session);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params?.capabilities ?? {};
    session.settings.pull = !!caps.workspace?.configuration;
    session.client.documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    session.client.hierarchicalSymbols = !!caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport;
    session.client.snippets = !!caps.textDocument?.completion?.completionItem?.snippetSupport;
    session.client.dynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    setWorkspaceFolders(params);
    session.settings.setFolders(params);
    workspace.folders = session.settings.folders;
    session.client.workDoneProgress = !!caps.window?.workDoneProgress;
    session.client.watchedFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    return { capabilities: CAPABILITIES, serverInfo: { name: 'v6ready' } };
  });

  connection.onInitialized(
    g('initialized', undefined, async () => {
      if (session.client.dynamicConfiguration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'v6ready' });
      }
      if (session.client.watchedFiles) {
        // Every file: an included file or a zone file can have any name (acl.conf, db.example), and the open
        // documents that include it must be linted again when it changes (Linter.filesChanged picks them; the
        // workspace index ignores files that cannot matter to it).
        const globs = ['**/*'];
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) });
      }
      // Not awaited: the index builds in the background (with progress); diagnostics follow as it completes.
      void workspace.start();
    }),
  );

  connection.onDidChangeConfiguration(
    g('didChangeConfiguration', undefined, (change) => {
      session.settings.changed(change?.settings);
      session.clearCache();
      linter.relintAll();
      workspace.settingsChanged();
    }),
  );

  connection.onDidChangeWatchedFiles(
    g('didChangeWatchedFiles', undefined, (change) => {
      workspace.filesChanged(change);
      // Open documents whose include trees hold (or looked for) a changed file: the index does not relint them.
      linter.filesChanged((change?.changes ?? []).flatMap((c) => pathOf(c.uri) ?? []));
      if (!change?.changes?.some((c) => c.uri.endsWith(`/${CONFIG_FILE}`))) return;
      session.settings.configFilesChanged();
      session.clearCache();
      linter.relintAll();
      workspace.settingsChanged();
    }),
  );

  // The user granted workspace trust: symlinks leaving the workspace may be followed from now on.
  connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, g('workspaceTrust', undefined, (p: unknown) => setWorkspaceTrust(p)));

  connection.onShutdown(g('shutdown', undefined, () => session.background.dispose()));

  linter.bind();
  // The workspace model follows the open documents; its findings are published with each document's own.
  session.extraDiagnostics = (uri) => workspace.diagnosticsFor(uri);
  workspace.relint = (uri) => void linter.republish(uri).catch((err) => session.logError(`linting ${uri} failed`, err));
  session.documents.onDidChangeContent((e) => workspace.documentChanged(e.document.uri, 'edit'));
  session.documents.onDidSave((e) => workspace.documentChanged(e.document.uri, 'save'));
  session.documents.onDidClose((e) => workspace.documentChanged(e.document.uri, 'close'));
  connection.onRequest(REPORT_REQUEST, g('readinessReport', null, () => workspace.report()));
  // A request at a position that cannot be one (negative, fractional) is answered with null, whatever the dialect.
  const at = <P, R>(fn: (p: P) => R) => (p: P) => (validPosition((p as { position?: unknown } | undefined)?.position) ? fn(p) : null);
  connection.onCodeAction(g('codeAction', null, (p) => (validRange(p?.range) ? codeActions(session, p) : null)));
  connection.onHover(g('hover', null, at((p) => hover(session, p))));
  connection.onCompletion(g('completion', null, at((p) => completion(session, p))));
  connection.onDocumentSymbol(g('documentSymbol', null, (p) => documentSymbols(session, p)));
  connection.onFoldingRanges(g('foldingRange', null, (p) => foldingRanges(session, p)));
  connection.onDefinition(g('definition', null, at((p) => definition(session, p))));
  connection.onReferences(g('references', null, at((p) => references(session, p))));
  connection.onPrepareRename(g('prepareRename', null, at((p) => prepareRename(session, p))));
  connection.onRenameRequest(at(renameHandler(session)));
  connection.onDocumentLinks(g('documentLink', null, (p) => documentLinks(session, p)));
  connection.onExecuteCommand(
    g('executeCommand', null, (p) => {
      if (p.command === FIX_ALL_COMMAND) return executeFixAll(session, p.arguments);
      throw new Error(`unknown command ${p.command}`);
    }),
  );
  session.documents.listen(connection);
  return session;
}
