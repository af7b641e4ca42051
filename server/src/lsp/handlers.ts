// Binds every LSP handler to the connection: capabilities at initialize, document sync, diagnostics,
// configuration, code actions, hover, completion, symbols, folding and the fix-all command.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { codeActions, executeFixAll, FIX_ALL_COMMAND, FIX_ALL_KIND } from './codeActions';
import { completion } from './completion';
import { Linter } from './diagnostics';
import { hover } from './hover';
import { definition, documentLinks, prepareRename, references, rename, setWorkspaceFolders, setWorkspaceTrust, WORKSPACE_TRUST_NOTIFICATION } from './navigation';
import { documentSymbols, foldingRanges } from './outline';
import { Session } from './session';

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

export function bindServer(connection: Connection): Session {
  const session = new Session(connection);
  const linter = new Linter(session);
  const g = session.guard.bind(session);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params?.capabilities ?? {};
    session.settings.pull = !!caps.workspace?.configuration;
    session.client.documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    session.client.hierarchicalSymbols = !!caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport;
    session.client.snippets = !!caps.textDocument?.completion?.completionItem?.snippetSupport;
    session.client.dynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    setWorkspaceFolders(params);
    return { capabilities: CAPABILITIES, serverInfo: { name: 'v6ready' } };
  });

  connection.onInitialized(
    g('initialized', undefined, async () => {
      if (session.client.dynamicConfiguration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'v6ready' });
      }
    }),
  );

  connection.onDidChangeConfiguration(
    g('didChangeConfiguration', undefined, (change) => {
      session.settings.changed(change?.settings);
      session.clearCache();
      linter.relintAll();
    }),
  );

  // The user granted workspace trust: symlinks leaving the workspace may be followed from now on.
  connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, g('workspaceTrust', undefined, (p: unknown) => setWorkspaceTrust(p)));

  linter.bind();
  connection.onCodeAction(g('codeAction', null, (p) => codeActions(session, p)));
  connection.onHover(g('hover', null, (p) => hover(session, p)));
  connection.onCompletion(g('completion', null, (p) => completion(session, p)));
  connection.onDocumentSymbol(g('documentSymbol', null, (p) => documentSymbols(session, p)));
  connection.onFoldingRanges(g('foldingRange', null, (p) => foldingRanges(session, p)));
  connection.onDefinition(g('definition', null, (p) => definition(session, p)));
  connection.onReferences(g('references', null, (p) => references(session, p)));
  connection.onPrepareRename(g('prepareRename', null, (p) => prepareRename(session, p)));
  connection.onRenameRequest(renameHandler(session));
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
