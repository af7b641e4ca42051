// The bundled language server over real JSON-RPC: capabilities, diagnostics, code actions, fix-all, hover,
// completion, symbols and folding for named.conf.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeResult,
  MarkupContent,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { fixAll } from '../../server/src/core/analyze';
import { bindDialect } from '../../server/src/dialects/bind';
import { applyTextEdits, editsFor, LspClient, sleep } from './lsp-client';

const SYNTAX_ERROR = 'options { directory "x" };\n';
const IPV6_IN_LISTEN_ON = 'options {\n    listen-on { 127.0.0.1; ::1; };\n    listen-on-v6 { 2001:db8::53; };\n};\n';
const OUTLINE = 'options {\n  directory "x";\n};\nzone "example.com" {\n  type primary;\n  file "x";\n};\n';

let client: LspClient;
let init: InitializeResult;
let n = 0;
const uri = (name = 'named.conf') => `file:///lsp-test/${++n}/${name}`;

before(async () => {
  ({ client, init } = await LspClient.started());
});
after(async () => {
  await client?.dispose();
});

async function openAndWait(text: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true) {
  const u = uri();
  await client.open(u, text);
  const published = await client.waitForDiagnostics(u, predicate);
  return { u, published };
}

function codes(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics.map((d) => String(d.code));
}

function codeActions(u: string, diagnostics: Diagnostic[], only?: string[]) {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri: u }, range, context: { diagnostics, only } });
}

test('initialize announces the capabilities', () => {
  const caps = init.capabilities;
  assert.equal(init.serverInfo?.name, 'v6ready');
  assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
  assert.ok(caps.hoverProvider);
  assert.ok(caps.completionProvider);
  assert.ok(caps.documentSymbolProvider);
  assert.ok(caps.foldingRangeProvider);
  assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.v6ready'] });
  assert.deepEqual(caps.executeCommandProvider?.commands, ['v6ready.fixAll']);
});

test('a syntax error is published on open as bind/syntax', async () => {
  const { published } = await openAndWait(SYNTAX_ERROR);
  assert.equal(published.version, 1);
  assert.deepEqual(published.diagnostics, [
    {
      range: { start: { line: 0, character: 24 }, end: { line: 0, character: 25 } },
      severity: 1,
      code: 'bind/syntax',
      source: 'v6ready',
      message: "missing ';' before '}'",
    },
  ]);
});

test('an IPv6 address in listen-on is published on open as bind/ipv6-in-listen-on', async () => {
  const { published } = await openAndWait('options { listen-on { 127.0.0.1; ::1; }; };\n');
  const d = published.diagnostics.find((x) => x.code === 'bind/ipv6-in-listen-on');
  assert.ok(d, `expected bind/ipv6-in-listen-on, got ${codes(published).join(', ')}`);
  assert.equal(d.source, 'v6ready');
  assert.deepEqual(d.range, { start: { line: 0, character: 33 }, end: { line: 0, character: 36 } }); // `::1`
});

test('diagnostics follow didChange (debounced) with the document version', async () => {
  const { u, published } = await openAndWait('options { directory "x"; };\n');
  assert.deepEqual(published.diagnostics, []);
  const v2 = await client.change(u, SYNTAX_ERROR);
  const second = await client.waitForDiagnostics(u, (p) => p.version === v2);
  assert.deepEqual(codes(second), ['bind/syntax']);
  // Several quick changes. How many lints they take depends on when each reaches the server: the first after a quiet
  // moment is linted at once, later ones within CHANGE_DELAY_MS share one lint at the window's end, and on a loaded
  // machine each may arrive after a quiet moment of its own. What holds whatever the timing: the newest version is
  // published last, no older version is published after a newer one, and no change is published twice.
  const publishedBefore = client.published(u).length;
  const v3 = await client.change(u, 'options { directory "y" };\n');
  await client.change(u, 'options { directory "z" }\n');
  const v5 = await client.change(u, 'options { directory "x"; };\n');
  const last = await client.waitForDiagnostics(u, (p) => p.version === v5);
  assert.deepEqual(last.diagnostics, []);
  await sleep(50); // anything published late, after v5, would show here
  const burst = client.published(u).slice(publishedBefore).map((p) => p.version);
  assert.ok(burst.length >= 1 && burst.length <= 3, `one to three publications for three changes, got ${burst.join(', ')}`);
  assert.equal(burst[burst.length - 1], v5, `the newest version is published last: ${burst.join(', ')}`);
  for (let i = 0; i < burst.length; i++) {
    assert.ok(burst[i]! >= v3 && burst[i]! <= v5, `only the burst's versions: ${burst.join(', ')}`);
    if (i > 0) assert.ok(burst[i]! > burst[i - 1]!, `versions published in order, each once: ${burst.join(', ')}`);
  }
});

test('closing a document clears its diagnostics', async () => {
  const { u } = await openAndWait(SYNTAX_ERROR);
  await client.close(u);
  await client.waitForDiagnostics(u, (p) => p.diagnostics.length === 0 && p.version === undefined);
});

test('code actions: the fix (preferred), the disable comment, and fix-all', async () => {
  const { u, published } = await openAndWait(IPV6_IN_LISTEN_ON, (p) => p.diagnostics.length > 0);
  const diag = published.diagnostics.find((d) => d.code === 'bind/ipv6-in-listen-on');
  assert.ok(diag);
  const actions = (await codeActions(u, [diag])) ?? [];
  const titles = actions.map((a) => a.title);

  const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
  assert.ok(fix, `a preferred quick fix among ${titles.join(' | ')}`);
  assert.equal(fix.title, 'Move ::1 to listen-on-v6');
  assert.deepEqual(fix.diagnostics, [diag]);
  const fixed = applyTextEdits(IPV6_IN_LISTEN_ON, editsFor(fix.edit, u));
  assert.equal(fixed, 'options {\n    listen-on { 127.0.0.1; };\n    listen-on-v6 { 2001:db8::53; ::1; };\n};\n');

  const disable = actions.find((a) => a.title === 'Disable bind/ipv6-in-listen-on for this line');
  assert.ok(disable, `a disable action among ${titles.join(' | ')}`);
  assert.equal(disable.kind, 'quickfix');
  assert.ok(!disable.isPreferred);
  assert.equal(
    applyTextEdits(IPV6_IN_LISTEN_ON, editsFor(disable.edit, u)),
    'options {\n    // v6ready-disable-next-line bind/ipv6-in-listen-on -- \n    listen-on { 127.0.0.1; ::1; };\n    listen-on-v6 { 2001:db8::53; };\n};\n',
  );

  const all = actions.find((a) => a.kind === 'source.fixAll.v6ready');
  assert.ok(all, `a source.fixAll.v6ready action among ${titles.join(' | ')}`);
  assert.equal(all.title, 'Fix all safe v6ready problems');
  const allEdits = editsFor(all.edit, u);
  assert.equal(allEdits.length, 1, 'fix-all is one edit');
  assert.equal(applyTextEdits(IPV6_IN_LISTEN_ON, allEdits), fixAll(bindDialect, IPV6_IN_LISTEN_ON).text);
  assert.ok(allEdits[0].newText.length < IPV6_IN_LISTEN_ON.length, 'the edit is trimmed to what changed, not the whole text');

  // The edits are versioned (the client announced documentChanges), so a stale one is refused.
  assert.deepEqual((fix.edit?.documentChanges?.[0] as { textDocument: unknown }).textDocument, { uri: u, version: 1 });
});

test('applying the fix re-lints clean; applying the disable comment suppresses the finding', async () => {
  const { u, published } = await openAndWait(IPV6_IN_LISTEN_ON, (p) => p.diagnostics.length > 0);
  const diag = published.diagnostics.find((d) => d.code === 'bind/ipv6-in-listen-on')!;
  const actions = (await codeActions(u, [diag])) ?? [];
  const fixed = applyTextEdits(IPV6_IN_LISTEN_ON, editsFor(actions.find((a) => a.isPreferred)?.edit, u));
  const v2 = await client.change(u, fixed);
  const afterFix = await client.waitForDiagnostics(u, (p) => p.version === v2);
  assert.ok(!codes(afterFix).includes('bind/ipv6-in-listen-on'), `still reported: ${codes(afterFix)}`);

  const suppressed = applyTextEdits(IPV6_IN_LISTEN_ON, editsFor(actions.find((a) => a.title.startsWith('Disable '))?.edit, u));
  const v3 = await client.change(u, suppressed);
  const afterDisable = await client.waitForDiagnostics(u, (p) => p.version === v3);
  assert.ok(!codes(afterDisable).includes('bind/ipv6-in-listen-on'), `still reported: ${codes(afterDisable)}`);
});

test('a sendmail call whose argument spans lines is disabled from above the call, and that silences it', async () => {
  const text = "divert(0)dnl\nOSTYPE(`linux')dnl\nDAEMON_OPTIONS(`Port=smtp, Name=MTA,\n    Addr=::1')dnl\nMAILER(`smtp')dnl\n";
  const u = uri('sendmail.mc');
  await client.open(u, text, 'sendmail-mc');
  const published = await client.waitForDiagnostics(u, (p) => p.diagnostics.some((d) => d.code === 'sendmail/family-mismatch'));
  const diag = published.diagnostics.find((d) => d.code === 'sendmail/family-mismatch')!;
  assert.equal(diag.range.start.line, 3, 'the finding is on the second line of the argument');
  const disable = ((await codeActions(u, [diag])) ?? []).find((a) => a.title === 'Disable sendmail/family-mismatch for this line');
  assert.ok(disable);
  // Inside the quoted argument m4 would keep the comment and sendmail read it as an option: it goes above the call.
  const suppressed = applyTextEdits(text, editsFor(disable.edit, u));
  assert.equal(suppressed.split('\n')[2], 'dnl v6ready-disable-next-line sendmail/family-mismatch -- ');
  const v2 = await client.change(u, suppressed);
  const after = await client.waitForDiagnostics(u, (p) => p.version === v2);
  assert.deepEqual(codes(after), []);
});

test('a syntax error gets a disable action but no fix and no fix-all', async () => {
  const { u, published } = await openAndWait(SYNTAX_ERROR);
  const actions = (await codeActions(u, published.diagnostics)) ?? [];
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Disable bind/syntax for this line'],
  );
  assert.equal(applyTextEdits(SYNTAX_ERROR, editsFor(actions[0].edit, u)), `// v6ready-disable-next-line bind/syntax -- \n${SYNTAX_ERROR}`);
});

test('context.only filters the kinds: source.fixAll gives only the fix-all action', async () => {
  const { u, published } = await openAndWait(IPV6_IN_LISTEN_ON, (p) => p.diagnostics.length > 0);
  const onlyFixAll = (await codeActions(u, published.diagnostics, ['source.fixAll'])) ?? [];
  assert.deepEqual(onlyFixAll.map((a) => a.kind), ['source.fixAll.v6ready']);
  const onlyQuick = (await codeActions(u, published.diagnostics, ['quickfix'])) ?? [];
  assert.ok(onlyQuick.length >= 2 && onlyQuick.every((a) => a.kind === 'quickfix'));
});

test('workspace/executeCommand v6ready.fixAll sends the fix-all edit with workspace/applyEdit', async () => {
  const { u } = await openAndWait(IPV6_IN_LISTEN_ON, (p) => p.diagnostics.length > 0);
  const editsBefore = client.appliedEdits.length;
  const result = await client.request<{ applied: number; ok: boolean }>('workspace/executeCommand', { command: 'v6ready.fixAll', arguments: [u] });
  assert.deepEqual(result, { applied: 1, ok: true });
  assert.equal(client.appliedEdits.length, editsBefore + 1);
  const sent = client.appliedEdits[editsBefore];
  assert.equal(sent.label, 'Fix all safe v6ready problems');
  assert.equal(applyTextEdits(IPV6_IN_LISTEN_ON, editsFor(sent.edit, u)), fixAll(bindDialect, IPV6_IN_LISTEN_ON).text);
});

test('hover on a finding shows its rule docs', async () => {
  const { u } = await openAndWait(SYNTAX_ERROR);
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 24 } });
  assert.ok(hover);
  const md = hover.contents as MarkupContent;
  assert.equal(md.kind, 'markdown');
  assert.match(md.value, /bind\/syntax/);
  assert.ok(md.value.includes(bindDialect.syntaxDocs.summary));
  assert.deepEqual(hover.range, { start: { line: 0, character: 24 }, end: { line: 0, character: 25 } });
});

test('hover on a finding inside a directive combines the directive docs (if any) and the rule docs', async () => {
  const { u } = await openAndWait(IPV6_IN_LISTEN_ON, (p) => p.diagnostics.length > 0);
  const offset = IPV6_IN_LISTEN_ON.indexOf('::1') + 1;
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: { line: 1, character: 28 } });
  assert.ok(hover);
  const md = (hover.contents as MarkupContent).value;
  assert.match(md, /bind\/ipv6-in-listen-on/);
  const directive = bindDialect.hover?.(bindDialect.parse(IPV6_IN_LISTEN_ON).model, IPV6_IN_LISTEN_ON, offset);
  if (directive) assert.ok(md.startsWith(directive.markdown) && md.includes('\n\n---\n\n'), 'directive docs first, then the rule docs');
  for (const [, label, target] of md.matchAll(/\[([^\]]*)\]\(([^)]*)\)/g)) assert.match(target, /^https?:\/\/\S+$/, `link ${label} -> ${target}`);
});

test('hover on listen-on returns markdown about listen-on', async () => {
  const { u } = await openAndWait('options {\n    listen-on { any; };\n};\n');
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: { line: 1, character: 7 } });
  assert.ok(hover, 'a hover');
  const md = hover.contents as MarkupContent;
  assert.equal(md.kind, 'markdown');
  assert.ok(md.value.trim().length > 0);
  assert.match(md.value, /listen-on/);
});

test('hover where there is nothing to say returns null', async () => {
  const text = 'options { directory "x"; };\n\n\n';
  const offset = text.indexOf('\n\n') + 2; // line 2, character 0
  assert.equal(bindDialect.hover?.(bindDialect.parse(text).model, text, offset), undefined, 'precondition: no directive docs on an empty line');
  const { u } = await openAndWait(text);
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: { line: 2, character: 0 } });
  assert.equal(hover, null);
});

test('completion answers with the dialect entries as items', async () => {
  const text = 'options {\n    \n};\n';
  const { u } = await openAndWait(text);
  const items = await client.request<CompletionItem[] | null>('textDocument/completion', { textDocument: { uri: u }, position: { line: 1, character: 4 } });
  assert.ok(Array.isArray(items));
  const expected = bindDialect.completions?.(bindDialect.parse(text).model, text, 14) ?? [];
  assert.deepEqual(
    items.map((i) => i.label),
    expected.map((e) => e.label),
  );
  for (const [i, e] of expected.entries()) {
    if (e.snippet !== undefined) {
      assert.equal(items[i].insertTextFormat, 2, `${e.label} is a snippet`);
      assert.equal(items[i].insertText, e.snippet);
    }
    // Deprecated entries (auto-dnssec in options) carry the LSP tag (1 = Deprecated), current ones none.
    assert.deepEqual(items[i].tags, e.deprecated ? [1] : undefined, `${e.label} tags`);
  }
  assert.ok(expected.some((e) => e.deprecated) && expected.some((e) => !e.deprecated), 'precondition: both kinds in the list');
});

test('document symbols list options and zones, hierarchically', async () => {
  const { u } = await openAndWait(OUTLINE);
  const symbols = await client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri: u } });
  assert.ok(symbols);
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['options', 'zone example.com'],
  );
  const zone = symbols[1];
  assert.deepEqual(zone.range, { start: { line: 3, character: 0 }, end: { line: 6, character: 2 } });
  assert.deepEqual(zone.selectionRange, { start: { line: 3, character: 0 }, end: { line: 3, character: 18 } });
  assert.equal(zone.kind, 2); // Module
  assert.equal(symbols[0].kind, 3); // Namespace
  assert.ok(Array.isArray(zone.children));
});

test('folding ranges: one per multi-line block, ending above its closing brace', async () => {
  const { u } = await openAndWait(OUTLINE + 'acl a { 127.0.0.1; };\n');
  const ranges = await client.request<FoldingRange[] | null>('textDocument/foldingRange', { textDocument: { uri: u } });
  assert.deepEqual(
    ranges?.map((r) => [r.startLine, r.endLine]),
    [
      [0, 1],
      [3, 5],
    ],
  );
});

test('requests for a URI the server has not seen answer null, without an error', async () => {
  const textDocument = { uri: 'file:///never/opened/named.conf' };
  const position = { line: 0, character: 0 };
  const range = { start: position, end: position };
  assert.equal(await client.request('textDocument/hover', { textDocument, position }), null);
  assert.equal(await client.request('textDocument/completion', { textDocument, position }), null);
  assert.equal(await client.request('textDocument/documentSymbol', { textDocument }), null);
  assert.equal(await client.request('textDocument/foldingRange', { textDocument }), null);
  assert.equal(await client.request('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }), null);
  assert.ok(client.alive);
});

test('a document of another language is not linted', async () => {
  const u = uri('notes.txt');
  await client.open(u, 'options { directory "x" };', 'plaintext');
  const probe = uri();
  await client.open(probe, SYNTAX_ERROR); // published after the plaintext open was processed
  await client.waitForDiagnostics(probe);
  assert.deepEqual(client.published(u), []);
});

test('a minimal client gets plain `changes` edits, flat symbols and no snippets', async (t) => {
  const { client: plain } = await LspClient.started({ capabilities: {} });
  t.after(() => plain.dispose());
  const u = uri();
  await plain.open(u, IPV6_IN_LISTEN_ON);
  const published = await plain.waitForDiagnostics(u, (p) => p.diagnostics.length > 0);
  const actions =
    (await plain.request<CodeAction[] | null>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: published.diagnostics[0].range,
      context: { diagnostics: published.diagnostics },
    })) ?? [];
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix?.edit?.changes?.[u] && !fix.edit.documentChanges);
  const symbols = await plain.request<{ name: string; location?: unknown; containerName?: string }[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
  assert.ok(symbols.length > 0 && symbols.every((s) => s.location !== undefined), 'SymbolInformation, not DocumentSymbol');
  assert.deepEqual(symbols[0], { name: 'options', kind: 3, location: { uri: u, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 2 } } } });
  assert.ok(symbols.slice(1).every((s) => s.containerName !== undefined), 'nested symbols name their container');
  const items = await plain.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: u }, position: { line: 2, character: 0 } });
  assert.ok(items.every((i) => i.insertTextFormat !== 2));
});
