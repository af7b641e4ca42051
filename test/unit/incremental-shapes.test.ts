// The objects an incremental state holds have the hidden classes of our own literals, whichever way the state was
// made (core/incremental.ts withOwnFindings). A worker's answer arrives by structured cloning, which builds objects
// property by property: held as they came, they gave the fast path's code, optimised for the literals, objects of
// other classes, and V8 deoptimised it at the first edits after every whole-file pass. V8's %HaveSameMap tells.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { analyze } from '../../server/src/core/analyze';
import { incrementalPartsOf, incrementalStateOf, withOwnFindings } from '../../server/src/core/incremental';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import type { Finding } from '../../server/src/core/types';
import { bindDialect } from '../../server/src/dialects/bind/index';

setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

// A fix (move to listen-on-v6), a fix with its edit (type master), a related location (the duplicate zone).
const TEXT = `options { listen-on { 2001:db8::1; }; };
zone "a.example" { type master; file "a"; };
zone "a.example" { type master; file "b"; };
`;

/** The objects of a finding whose classes the fast path meets: the finding, its span, fixes, edits, related. */
function parts(f: Finding): Array<[string, object]> {
  const out: Array<[string, object]> = [
    ['finding', f],
    ['span', f.span],
  ];
  for (const x of f.fixes) out.push(['fix', x], ...x.edits.map((e): [string, object] => ['edit', e]));
  for (const r of f.related ?? []) out.push(['related', r], ['related span', r.span]);
  return out;
}

test("a worker's findings, revived, have the classes of the state's own; as cloned, they do not", () => {
  const analysis = analyze(bindDialect, TEXT, DEFAULT_SETTINGS);
  const own = incrementalStateOf(analysis, DEFAULT_SETTINGS, {})!.findings;
  const kinds = new Set(own.flatMap((f) => parts(f).map(([k]) => k)));
  assert.deepEqual([...kinds].sort(), ['edit', 'finding', 'fix', 'related', 'related span', 'span'], 'the text yields every kind of object');

  // What the worker posts, as the server receives it.
  const cloned = structuredClone(incrementalPartsOf(analysis)!);
  const revived = withOwnFindings(cloned).findings;
  assert.deepEqual(revived, own, 'the same findings');
  for (let i = 0; i < own.length; i++) {
    const mine = parts(own[i]);
    const theirs = parts(revived[i]);
    for (let j = 0; j < mine.length; j++) assert.ok(haveSameMap(mine[j][1], theirs[j][1]), `${own[i].rule}: the revived ${mine[j][0]} has the class of the state's own`);
  }
  // The premise: without reviving, the classes differ (if V8 ever makes them the same, withOwnFindings may go).
  assert.ok(!haveSameMap(own[0], cloned.findings[0]), 'a cloned finding has a class of its own');
});
