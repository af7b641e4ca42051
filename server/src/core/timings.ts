// Where a check's time goes, for `v6ready check --timing` (as ESLint's TIMING=1): wall milliseconds by step and by
// rule, summed over the files checked. Pure: `performance.now()` is a global in Node, workers and browsers alike.

/** A step's wall time: `parse`, `rule bind/duplicate`, `workspace: index`, ... */
export interface TimingRow {
  label: string;
  ms: number;
  /** How many times the step ran (once per file for the per-file ones). */
  count: number;
}

export class Timings {
  private readonly rows = new Map<string, TimingRow>();

  add(label: string, ms: number): void {
    const row = this.rows.get(label);
    if (row) {
      row.ms += ms;
      row.count++;
    } else this.rows.set(label, { label, ms, count: 1 });
  }

  /** Run `fn`, adding its wall time to `label`; what it throws is thrown on, with the time still added. */
  time<T>(label: string, fn: () => T): T {
    const t = performance.now();
    try {
      return fn();
    } finally {
      this.add(label, performance.now() - t);
    }
  }

  /** Every step, slowest first. */
  sorted(): TimingRow[] {
    return [...this.rows.values()].sort((a, b) => b.ms - a.ms || a.label.localeCompare(b.label));
  }
}

/** `fn()`, its time added to `label` when there are timings to add it to (a run without --timing times nothing). */
export function timed<T>(timings: Timings | undefined, label: string, fn: () => T): T {
  return timings ? timings.time(label, fn) : fn();
}

/**
 * The table `--timing` prints: the `limit` slowest steps with their share of `totalMs` (the whole command, from
 * its first line to its output), and one line for the rest.
 */
export function formatTimings(timings: Timings, totalMs: number, limit = 25): string {
  const rows = timings.sorted();
  const shown = rows.slice(0, limit);
  const rest = rows.slice(limit);
  const lines: [string, string, string, string][] = [['step', 'ms', 'share', 'runs']];
  const pct = (ms: number) => (totalMs > 0 ? `${((100 * ms) / totalMs).toFixed(1)}%` : '–');
  for (const r of shown) lines.push([r.label, r.ms.toFixed(1), pct(r.ms), String(r.count)]);
  if (rest.length > 0) {
    const ms = rest.reduce((s, r) => s + r.ms, 0);
    lines.push([`${rest.length} more step${rest.length === 1 ? '' : 's'}`, ms.toFixed(1), pct(ms), String(rest.reduce((s, r) => s + r.count, 0))]);
  }
  lines.push(['whole command', totalMs.toFixed(1), pct(totalMs), '1']);
  const width = [0, 1, 2, 3].map((i) => Math.max(...lines.map((l) => l[i].length)));
  return lines.map((l) => [l[0].padEnd(width[0]), l[1].padStart(width[1]), l[2].padStart(width[2]), l[3].padStart(width[3])].join('  ')).join('\n');
}
