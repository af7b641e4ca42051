// core/text.ts finds the line starts of a text without CR with indexOf: the same table as a scan of every character
// that takes LF, CR LF and a lone CR as line breaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, lineStartAt } from '../../server/src/core/text';
import { randomTexts } from '../fixture-lib';

function scanned(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) out.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      out.push(i + 1);
    }
  }
  return out;
}

test('line starts of texts with and without CR, as a scan of every character finds them', () => {
  const texts = ['', '\n', '\n\n', 'a', 'a\n', 'a\nb', '\r', '\r\n', 'a\r\nb\rc\n', 'x'.repeat(5000) + '\n'.repeat(3000) + 'y'];
  for (const text of [...texts, ...randomTexts(['a', 'bc', ' ', '\n', '\n\n', '\r\n', '\r', 'é'], 1000, 0x11ee)]) {
    assert.deepEqual([...new LineIndex(text).startsArray], scanned(text), JSON.stringify(text));
  }
});

test('an edited index has the line starts of the new text (what the fast path keeps from edit to edit)', () => {
  let seed = 0x5eed;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / (1 << 24);
  const pieces = ['a', 'bc', ' ', '\n', '\n\n', '\r\n', '\r', 'é'];
  for (const text of randomTexts(pieces, 600, 0x1ed)) {
    let current = text;
    let index = new LineIndex(current);
    // A few chained edits per text: replacements, insertions and deletions, at the ends too.
    for (let k = 0; k < 4; k++) {
      const start = Math.floor(rnd() * (current.length + 1));
      const end = start + Math.floor(rnd() * Math.min(4, current.length - start + 1));
      let inserted = '';
      for (let j = Math.floor(rnd() * 4); j > 0; j--) inserted += pieces[Math.floor(rnd() * pieces.length)];
      const next = current.slice(0, start) + inserted + current.slice(end);
      index = index.edited(next, start, end, inserted);
      const what = `${JSON.stringify(current)}: [${start}, ${end}) -> ${JSON.stringify(inserted)}`;
      assert.deepEqual([...index.startsArray], scanned(next), what);
      current = next;
    }
  }
});

test('lineStartAt: the start of the line holding an offset, also at offset 0 before a line break', () => {
  assert.equal(lineStartAt('\nabc', 0), 0);
  assert.equal(lineStartAt('\nabc', 1), 1);
  assert.equal(lineStartAt('\nabc', 3), 1);
  assert.equal(lineStartAt('ab\ncd\n', 2), 0);
  assert.equal(lineStartAt('ab\ncd\n', 3), 3);
  assert.equal(lineStartAt('ab\ncd\n', 6), 6);
  assert.equal(lineStartAt('', 0), 0);
});
