// How many times the linter rehearses the fast path on a large document (server/src/lsp/diagnostics.ts), on mocked
// timers and a stand-in session that counts the rounds.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import { LineIndex } from '../../server/src/core/text';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { bindDialect } from '../../server/src/dialects/bind/index';
import { FAST_PATH_REHEARSALS, FAST_PATH_REHEARSALS_UNEDITED, Linter, REHEARSE_AFTER_MS } from '../../server/src/lsp/diagnostics';
import type { Session } from '../../server/src/lsp/session';

beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
afterEach(() => mock.timers.reset());

const uri = 'file:///big/named.conf';

/** @param onRound called after each round, with the rounds so far (an edit may come in then). */
function linterWithDocument(onRound: (rounds: number[], doc: { version: number }) => void = () => {}) {
  const doc = { uri, version: 1, getText: () => 'options { };\n' };
  const rounds: number[] = [];
  const session = {
    documents: { get: (u: string) => (u === uri ? doc : undefined) },
    dialectOf: () => bindDialect,
    rehearse: (_d: unknown, _dialect: unknown, round: number) => {
      rounds.push(round);
      onRound(rounds, doc);
      return { findings: [], lines: new LineIndex(doc.getText()), linked: [], exact: true, settings: DEFAULT_SETTINGS };
    },
    logError: (m: string, e: unknown) => assert.fail(`${m}: ${e}`),
  } as unknown as Session;
  const linter = new Linter(session);
  const internals = linter as unknown as { openedAt: Map<string, number>; rehearseLater(uri: string, version: number): void };
  internals.openedAt.set(uri, 1);
  return { doc, rounds, rehearseLater: (v: number) => internals.rehearseLater(uri, v) };
}

test('a document only opened gets a few rounds; once edited, the rest, numbered on from where they stopped', () => {
  const { doc, rounds, rehearseLater } = linterWithDocument();
  rehearseLater(1);
  mock.timers.tick(REHEARSE_AFTER_MS - 1);
  assert.equal(rounds.length, 0, 'nothing until the editor has been quiet for a moment');
  for (let i = 0; i < 100; i++) mock.timers.tick(REHEARSE_AFTER_MS);
  assert.equal(rounds.length, FAST_PATH_REHEARSALS_UNEDITED);
  doc.version = 2;
  rehearseLater(2);
  for (let i = 0; i < 100; i++) mock.timers.tick(REHEARSE_AFTER_MS);
  assert.equal(rounds.length, FAST_PATH_REHEARSALS);
  assert.deepEqual(rounds, Array.from({ length: FAST_PATH_REHEARSALS }, (_, i) => i));
  doc.version = 3;
  rehearseLater(3);
  for (let i = 0; i < 100; i++) mock.timers.tick(REHEARSE_AFTER_MS);
  assert.equal(rounds.length, FAST_PATH_REHEARSALS, 'no more once the document has had them all');
});

test('an edit during the rounds stops them (the lint of the edit starts those of its version)', () => {
  const { doc, rounds, rehearseLater } = linterWithDocument((r, d) => {
    if (r.length === 3) d.version = 3;
  });
  doc.version = 2;
  rehearseLater(2);
  for (let i = 0; i < 100; i++) mock.timers.tick(REHEARSE_AFTER_MS);
  assert.equal(rounds.length, 3);
});
