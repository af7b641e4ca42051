// Memory that must not grow with editing: a long-lived cache keyed by a slice of a document kept that document's
// whole text alive, one text per edited version (0.9 MB per edit of a 1.8 MB named.conf). Here 40 edits of a 1 MB
// file, on the fast path and in full, must leave the heap where 10 edits left it, give or take a few megabytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analysisMemo, analyze } from '../../server/src/core/analyze';
import { analyzeChange, incrementalStateOf } from '../../server/src/core/incremental';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { bindDialect } from '../../server/src/dialects/bind/index';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
};

const zones = Array.from({ length: 12000 }, (_, i) => `zone "z${i}.example" {\n\ttype ${i % 2 ? 'master' : 'primary'};\n\tfile "db.z${i}";\n\tallow-transfer { 192.0.2.${i % 250}; 10.${i % 200}.0.0/16; };\n};\n`);
const TEXT = 'acl a { 192.0.2.0/24; };\noptions { directory "/var/cache/bind"; };\n' + zones.join('');

test('edits of a 1 MB named.conf do not keep old versions alive', () => {
  assert.ok(TEXT.length > 1_000_000);
  let state = incrementalStateOf(analyze(bindDialect, TEXT, DEFAULT_SETTINGS), DEFAULT_SETTINGS, {})!;
  // Each edit renames one zone (a new name, new cache keys), as typing does.
  const edit = (k: number) => {
    const at = state.text.indexOf('\nzone "', Math.floor((((k * 7919) % 997) / 997) * (state.text.length - 200))) + 8;
    const text = state.text.slice(0, at) + String.fromCharCode(97 + (k % 26)) + state.text.slice(at);
    const fast = analyzeChange(bindDialect, state, text, DEFAULT_SETTINGS, {});
    assert.ok(fast, `edit ${k} takes the fast path`);
    state = fast.state;
  };
  for (let k = 0; k < 10; k++) edit(k);
  const after10 = heapMb();
  for (let k = 10; k < 50; k++) edit(k);
  const after50 = heapMb();
  // Full analyses of new versions too (a whole-file analysis after each pause).
  for (let k = 0; k < 3; k++) analyze(bindDialect, state.text.replace('"z1.example"', `"z1-${k}.example"`), DEFAULT_SETTINGS);
  const afterFull = heapMb();
  console.log(`heap after 10 edits ${after10.toFixed(1)} MB, after 50 ${after50.toFixed(1)} MB, after 3 full analyses ${afterFull.toFixed(1)} MB`);
  assert.ok(after50 - after10 < 6, `40 edits grew the heap by ${(after50 - after10).toFixed(1)} MB`);
  assert.ok(afterFull - after50 < 6, `3 full analyses left ${(afterFull - after50).toFixed(1)} MB behind`);
});

test('analysisMemo: answers (undefined too) kept across analyses up to its bound, dropped as an analysis begins past it', () => {
  const computed: string[] = [];
  const memo = analysisMemo<string | undefined>(2);
  const ask = (key: string) => memo(key, (k) => (computed.push(k), k === 'none' ? undefined : k.toUpperCase()));
  assert.equal(ask('a'), 'A');
  assert.equal(ask('none'), undefined);
  assert.equal(ask('a'), 'A');
  assert.equal(ask('none'), undefined);
  assert.deepEqual(computed, ['a', 'none'], 'each key computed once, an undefined answer included');
  analyze(bindDialect, 'options { };\n');
  ask('a');
  ask('b');
  assert.deepEqual(computed, ['a', 'none', 'b'], 'two entries are within the bound: kept across the analysis');
  analyze(bindDialect, 'options { };\n');
  ask('a');
  assert.deepEqual(computed, ['a', 'none', 'b', 'a'], 'three entries: emptied as the next analysis began');
});
