// query-source and socket-address suffixes in the catalogue: what each BIND version's parser takes
// (parse_querysource in lib/isccfg/namedconf.c, parse_sockaddrsub in lib/isccfg/parser.c; the 9.18 answers
// checked with named-checkconf 9.18), and how far the model lets a statement reach before a missing ';'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ValueNode } from '../../grammars/bind/cst';
import { clauseArgCount, matchClause, type GrammarVersion } from '../../server/src/dialects/bind/catalogue';

function words(text: string): ValueNode[] {
  return text.split(' ').filter(Boolean).map((image) => ({ kind: 'word' as const, image, start: 0, end: image.length }));
}

const accepts = (name: string, text: string, v: GrammarVersion) => matchClause('options', name, words(text), v, true)?.complete;

test('9.18 query-source: a socket address, or the keywords each once with an address or a port', () => {
  for (const ok of ['*', '10.0.0.1', '10.0.0.1 port 5300', '10.0.0.1 port 5300 dscp 4', '* port *', 'address *', 'address 10.0.0.1 port 5300', 'port 5300', 'port 5300 address * dscp 3', 'dscp 3 port 5300']) {
    assert.equal(accepts('query-source', ok, '9.18'), true, ok);
  }
  for (const bad of ['10.10.10.10 address 10.10.10.11', '10.0.0.1 port 1 port 2', '10.0.0.1 dscp 1 dscp 2', 'address * port * port 1234', 'address 10.0.0.1 address 10.0.0.2', 'dscp 3', 'address 10.0.0.1 10.0.0.2', '* port 99999', 'address none']) {
    assert.equal(accepts('query-source', bad, '9.18'), false, bad);
  }
  assert.equal(accepts('query-source-v6', 'address ::1 ::2', '9.18'), false);
  assert.equal(accepts('query-source-v6', '::1 port 5300', '9.18'), true);
});

test('9.20 and main query-source: a bare address only first, `none`, and no port on main', () => {
  assert.equal(accepts('query-source', '10.0.0.1 port 5300', '9.20'), true);
  assert.equal(accepts('query-source', 'address none', '9.20'), true);
  assert.equal(accepts('query-source', '10.0.0.1 address 10.0.0.2', '9.20'), false);
  assert.equal(accepts('query-source', 'address 10.0.0.1', 'main'), true);
  assert.equal(accepts('query-source', 'none', 'main'), true);
  assert.equal(accepts('query-source', '10.0.0.1 port 5300', 'main'), false);
});

test('a socket address takes a port of 16 bits', () => {
  assert.equal(accepts('transfer-source', '10.0.0.1 port 65535', '9.18'), true);
  assert.equal(accepts('transfer-source', '10.0.0.1 port 65536', '9.18'), false);
  // Lenient (arity) matching does not check the range: the value still belongs to the clause.
  assert.equal(matchClause('options', 'transfer-source', words('10.0.0.1 port 65536'), '9.18')?.complete, true);
});

test('the model splits a statement where BIND stops reading, not inside a value it reads and refuses', () => {
  const count = (name: string, text: string) => clauseArgCount('options', name, words(text));
  // 9.18 reads the socket address, then wants a ';' (named: missing ';' before 'address').
  assert.equal(count('query-source', '10.10.10.10 address 10.10.10.11'), 1);
  // parse_querysource reads every word after a leading keyword; parse_sockaddrsub every port and dscp.
  assert.equal(count('query-source-v6', 'address ::1 ::2'), undefined);
  assert.equal(count('query-source', 'address * port * port 1234'), undefined);
  assert.equal(count('query-source-v6', '::1 port 5300 port 5301'), undefined);
  assert.equal(count('transfer-source', '10.0.0.1 port 5300 port 5301'), undefined);
  assert.equal(count('transfer-source', '10.0.0.1 port 1 dscp 2 port 3 port 4'), undefined);
  assert.equal(count('transfer-source', '10.0.0.1 port 1 port 2 recursion'), 5);
  // A word after a complete value is still a new statement.
  assert.equal(count('query-source', '* port 5300 recursion'), 3);
});
