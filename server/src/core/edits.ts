// Applying edits and choosing which fixes can be applied together without overlapping.
import type { Edit, Finding, Fix } from './types';

function overlaps(a: Edit, b: Edit): boolean {
  // Two insertions at the same point conflict too: their order would be arbitrary.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** True when the fix's edits are sorted, in bounds and do not overlap each other. */
export function isWellFormedFix(fix: Fix, textLength: number): boolean {
  for (let i = 0; i < fix.edits.length; i++) {
    const e = fix.edits[i];
    if (e.start < 0 || e.end < e.start || e.end > textLength) return false;
    if (i > 0 && (fix.edits[i - 1].end > e.start || overlaps(fix.edits[i - 1], e))) return false;
  }
  return true;
}

/** Apply non-overlapping edits (any order) to text. Throws on overlap: that is a bug in a rule. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error(`overlapping edits at offset ${e.start}`);
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * Choose fixes to apply together: fixes are taken in finding order and kept only when none of their
 * edits touch an edit already kept. Returns the kept fixes and how many were left out for overlap.
 */
export function compatibleFixes(fixes: readonly Fix[]): { kept: Fix[]; skipped: number } {
  // The edits taken so far, sorted by start then end. They do not overlap one another, so their ends are in order
  // too, and the only ones a new edit can clash with are found by binary search and a short scan: comparing each
  // new edit with every edit taken was quadratic (a --fix of 20,000 `type master` zones took 4 s, 80,000 took 32 s).
  const taken: Edit[] = [];
  const kept: Fix[] = [];
  let skipped = 0;
  const clashes = (e: Edit): boolean => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid].end < e.start) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < taken.length && taken[j].start <= e.end; j++) if (overlaps(e, taken[j])) return true;
    return false;
  };
  const take = (e: Edit) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = taken[mid];
      if (t.start < e.start || (t.start === e.start && t.end <= e.end)) lo = mid + 1;
      else hi = mid;
    }
    taken.splice(lo, 0, e);
  };
  for (const fix of fixes) {
    if (fix.edits.some(clashes)) {
      skipped++;
      continue;
    }
    for (const e of fix.edits) take(e);
    kept.push(fix);
  }
  return { kept, skipped };
}

/** The safe fixes of the findings (the first safe fix of each), as fix-all applies them. */
export function safeFixesOf(findings: readonly Finding[]): Fix[] {
  const out: Fix[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safe);
    if (fix) out.push(fix);
  }
  return out;
}
