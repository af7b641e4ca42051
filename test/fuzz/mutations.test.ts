// Property: for every dialect, random mutations of its fixtures and corpus files (byte flips, truncation, token and
// line deletion/duplication, NUL, invalid UTF-8, CRLF, lone CR, BOM, splices) keep every invariant of lib.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DIALECTS } from '../../server/src/core/registry';
import { build, caseArb, checkText, FUZZ_COUNT, FUZZ_SEED, seedsFor } from './lib';

for (const dialect of DIALECTS) {
  test(`fuzz ${dialect.name}: mutated fixtures and corpus files keep the invariants`, { timeout: 3_600_000 }, () => {
    const seeds = seedsFor(dialect);
    assert.ok(seeds.length > 0, `no fixtures for ${dialect.name}`);
    let ran = 0;
    let findings = 0;
    let fixes = 0;
    const started = performance.now();
    // Every seed text as it is, first: the starting point of the mutations must itself pass.
    for (const s of seeds) {
      let r;
      try {
        r = checkText(dialect, s.text);
      } catch (err) {
        assert.fail(`${dialect.name} seed ${s.name}: ${(err as Error).message}`);
      }
      findings += r.findings;
      fixes += r.safeFixes;
    }
    const result = fc.check(
      fc.property(caseArb(seeds), (c) => {
        ran++;
        const r = checkText(dialect, build(c, seeds));
        findings += r.findings;
        fixes += r.safeFixes;
      }),
      { seed: FUZZ_SEED, numRuns: FUZZ_COUNT },
    );
    const failed = result.failed ? 1 : 0;
    console.log(
      `fuzz ${dialect.name}: ${seeds.length} seed texts, ${result.numRuns} mutated cases, ${failed} failed ` +
        `(${findings} findings, ${fixes} safe fixes applied; seed ${FUZZ_SEED}; ${Math.round(performance.now() - started)} ms)`,
    );
    if (result.failed) {
      const c = result.counterexample?.[0];
      const text = c ? build(c, seeds) : '';
      assert.fail(
        `fuzz ${dialect.name} failed after ${ran} cases (seed ${FUZZ_SEED}, path ${result.counterexamplePath}):\n` +
          `seed text: ${c ? seeds[c.seed].name : '?'}\nmutations: ${JSON.stringify(c?.mutations)}\n` +
          `text (${text.length} chars, first 400): ${JSON.stringify(text.slice(0, 400))}\n${(result.errorInstance as Error)?.message ?? ''}`,
      );
    }
  });
}
