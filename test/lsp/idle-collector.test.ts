// The server's collections once the editor is quiet (server/src/lsp/idle-collector.ts), on mocked timers.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
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
