// When the editor goes quiet, hand memory back: a full collection frees what the server dropped (a large document's
// model, the workspace index's old analyses), and a later one lets V8 shrink its young generation. And when the server
// has just made a large state that will live on, move it out of the young generation before the next keystroke.
import { COLLECT_WHEN_IDLE_MS, SHRINK_WHEN_IDLE_MS } from './limits';

/** V8's `gc` as --expose-gc gives it: a full collection, or with `{ type: 'minor' }` a scavenge. */
export type CollectGarbage = (options?: { type: 'minor' | 'major' }) => void;

/**
 * Full collections on a quiet server (Session.collectWhenIdle). The first, COLLECT_WHEN_IDLE_MS after the last
 * request or change, runs twice: the first pass frees the dropped objects, the second compacts the pages they left
 * sparse so V8 can give them back (with one, the heap V8 kept committed varied from 42 to 113 MB over runs; with two,
 * 55-58). That leaves the young generation at the size the analysis grew it to, up to 2 x 16 MB: V8 shrinks it only in
 * a collection that finds the allocation rate over its last few seconds low, which the first cannot, coming 2 s after
 * an analysis. So one more runs SHRINK_WHEN_IDLE_MS later (measured with the workspace folder open: 164-169 MB
 * resident before it, 123-133 MB after). A change postpones both (postpone), so no keystroke waits for one.
 */
export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;

  /** @param gc V8's collector, when the process was started with --expose-gc (the extension does); else nothing runs. */
  constructor(private readonly gc: CollectGarbage | undefined) {}

  /**
   * Many objects that will live long were just made (a large document's new state, from the worker's answer): move
   * them out of the young generation now, with two scavenges (V8 promotes what survives a second one), rather than in
   * the scavenges that the next keystrokes' lints set off. On the benchmark's named.conf they took 15-20 ms, once
   * or twice among the first edits after each whole-file pass; here ~20 ms, right after the publication, while
   * the editor's user is still reading it. Edit p95 in four interleaved runs each: 47-57 ms without, 35-49 with.
   */
  promoteNow(): void {
    if (typeof this.gc !== 'function') return;
    this.gc({ type: 'minor' });
    this.gc({ type: 'minor' });
  }

  /** Something large was dropped: collect once the editor has been quiet for a while. */
  request(): void {
    if (typeof this.gc !== 'function') return;
    const gc = this.gc;
    this.schedule(COLLECT_WHEN_IDLE_MS, () => {
      gc();
      gc();
      this.schedule(SHRINK_WHEN_IDLE_MS, gc);
    });
  }

  /** A change came in: a pending collection waits for the next quiet moment (and starts over from the first). */
  postpone(): void {
    if (this.timer) this.request();
  }

  /** Whether a collection is waiting for its quiet moment. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  private schedule(ms: number, run: () => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      run();
    }, ms);
    this.timer.unref();
  }
}
