// `v6ready check … | head`: when the reader of stdout (or stderr) goes away, Node's next write to it fails with
// EPIPE, and with no listener on the stream that becomes an uncaught exception: a stack trace, and exit status 1,
// which the CLI uses for "error findings". Unix tools stop quietly then; so does v6ready, with the status it has
// (0 when it has none yet). Any other uncaught exception is reported as main() reports an internal error, status 2.

/** Install the handler (once per process: the CLI's loader does, for every command but the language server). */
export function exitQuietlyOnBrokenPipe(): void {
  process.on('uncaughtException', (err: unknown) => {
    const e = err as NodeJS.ErrnoException | undefined;
    if (e?.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    try {
      process.stderr.write(`v6ready: internal error: ${e?.stack ?? String(err)}\n`);
    } finally {
      process.exit(2);
    }
  });
}
