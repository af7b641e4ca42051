// Project invariants: settings schema = package.json contributes, generated rule index current, rule ids = file names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS_SCHEMA, parseSettings } from '../../server/src/core/settings';
import { DIALECTS } from '../../server/src/core/registry';
// @ts-expect-error plain .mjs build script without types
import { ruleIndexSource } from '../../scripts/gen-rule-index.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

test('package.json contributes.configuration equals the core settings schema', () => {
  const props = pkg.contributes.configuration.properties;
  for (const [key, schema] of Object.entries(SETTINGS_SCHEMA)) assert.deepEqual(props[`v6ready.${key}`], schema, `v6ready.${key}`);
  const ours = Object.keys(props).filter((k) => k !== 'v6ready.trace.server').sort();
  assert.deepEqual(ours, Object.keys(SETTINGS_SCHEMA).map((k) => `v6ready.${k}`).sort());
});

test('every dialect language is contributed with its file patterns', () => {
  for (const d of DIALECTS) {
    const lang = pkg.contributes.languages.find((l: any) => l.id === d.languageId);
    assert.ok(lang, `${d.languageId} not in contributes.languages`);
    const declared = [...(lang.filenames ?? []), ...(lang.filenamePatterns ?? [])];
    for (const p of d.filePatterns) assert.ok(declared.includes(p), `${d.languageId}: ${p} not declared in package.json`);
  }
});

test('generated rule indexes are current, and each rule id matches its file name', () => {
  for (const d of DIALECTS) {
    const dir = join('server', 'src', 'dialects', d.name, 'rules');
    assert.equal(readFileSync(join(dir, 'index.ts'), 'utf8'), ruleIndexSource(d.name), `${dir}/index.ts is stale: run npm run build`);
    const files = readdirSync(dir).filter((f) => f !== 'index.ts').map((f) => f.replace(/\.ts$/, '')).sort();
    assert.deepEqual(d.rules.map((r) => r.id).sort(), files.map((f) => `${d.name}/${f}`));
    for (const r of d.rules) {
      for (const k of ['summary', 'why', 'bad', 'good', 'fix'] as const) assert.ok(r.docs[k].length > 10, `${r.id} docs.${k}`);
      assert.ok(r.docs.references.length > 0, `${r.id} has references`);
    }
  }
});

test('settings are validated with readable problems', () => {
  assert.deepEqual(parseSettings({ run: 'onSave', rules: { 'bind/syntax': 'warning' } }).settings, { run: 'onSave', rules: { 'bind/syntax': 'warning' }, targets: {}, ignore: [] });
  assert.deepEqual(parseSettings({ targets: { bind: '9.20' } }).settings.targets, { bind: '9.20' });
  assert.match(parseSettings({ targets: { bind: '8.4' } }).problems.join(), /targets.bind must be one of 9.18, 9.20, 9.21/);
  assert.match(parseSettings({ targets: { nginx: '1' } }).problems.join(), /unknown dialect 'nginx'/);
  assert.match(parseSettings({ run: 'sometimes' }).problems.join(), /'run' must be/);
  assert.match(parseSettings({ rules: { x: 'loud' } }).problems.join(), /severity must be/);
  assert.match(parseSettings([1]).problems.join(), /JSON object/);
  assert.match(parseSettings({ rules: { 'bind/nope': 'off' } }, new Set(['bind/syntax'])).problems.join(), /unknown rule 'bind\/nope'/);
});

test('docs/rules.md is generated from the current rule docs', async () => {
  const { ruleDocsMarkdown } = await import('../../scripts/gen-rule-docs');
  assert.equal(readFileSync('docs/rules.md', 'utf8'), ruleDocsMarkdown(), 'docs/rules.md is stale: run npm run docs');
});
