// A one-line progress counter for long runs, written to stderr only when stderr is a terminal (never into a
// pipe, a CI log or a file), redrawn at most every 100 ms and erased when the run ends.
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

/** Runs shorter than this many files finish before a counter would help. */
export const PROGRESS_MIN_FILES = 20;

export class Progress {
  private readonly on: boolean;
  private last = 0;
  private shown = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.on = !!stream.isTTY && !process.env.CI && total >= PROGRESS_MIN_FILES;
  }

  update(index: number, path: string): void {
    if (!this.on) return;
    const t = this.now();
    if (this.shown && t - this.last < 100) return;
    this.last = t;
    const head = `v6ready: [${index + 1}/${this.total}] `;
    // A terminal that reports no width (0, as a bare pty does) gets 80 columns.
    const width = (this.stream.columns || 80) - 1;
    const room = width - head.length;
    const shownPath = path.length <= room ? path : room >= 10 ? '…' + path.slice(path.length - room + 1) : '';
    this.stream.write(`\r\u001b[2K${head}${shownPath}`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}
