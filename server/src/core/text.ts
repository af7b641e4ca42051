// Offsets <-> (line, character) positions. Characters are UTF-16 code units, as in LSP and JS strings.

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

/** Push the offsets after each line break found in text[from, to) (a CR LF is one break, read past `to`). */
function lineStartsIn(text: string, from: number, to: number, out: number[]): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) out.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      out.push(i + 1);
    }
  }
}

/** The offset of each line's first character. */
function lineStarts(text: string): Int32Array {
  if (text.indexOf('\r') >= 0) {
    const found = [0];
    lineStartsIn(text, 0, text.length, found);
    return Int32Array.from(found);
  }
  // Only LF breaks (most files): indexOf finds each one natively, where a loop over 2 MB of char codes runs mostly
  // before V8 optimises it, and the starts go straight into a typed array instead of a number[] copied into one.
  let starts = new Int32Array(Math.max(16, text.length >> 4));
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (n === starts.length) {
      const grown = new Int32Array(n * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[n++] = i + 1;
  }
  return starts.slice(0, n);
}

/** Line-start table of a text; built once per document version, O(log n) lookups. */
export class LineIndex {
  private readonly starts: Int32Array;

  constructor(
    private readonly text: string,
    starts?: Int32Array,
  ) {
    if (starts) {
      this.starts = starts;
      return;
    }
    this.starts = lineStarts(text);
  }

  /**
   * The index of `newText`, which is this index's text with [start, end) replaced by `inserted`: line starts before
   * the change are kept, those after it shifted, only the changed stretch is scanned again (equal to a new index).
   */
  edited(newText: string, start: number, end: number, inserted: string): LineIndex {
    const delta = inserted.length - (end - start);
    // Rescan from one character before the change (a CR there may pair with what follows) to one after it.
    const from = Math.max(0, start - 1);
    const to = Math.min(newText.length, start + inserted.length + 1);
    const old = this.starts;
    // The lines starting at or before `from` stay as they are: found by bisection (an edit near the end of a
    // 120,000-line file walked them all).
    let kept = 0;
    let hi = old.length;
    while (kept < hi) {
      const mid = (kept + hi) >>> 1;
      if (old[mid] <= from) kept = mid + 1;
      else hi = mid;
    }
    const scanned: number[] = [];
    lineStartsIn(newText, from, to, scanned);
    while (scanned.length > 0 && scanned[scanned.length - 1] > to) scanned.pop();
    let tail = kept;
    while (tail < old.length && old[tail] + delta <= to) tail++;
    const out = new Int32Array(kept + scanned.length + (old.length - tail));
    out.set(old.subarray(0, kept), 0);
    out.set(scanned, kept);
    let k = kept + scanned.length;
    for (let j = tail; j < old.length; j++) out[k++] = old[j] + delta;
    return new LineIndex(newText, out);
  }

  /** The offset of each line's first character (the index's own array: read it, do not change it). */
  get startsArray(): Int32Array {
    return this.starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** End of the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    return { line, character: o - this.starts[line] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    return Math.min(this.starts[pos.line] + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  /** The leading whitespace of the line that holds offset. */
  indentationAt(offset: number): string {
    const start = this.starts[this.lineOf(offset)];
    let i = start;
    while (i < this.text.length && (this.text[i] === ' ' || this.text[i] === '\t')) i++;
    return this.text.slice(start, i);
  }

  /** The document's dominant line break. */
  get eol(): string {
    const i = this.text.indexOf('\n');
    return i > 0 && this.text[i - 1] === '\r' ? '\r\n' : '\n';
  }
}

/**
 * A copy of `s` that shares no memory with a larger string it was cut from. A slice of a document (a name, an address,
 * a key built from them) kept in a long-lived cache would otherwise keep the whole document text alive, one per
 * edited version: caches and kept findings store their strings through this.
 */
export function detachedString(s: string): string {
  // Strings this short are copied by V8 when sliced; a longer one is flattened into a new string by the concatenation.
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Where the line holding `offset` starts (after the last `\n` before it). Not `text.lastIndexOf('\n', offset - 1) + 1`
 * alone: at offset 0 that searches from 0 and, in a text starting with `\n`, finds the break after the cursor.
 */
export function lineStartAt(text: string, offset: number): number {
  return offset > 0 ? text.lastIndexOf('\n', offset - 1) + 1 : 0;
}
