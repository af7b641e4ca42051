// The model's ClauseReader (dialects/bind/catalogue): its remembered answers are the ones the catalogue gives for the
// clause's own values, and what the model keeps on each clause (key, definition) is what the catalogue says of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBindText } from '../../grammars/bind/parser';
import { blockContexts, clauseArgCount, clauseDef, clauseKey, valuesKey } from '../../server/src/dialects/bind/catalogue';
import { buildBindModel, walkClauses, type Clause } from '../../server/src/dialects/bind/model';
import { CORPUS, walkFiles } from '../fixture-lib';

function files(): string[] {
  const corpus = path.join(CORPUS, 'bind');
  return [...walkFiles('test/fixtures/bind'), ...walkFiles('examples/bind'), 'examples/named.conf', ...(existsSync(corpus) ? walkFiles(corpus) : [])];
}

/** The value a list element starts with when it has no name (`!`, a nested list), as the model reads it. */
function headOf(c: Clause) {
  return c.nameNode ? undefined : c.statement.values[0];
}

test('each clause keeps the catalogue key and definition of its context, name and values', () => {
  let clauses = 0;
  for (const f of files()) {
    const model = buildBindModel(parseBindText(readFileSync(f, 'latin1')).cst);
    for (const c of walkClauses(model.clauses)) {
      clauses++;
      assert.equal(c.def, clauseDef(c.context, c.name), `${f}: ${c.context} ${c.name}`);
      // A clause whose statement was split (a missing ';') starts at a later value: its head is its own first value.
      if (c.span.start === c.statement.start) assert.equal(c.argsKey, clauseKey(c.context, c.name, c.args, headOf(c)), `${f}: ${c.context} ${c.name}`);
    }
  }
  assert.ok(clauses > 5_000);
});

test('an answer remembered under a kinds-only key is the one computed for the values and their texts', () => {
  // Two zones, two files, two lists with different texts share kinds-only keys; keyed by kinds and texts instead,
  // each is computed for its own values: a shape wrongly taken to read kinds only would answer differently.
  let compared = 0;
  for (const f of files()) {
    const model = buildBindModel(parseBindText(readFileSync(f, 'latin1')).cst);
    for (const c of walkClauses(model.clauses)) {
      const head = headOf(c);
      const key = clauseKey(c.context, c.name, c.args, head);
      const textKey = valuesKey(c.args, head);
      if (key === textKey) continue;
      compared++;
      const label = `${f}: ${c.context} ${c.name} ${textKey}`;
      assert.equal(clauseArgCount(c.context, c.name, c.args, head, key), clauseArgCount(c.context, c.name, c.args, head, `text ${textKey}`), label);
      assert.deepEqual(blockContexts(c.context, c.name, c.args, head, key), blockContexts(c.context, c.name, c.args, head, `text ${textKey}`), label);
    }
  }
  assert.ok(compared > 1000);
});
