// TextMate grammars (syntaxes/*.tmLanguage.json) of every dialect, through vscode-textmate + oniguruma as VS Code
// runs them: each is declared in package.json, loads, tokenizes the examples of its language, and passes the scope
// assertions of the case files under test/textmate/. A case file is in the vscode-tmgrammar-test format: a header
// `<comment> SYNTAX TEST "<scopeName>" "description"`, then, under any source line, assertion lines that start with
// the same comment token: `^^^ scope another.scope` checks the columns marked by carets, `<--- scope` the first
// columns (as many as dashes), and `- scope` after the expected scopes says that one must be absent. Expected
// scopes must appear in the token's scope stack in that order. A grammar with no case file is reported as a TODO.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { dialectForPath } from '../../server/src/core/registry';

const require = createRequire(import.meta.url);
const vsctm: typeof import('vscode-textmate') = require('vscode-textmate');
const onig: typeof import('vscode-oniguruma') = require('vscode-oniguruma');

const ROOT = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const declared: { language: string; scopeName: string; path: string }[] = pkg.contributes.grammars ?? [];
const grammarFiles = readdirSync(join(ROOT, 'syntaxes')).filter((f) => f.endsWith('.tmLanguage.json')).sort();

interface Assertion { line: number; columns: number[]; scopes: string[]; absent: string[]; source: number }
interface CaseFile { file: string; scopeName: string; lines: string[]; assertions: Assertion[] }

/** Reads one case file in the vscode-tmgrammar-test format. */
function parseCase(file: string): CaseFile {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const header = /^(.*?)\s*SYNTAX TEST\s+"([^"]+)"/.exec(lines[0] ?? '');
  if (!header) throw new Error(`${file}:1: expected a header like // SYNTAX TEST "source.x" "description"`);
  const token = header[1];
  const assertions: Assertion[] = [];
  let lastSource = 0;
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i];
    const m = token && text.startsWith(token) ? /^(\s*)(\^+(?:\s+\^+)*|<-+)(.*)$/.exec(text.slice(token.length)) : null;
    if (!m) {
      lastSource = i;
      continue;
    }
    const marks = m[2];
    let columns: number[];
    if (marks.startsWith('<')) {
      columns = [...Array(marks.length - 1).keys()];
    } else {
      const start = token.length + m[1].length;
      columns = [...marks].flatMap((c, k) => (c === '^' ? [start + k] : []));
    }
    const neg = /(?:^|\s)-\s/.exec(m[3]);
    const want = neg ? m[3].slice(0, neg.index) : m[3];
    const not = neg ? m[3].slice(neg.index + neg[0].length) : '';
    const scopes = want.trim().split(/\s+/).filter(Boolean);
    const absent = not.trim().split(/\s+/).filter(Boolean);
    if (!scopes.length && !absent.length) throw new Error(`${file}:${i + 1}: an assertion without scopes`);
    assertions.push({ line: lastSource, columns, scopes, absent, source: i });
  }
  return { file, scopeName: header[2], lines, assertions };
}

const caseDir = join(ROOT, 'test/textmate');
const cases = existsSync(caseDir)
  ? readdirSync(caseDir).sort().map((f) => parseCase(join(caseDir, f)))
  : [];

let registry: import('vscode-textmate').Registry | undefined;
async function getRegistry(): Promise<import('vscode-textmate').Registry> {
  if (registry) return registry;
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await onig.loadWASM(wasm);
  registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
      createOnigString: (s: string) => new onig.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      const g = declared.find((d) => d.scopeName === scopeName);
      if (!g) return null; // an embedded grammar we do not ship (none today)
      const path = join(ROOT, g.path);
      return vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
  return registry;
}

/** Scope stacks per line: for each line, the tokens with their columns. */
function tokenize(grammar: import('vscode-textmate').IGrammar, lines: string[]) {
  let state = vsctm.INITIAL;
  return lines.map((line) => {
    const r = grammar.tokenizeLine(line, state, 1000);
    assert.ok(!r.stoppedEarly, `tokenizing stopped early (over 1 s) on: ${line}`);
    state = r.ruleStack;
    return r.tokens;
  });
}

test('every syntaxes/*.tmLanguage.json is declared in package.json contributes.grammars, and the other way round', () => {
  const declaredFiles = declared.map((g) => g.path.replace(/^\.\//, '')).sort();
  assert.deepEqual(declaredFiles, grammarFiles.map((f) => `syntaxes/${f}`));
  for (const g of declared) {
    const raw = JSON.parse(readFileSync(join(ROOT, g.path), 'utf8'));
    assert.equal(raw.scopeName, g.scopeName, `${g.path}: scopeName`);
    assert.ok(pkg.contributes.languages.some((l: { id: string }) => l.id === g.language), `${g.path}: language ${g.language} is contributed`);
  }
});

test('every case file under test/textmate/ names a grammar we ship', () => {
  for (const c of cases) assert.ok(declared.some((g) => g.scopeName === c.scopeName), `${c.file}: no grammar has scope ${c.scopeName}`);
});

for (const g of declared) {
  test(`${g.scopeName}: loads and tokenizes the examples of ${g.language}`, async () => {
    const grammar = await (await getRegistry()).loadGrammar(g.scopeName);
    assert.ok(grammar, `${g.path} does not load`);
    const examples = readdirSync(join(ROOT, 'examples'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .filter((p) => dialectForPath(p)?.languageId === g.language);
    for (const file of examples) {
      const lines = readFileSync(file, 'utf8').split(/\r?\n/);
      const tokens = tokenize(grammar, lines);
      tokens.forEach((t, i) => assert.equal(t[0]?.scopes[0], g.scopeName, `${file}:${i + 1}: root scope`));
    }
  });

  const mine = cases.filter((c) => c.scopeName === g.scopeName);
  if (mine.length === 0) {
    test(`${g.scopeName}: scope assertions`, { todo: `no case file under test/textmate/ with SYNTAX TEST "${g.scopeName}"` }, () => {});
    continue;
  }
  for (const c of mine) {
    test(`${g.scopeName}: scope assertions of ${c.file.slice(ROOT.length + 1)}`, async () => {
      const grammar = (await (await getRegistry()).loadGrammar(g.scopeName))!;
      const tokens = tokenize(grammar, c.lines);
      const failures: string[] = [];
      for (const a of c.assertions) {
        for (const col of a.columns) {
          const tok = tokens[a.line].find((t) => t.startIndex <= col && col < t.endIndex);
          const where = `${c.file.slice(ROOT.length + 1)}:${a.source + 1}: line ${a.line + 1} column ${col + 1}`;
          if (!tok) {
            failures.push(`${where}: no token (the line is ${c.lines[a.line].length} long)`);
            continue;
          }
          let k = 0;
          for (const s of tok.scopes) if (s === a.scopes[k]) k++;
          const text = JSON.stringify(c.lines[a.line].slice(tok.startIndex, tok.endIndex));
          if (k < a.scopes.length) failures.push(`${where} ${text}: expected ${a.scopes.join(' ')}, got ${tok.scopes.join(' ')}`);
          const present = a.absent.filter((s) => tok.scopes.includes(s));
          if (present.length) failures.push(`${where} ${text}: must not have ${present.join(' ')}, got ${tok.scopes.join(' ')}`);
        }
      }
      assert.ok(c.assertions.length > 0, `${c.file}: no assertions`);
      assert.deepEqual(failures, []);
    });
  }
}
