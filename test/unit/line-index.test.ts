// core/text.ts finds the line starts of a text without CR with indexOf: the same table as a scan of every character
// that takes LF, CR LF and a lone CR as line breaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core/text';
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
