// LSP entry: open the connection (--stdio or --node-ipc, as the client asks), bind the handlers from lsp/
// (which announce the capabilities at initialize) and listen. Bad input must never end the process.
// The same bundle is the worker that analyses large documents off the server's thread (lsp/background-analysis.ts).
import { isAnalysisWorker, serveAnalyses } from './lsp/background-analysis';
import { openConnection } from './lsp/connection';
import { bindServer } from './lsp/handlers';

function startServer(): void {
  const connection = openConnection();
  // This file, bundled (dist/server.js), is what the worker is started from.
  const session = bindServer(connection, __filename);

  // Last line of defence: every handler is already guarded; anything that still escapes is logged, not fatal.
  process.on('uncaughtException', (err) => session.logError('uncaught exception', err));
  process.on('unhandledRejection', (err) => session.logError('unhandled rejection', err));

  connection.listen();
}

if (isAnalysisWorker()) serveAnalyses();
else startServer();
