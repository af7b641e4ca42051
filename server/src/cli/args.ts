// Command-line values the CLI checks before running: kept apart from main.ts (which runs on import) to be testable.

/** A mistake in the command line: the message and the usage text on stderr, exit 2. */
export class UsageError extends Error {}

/**
 * The value of --max-warnings: a whole number >= 0, or -1 for no limit (ESLint's convention, so a script can pass
 * the same value to both); undefined means no limit. Anything else is a usage error.
 */
export function parseMaxWarnings(v: string): number | undefined {
  if (v.trim() === '-1') return undefined;
  if (!/^\d+$/.test(v.trim())) throw new UsageError(`--max-warnings needs a whole number >= 0, or -1 for no limit, not '${v}'`);
  return Number(v.trim());
}
