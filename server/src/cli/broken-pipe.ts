// `v6ready check … | head`: when the reader of stdout (or stderr) goes away, Node's next write to it fails with
// EPIPE, and with no listener on the stream that becomes an uncaught exception: a stack trace, and exit status 1,
// which the CLI uses for "error findings". Unix tools stop quietly then; so does v6ready, with the status it has
// (0 when it has none yet). Another error writing the output (ENOSPC, EIO) is one line, status 2. Any other uncaught
// exception is reported as main() reports an internal error, status 2.

/** Install the handler (once per process: the CLI's loader does, for every command but the language server). */
export function exitQuietlyOnBrokenPipe(): void {
  process.on('uncaughtException', (err: unknown) => {
    const e = err as NodeJS.ErrnoException | undefined;
    if (e?.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    // Any other failed write to stdout or stderr (a full disk, an I/O error) is the output's fault, not ours: one
    // line, no stack. The CLI's own writes (--fix, report --output) catch their errors, so a write that gets here
    // is one of those streams'.
    if (e?.syscall === 'write' && typeof e.code === 'string') {
      try {
        process.stderr.write(`v6ready: cannot write the output: ${e.code}\n`);
      } finally {
        process.exit(2);
      }
    }
    try {
      process.stderr.write(`v6ready: internal error: ${e?.stack ?? String(err)}\n`);
    } finally {
      process.exit(2);
    }
  });
}
