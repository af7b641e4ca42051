import { readFileSync } from 'node:fs';
import { analyze } from './server/src/core/analyze';
import { analyzeChange, incrementalStateOf } from './server/src/core/incremental';
import { DEFAULT_SETTINGS } from './server/src/core/settings';
import { bindDialect } from './server/src/dialects/bind/index';
const text = readFileSync('/tmp/v6ready-bench/named.conf', 'utf8');
let t = performance.now();
const full = analyze(bindDialect, text, DEFAULT_SETTINGS);
console.log('full', (performance.now() - t).toFixed(0), 'ms', full.findings.length);
let state = incrementalStateOf(full, DEFAULT_SETTINGS, {})!;
const zl: number[] = []; let i = -1; while ((i = text.indexOf('\nzone "', i + 1)) >= 0) zl.push(i + 8);
const times: number[] = [];
for (let k = 0; k < 30; k++) {
  const at = zl[(Math.floor(k / 2) * 7919) % zl.length];
  const nt = k % 2 === 0 ? state.text.slice(0, at) + 'q' + state.text.slice(at) : state.text.slice(0, at) + state.text.slice(at + 1);
  t = performance.now();
  const r = analyzeChange(bindDialect, state, nt, DEFAULT_SETTINGS, {});
  times.push(performance.now() - t);
  if (!r) { console.log('fallback'); break; }
  state = r.state;
}
times.sort((a, b) => a - b);
console.log('fast p50', times[15].toFixed(1), 'p95', times[28].toFixed(1), 'first', times.map(x=>x.toFixed(0)).join(' '));
