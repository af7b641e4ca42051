// sshd reads an Include'd file in place, and the first AddressFamily it reads wins: a file included above may set it
// first, or add IPv6 ListenAddress lines. The sshd dialect does not follow includes yet, so the rules that depend on
// the first value or on every ListenAddress must say "unless" beside an Include instead of claiming certainty.
// (Measured with sshd 9.2: `Include incaf.conf` [AddressFamily any] then `AddressFamily inet` / `ListenAddress ::1`
// passes `sshd -t`.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { sshdDialect } from '../../server/src/dialects/sshd';

function messages(text: string, rule: string): string[] {
  return analyze(sshdDialect, text).findings.filter((f) => f.rule === rule).map((f) => f.message);
}

test('address-family-conflict: an Include above the AddressFamily line makes the finding conditional', () => {
  const [m] = messages('Include /etc/ssh/incaf.conf\nAddressFamily inet\nListenAddress ::1\n', 'sshd/address-family-conflict');
  assert.match(m, /^Unless a file read by Include \/etc\/ssh\/incaf\.conf \(line 1\) sets AddressFamily first/);
  // An Include below the AddressFamily line cannot come first: the finding stays certain.
  const [below] = messages('AddressFamily inet\nListenAddress ::1\nInclude /etc/ssh/incaf.conf\n', 'sshd/address-family-conflict');
  assert.match(below, /^AddressFamily inet cannot resolve the IPv6 ListenAddress ::1/);
});

test('ipv4-only: an Include anywhere may add an IPv6 ListenAddress; one above may set AddressFamily first', () => {
  const [m] = messages('ListenAddress 127.0.0.1\nInclude inc6.conf\n', 'sshd/ipv4-only');
  assert.match(m, /^Every ListenAddress of this file is IPv4 \(127\.0\.0\.1\): unless a file read by Include inc6\.conf \(line 2\) adds an IPv6 one/);
  const [plain] = messages('ListenAddress 127.0.0.1\n', 'sshd/ipv4-only');
  assert.match(plain, /^Every ListenAddress is IPv4 \(127\.0\.0\.1\): sshd does not listen on IPv6/);
  const [af] = messages('Include /etc/ssh/sshd_config.d/*.conf\nInclude more.conf\nAddressFamily inet\n', 'sshd/ipv4-only');
  assert.match(af, /^Unless a file read by Include \/etc\/ssh\/sshd_config\.d\/\*\.conf \(line 1 and 1 more\) sets AddressFamily first/);
  // An Include inside a Match block can set neither (both are global-only keywords).
  const [inMatch] = messages('ListenAddress 127.0.0.1\nMatch User x\n    Include x.conf\n', 'sshd/ipv4-only');
  assert.match(inMatch, /^Every ListenAddress is IPv4/);
});
