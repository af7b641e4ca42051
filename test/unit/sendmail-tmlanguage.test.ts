// Scope tests of the TextMate grammar for .mc files (highlighting only), run with vscode-textmate and the
// Oniguruma engine VS Code uses: dnl is a comment, a `#` line is NOT (its macros stay highlighted), quotes nest,
// cf macros, section macros, m4 builtins, conf variables and DAEMON_OPTIONS keys get their scopes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';

const require = createRequire(import.meta.url);
const GRAMMAR = 'syntaxes/sendmail-mc.tmLanguage.json';

async function loadGrammar() {
  const bytes = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  const wasm = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope: string) => (scope === 'source.sendmail-mc' ? vsctm.parseRawGrammar(readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null),
  });
  const g = await registry.loadGrammar('source.sendmail-mc');
  assert.ok(g);
  return g;
}

/** The scopes of the token that covers `needle` (its first character) on each line of `text`. */
async function scopesOf(text: string): Promise<(needle: string, nth?: number) => string[]> {
  const g = await loadGrammar();
  const lines = text.split('\n');
  const tokens: { line: number; start: number; end: number; scopes: string[] }[] = [];
  let stack = vsctm.INITIAL;
  lines.forEach((line, i) => {
    const r = g.tokenizeLine(line, stack);
    for (const t of r.tokens) tokens.push({ line: i, start: t.startIndex, end: t.endIndex, scopes: t.scopes });
    stack = r.ruleStack;
  });
  return (needle: string, nth = 0) => {
    let seen = 0;
    for (let i = 0; i < lines.length; i++) {
      let at = lines[i].indexOf(needle);
      while (at >= 0) {
        if (seen++ === nth) return tokens.find((t) => t.line === i && t.start <= at && at < t.end)!.scopes;
        at = lines[i].indexOf(needle, at + 1);
      }
    }
    throw new Error(`'${needle}' not found`);
  };
}

const SAMPLE = [
  'divert(-1)dnl',
  'dnl a real comment: FEATURE(`x\') is not expanded',
  'OSTYPE(`linux\')dnl',
  "define(`confBIND_OPTS', ``WorkAroundBrokenAAAA'')dnl",
  "DAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family=inet6')dnl",
  "# DAEMON_OPTIONS(`Family=inet6') still expands",
  'LOCAL_CONFIG',
  'Kfoo hash /etc/mail/foo',
].join('\n');

test('dnl comments; # lines are live text with their macros highlighted', async () => {
  const at = await scopesOf(SAMPLE);
  assert.ok(at('a real comment').includes('comment.line.dnl.sendmail-mc'));
  assert.ok(at('FEATURE').includes('comment.line.dnl.sendmail-mc'), 'a macro after dnl is part of the comment');
  const hash = at('#');
  assert.ok(hash.includes('meta.hash-line.sendmail-mc') && !hash.some((s) => s.startsWith('comment')));
  const live = at('DAEMON_OPTIONS', 1);
  assert.ok(live.includes('support.function.macro.sendmail-mc'), live.join(' '));
  assert.ok(!live.some((s) => s.startsWith('comment')));
});

test('quotes nest; conf variables and option keys inside them', async () => {
  const at = await scopesOf(SAMPLE);
  assert.ok(at('linux').includes('string.quoted.other.m4.sendmail-mc'));
  assert.ok(at('confBIND_OPTS').includes('variable.other.constant.conf.sendmail-mc'));
  const inner = at('WorkAroundBrokenAAAA');
  assert.ok(inner.includes('string.quoted.other.m4.sendmail-mc'));
  assert.ok(at("''").includes('string.quoted.other.m4.sendmail-mc'), 'the inner closing quote is still inside the outer string');
  assert.ok(at('Port').includes('variable.parameter.key.sendmail-mc'));
  assert.ok(at('inet6').includes('constant.language.family.sendmail-mc'));
});

test('cf macros, section macros and m4 builtins', async () => {
  const at = await scopesOf(SAMPLE);
  assert.ok(at('OSTYPE').includes('support.function.macro.sendmail-mc'));
  assert.ok(at('LOCAL_CONFIG').includes('keyword.control.section.sendmail-mc'));
  assert.ok(at('define').includes('keyword.other.builtin.m4.sendmail-mc'));
  assert.ok(at('divert').includes('keyword.other.builtin.m4.sendmail-mc'));
  assert.ok(!at('Kfoo').some((s) => s.includes('macro') || s.includes('keyword')));
});

test('the language configuration comments with dnl and auto-closes ` with \'', () => {
  const conf = JSON.parse(readFileSync('syntaxes/sendmail-mc.language-configuration.json', 'utf8'));
  assert.equal(conf.comments.lineComment, 'dnl');
  assert.ok(conf.autoClosingPairs.some((p: { open: string; close: string }) => p.open === '`' && p.close === "'"));
});
