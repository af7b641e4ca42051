// LSP entry: open the connection (--stdio or --node-ipc, as the client asks), bind the handlers from lsp/
// (which announce the capabilities at initialize) and listen. Bad input must never end the process.
import { openConnection } from './lsp/connection';
import { bindServer } from './lsp/handlers';

const connection = openConnection();
const session = bindServer(connection);

// Last line of defence: every handler is already guarded; anything that still escapes is logged, not fatal.
process.on('uncaughtException', (err) => session.logError('uncaught exception', err));
process.on('unhandledRejection', (err) => session.logError('unhandled rejection', err));

connection.listen();
