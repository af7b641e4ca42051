// The BIND IPv6 rules over real JSON-RPC: published with their codes and severities, the hover on an IPv4-only
// list explains why (that rule has no automatic fix), and the canonical-form fix is a preferred quick fix.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient } from './lsp-client';

const TEXT = `acl internal { 10.0.0.0/8; };
options {
	allow-recursion { internal; };
	forwarders { 10.0.0.1; };
	also-notify { fec0::1; 2001:DB8::53; };
};
zone "example.test" {
	type slave;
	masters { 2001:db8::53; };
	file "db.example.test";
};
`;

let client: LspClient;
before(async () => {
  ({ client } = await LspClient.started());
});
after(async () => {
  await client?.dispose();
});

test('the new rules are published with their codes and severities', async () => {
  const uri = 'file:///lsp-ipv6-rules/a/named.conf';
  await client.open(uri, TEXT);
  const p = await client.waitForDiagnostics(uri);
  const got = p.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code}`).sort();
  assert.deepEqual(got, [
    '2:1 2 bind/ipv4-only-acl',
    '3:1 2 bind/ipv4-only-upstream',
    '4:15 2 bind/special-address',
    '4:24 4 bind/non-canonical-ipv6',
    '4:24 3 bind/documentation-address',
    '7:6 3 bind/deprecated-syntax',
    '8:1 3 bind/deprecated-syntax',
    '8:11 3 bind/documentation-address',
  ].sort());
  const acl = p.diagnostics.find((d) => d.code === 'bind/ipv4-only-acl')!;
  assert.equal(acl.relatedInformation?.[0]?.location.range.start.line, 0, 'points at the acl definition');
});

test('hover on an IPv4-only allow list explains the rule (there is no automatic fix)', async () => {
  const uri = 'file:///lsp-ipv6-rules/b/named.conf';
  await client.open(uri, TEXT);
  await client.waitForDiagnostics(uri);
  const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 4 } });
  const md = (h?.contents as MarkupContent).value;
  assert.match(md, /bind\/ipv4-only-acl/);
  assert.match(md, /IPv6 client/);
  const actions = await client.request<CodeAction[] | null>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 2, character: 1 }, end: { line: 2, character: 16 } },
    context: { diagnostics: (client.latest(uri)?.diagnostics ?? []).filter((d) => d.code === 'bind/ipv4-only-acl') },
  });
  assert.ok(!(actions ?? []).some((a) => a.kind === 'quickfix' && !/disable|Disable/.test(a.title)), 'no fix other than suppression');
});

test('the canonical-form fix is offered as a quick fix', async () => {
  const uri = 'file:///lsp-ipv6-rules/c/named.conf';
  await client.open(uri, TEXT);
  const p = await client.waitForDiagnostics(uri);
  const d = p.diagnostics.filter((x) => x.code === 'bind/non-canonical-ipv6');
  const actions = await client.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range: d[0].range, context: { diagnostics: d } });
  const fix = (actions ?? []).find((a) => a.title === 'Write 2001:db8::53');
  assert.ok(fix, JSON.stringify(actions?.map((a) => a.title)));
});
