// The server's collections once the editor is quiet (server/src/lsp/idle-collector.ts), on mocked timers.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { IdleCollector } from '../../server/src/lsp/idle-collector';
import { COLLECT_WHEN_IDLE_MS, SHRINK_WHEN_IDLE_MS } from '../../server/src/lsp/limits';

beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
afterEach(() => mock.timers.reset());

test('two collections once quiet, then one more that lets V8 shrink its young generation', () => {
  let runs = 0;
  const idle = new IdleCollector(() => runs++);
  idle.request();
  mock.timers.tick(COLLECT_WHEN_IDLE_MS - 1);
  assert.equal(runs, 0);
  mock.timers.tick(1);
  assert.equal(runs, 2);
  assert.ok(idle.pending, 'the shrinking collection is still to come');
  mock.timers.tick(SHRINK_WHEN_IDLE_MS - 1);
  assert.equal(runs, 2);
  mock.timers.tick(1);
  assert.equal(runs, 3);
  assert.ok(!idle.pending);
  mock.timers.tick(60_000);
  assert.equal(runs, 3, 'nothing more until something else is dropped');
});

test('a change postpones a pending collection, and after the first one starts the sequence over', () => {
  let runs = 0;
  const idle = new IdleCollector(() => runs++);
  idle.request();
  mock.timers.tick(COLLECT_WHEN_IDLE_MS - 100);
  idle.postpone();
  mock.timers.tick(COLLECT_WHEN_IDLE_MS - 100);
  assert.equal(runs, 0, 'the change restarted the quiet period');
  mock.timers.tick(100);
  assert.equal(runs, 2);
  mock.timers.tick(SHRINK_WHEN_IDLE_MS - 100);
  idle.postpone();
  mock.timers.tick(COLLECT_WHEN_IDLE_MS);
  assert.equal(runs, 4, 'typing between the two collections means the first runs again once quiet');
  mock.timers.tick(SHRINK_WHEN_IDLE_MS);
  assert.equal(runs, 5);
});

test('a change with nothing pending schedules nothing; without --expose-gc nothing is scheduled', () => {
  let runs = 0;
  const idle = new IdleCollector(() => runs++);
  idle.postpone();
  mock.timers.tick(60_000);
  assert.equal(runs, 0);
  const none = new IdleCollector(undefined);
  none.request();
  assert.ok(!none.pending);
});

test('promoteNow runs two scavenges at once, not full collections, and leaves a pending collection as it was', () => {
  const calls: Array<string | undefined> = [];
  const idle = new IdleCollector((options) => calls.push(options?.type));
  idle.request();
  idle.promoteNow();
  assert.deepEqual(calls, ['minor', 'minor'], 'two scavenges, right away');
  assert.ok(idle.pending, 'the quiet-time collection is still due');
  mock.timers.tick(COLLECT_WHEN_IDLE_MS);
  assert.deepEqual(calls, ['minor', 'minor', undefined, undefined], 'the quiet-time ones are full collections');
  new IdleCollector(undefined).promoteNow();
});

test("promoteNow with V8's real collector (node --expose-gc) moves survivors out of the young generation", () => {
  const module = fileURLToPath(new URL('../../server/src/lsp/idle-collector.ts', import.meta.url));
  // A process of its own, started with --expose-gc as the extension starts the server (this one may lack the flag),
  // with a young generation large enough that no scavenge runs while the survivors are made.
  const code = `
    const { getHeapSpaceStatistics } = require('node:v8');
    const young = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_used_size;
    const { IdleCollector } = require(${JSON.stringify(module)});
    gc();
    const kept = Array.from({ length: 20000 }, (_, i) => ({ i, span: { start: i, end: i + 1 } }));
    const before = young();
    new IdleCollector(globalThis.gc).promoteNow();
    console.log(JSON.stringify({ before, after: young(), kept: kept.length }));`;
  const run = spawnSync(process.execPath, ['--expose-gc', '--min-semi-space-size=16', '--import', 'tsx', '-e', code], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout) as { before: number; after: number; kept: number };
  assert.equal(result.kept, 20000);
  assert.ok(result.before > 1_000_000, `the survivors filled the young generation (${result.before} bytes)`);
  assert.ok(result.after < result.before / 10, `after promoteNow the young generation holds ${result.after} of ${result.before} bytes`);
});
