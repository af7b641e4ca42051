// The VS Code client's document selector covers exactly the registry's languages, which package.json declares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIALECTS } from '../../server/src/core/registry';
import { ROOT } from './lsp-client';

test('client LANGUAGE_IDS = registry language ids, all contributed by package.json', () => {
  // Read as text: the client module imports 'vscode', which only exists inside VS Code.
  const source = readFileSync(`${ROOT}client/src/extension.ts`, 'utf8');
  const m = /export const LANGUAGE_IDS = \[([^\]]*)\]/.exec(source);
  assert.ok(m, 'client/src/extension.ts exports LANGUAGE_IDS as a literal list');
  const clientIds = [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]).sort();
  const registryIds = DIALECTS.map((d) => d.languageId).sort();
  assert.deepEqual(clientIds, registryIds);

  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { contributes: { languages: { id: string }[] } };
  const contributed = new Set(pkg.contributes.languages.map((l) => l.id));
  for (const id of registryIds) assert.ok(contributed.has(id), `package.json contributes language ${id}`);
});

test("the benchmark starts the language server with the extension's Node options", () => {
  const literal = (file: string) => {
    const m = /const SERVER_EXEC_ARGV = \[([^\]]*)\]/.exec(readFileSync(`${ROOT}${file}`, 'utf8'));
    assert.ok(m, `${file} has SERVER_EXEC_ARGV as a literal list`);
    return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
  };
  const extension = literal('client/src/extension.ts');
  assert.ok(extension.includes('--expose-gc'));
  assert.deepEqual(literal('scripts/bench/run.mjs'), extension);
});

test('the client bundle does not contain the grammars', () => {
  let bundle: string;
  try {
    bundle = readFileSync(`${ROOT}dist/extension.js`, 'utf8');
  } catch {
    assert.fail('dist/extension.js is missing: run `npm run build` first');
  }
  assert.ok(!bundle.includes('chevrotain'), 'the client stays small and fast to activate');
  assert.match(bundle, /v6ready activated in/);
});
