// compatibleFixes (core/edits.ts): which fixes fix-all applies together. Its answer must be the plain rule — a fix is
// kept when none of its edits overlaps an edit already kept (two insertions at one point overlap) — however it is
// computed, and the work must grow with the number of fixes, not with its square.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compatibleFixes } from '../../server/src/core/edits';
import type { Edit, Fix } from '../../server/src/core/types';

/** The rule as stated, comparing every edit with every edit kept. */
function naive(fixes: readonly Fix[]): { kept: Fix[]; skipped: number } {
  const overlaps = (a: Edit, b: Edit) => (a.start === a.end && b.start === b.end ? a.start === b.start : a.start < b.end && b.start < a.end);
  const taken: Edit[] = [];
  const kept: Fix[] = [];
  let skipped = 0;
  for (const fix of fixes) {
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) skipped++;
    else {
      taken.push(...fix.edits);
      kept.push(fix);
    }
  }
  return { kept, skipped };
}

function randomFixes(seed: number, count: number, textLength: number): Fix[] {
  let s = seed;
  const rnd = (n: number) => ((s = (s * 1103515245 + 12345) >>> 0) >>> 8) % n;
  const fixes: Fix[] = [];
  for (let i = 0; i < count; i++) {
    const edits: Edit[] = [];
    let at = rnd(textLength);
    // One to three sorted, disjoint edits: insertions (empty) and replacements of one to four characters.
    for (let k = 1 + rnd(3); k > 0 && at <= textLength; k--) {
      const len = rnd(3) === 0 ? 0 : 1 + rnd(4);
      const end = Math.min(textLength, at + len);
      edits.push({ start: at, end, newText: 'x' });
      at = end + 1 + rnd(20);
    }
    fixes.push({ title: `fix ${i}`, safe: true, edits });
  }
  return fixes;
}

test('keeps exactly the fixes the plain rule keeps, on random edits (insertions, touching and nested ones)', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const fixes = randomFixes(seed, 1 + (seed % 60), 40 + (seed % 200));
    const got = compatibleFixes(fixes);
    const want = naive(fixes);
    assert.deepEqual(got.kept.map((f) => f.title), want.kept.map((f) => f.title), `seed ${seed}`);
    assert.equal(got.skipped, want.skipped, `seed ${seed}`);
  }
});

test('the boundary cases: touching edits are compatible, an insertion inside a replacement or at the same point is not', () => {
  const fix = (title: string, ...edits: [number, number][]): Fix => ({ title, safe: true, edits: edits.map(([start, end]) => ({ start, end, newText: '' })) });
  const { kept } = compatibleFixes([fix('a', [5, 10]), fix('touch after', [10, 12]), fix('touch before', [3, 5]), fix('insert at end', [10, 10]), fix('insert inside', [7, 7]), fix('insert again', [10, 10]), fix('overlap', [11, 13]), fix('two, one clashing', [20, 21], [4, 6])]);
  assert.deepEqual(kept.map((f) => f.title), ['a', 'touch after', 'touch before', 'insert at end']);
});

test('grows with the number of fixes, not with its square (counted in comparisons of edits, not timed)', () => {
  // Disjoint one-character fixes in document order, as fix-all gets from a file with a fix on every line.
  const count = (n: number) => {
    const fixes: Fix[] = Array.from({ length: n }, (_, i) => ({ title: String(i), safe: true, edits: [{ start: 3 * i, end: 3 * i + 1, newText: 'y' }] }));
    // Count property reads of the edits' ends: the work of the overlap tests.
    let reads = 0;
    for (const f of fixes) {
      const e = f.edits[0];
      const end = e.end;
      Object.defineProperty(e, 'end', { get: () => (reads++, end), enumerable: true });
    }
    const r = compatibleFixes(fixes);
    assert.equal(r.kept.length, n);
    return reads;
  };
  const small = count(2000);
  const large = count(8000);
  assert.ok(large / small < 8, `4x the fixes cost ${(large / small).toFixed(1)}x the comparisons (quadratic would be 16x)`);
});
