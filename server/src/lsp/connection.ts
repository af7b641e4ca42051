// Opens the LSP connection over the transport the client asked for on the command line (--stdio, --node-ipc,
// --socket=N, --pipe=NAME); with none given, stdio, so `node dist/server.js` works from a terminal too.
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';

export type { Connection };

const TRANSPORT_FLAGS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

let handled = 0;

/**
 * How many messages from the client the connection has handled so far. The connection handles the messages it has
 * read one per turn of the event loop (setImmediate); the linter waits until a turn passes without one, so that a
 * burst of didChange already read is applied in full before the newest version is analysed (Linter.whenQuiet).
 */
export function messagesHandled(): number {
  return handled;
}

export function openConnection(argv: string[] = process.argv): Connection {
  const named = argv.slice(2).some((a) => TRANSPORT_FLAGS.includes(a.split('=')[0]));
  // createConnection() reads process.argv itself; it also redirects console.* to the client when on stdio,
  // so a stray console.log cannot corrupt the protocol stream.
  if (!named) process.argv.push('--stdio');
  return createConnection(ProposedFeatures.all, {
    messageStrategy: {
      handleMessage(message, next) {
        handled++;
        next(message);
      },
    },
  });
}
