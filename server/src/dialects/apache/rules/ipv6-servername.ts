// apache/ipv6-servername: an IPv6 literal in ServerName, which httpd 2.4 refuses (brackets) or misreads (no brackets).
import { defineRule } from '../../../core/rule';
import { parseHostPort } from '../hostport';
import { findDirectives, unchecked, type ApacheModel } from '../model';

export default defineRule<ApacheModel>({
  id: 'apache/ipv6-servername',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'An IPv6 address as `ServerName` (`ServerName [::1]`, `ServerName ::1`).',
    why:
      'httpd 2.4 refuses `ServerName [::1]` and `[2001:db8::1]:8080` ("Invalid ServerName ... use ServerAlias to set ' +
      'multiple server names.") and reads `ServerName ::1` as a port ("The port number "::1" is outside the appropriate ' +
      'range"). Either way the server does not start.',
    bad: 'ServerName [2001:db8::1]',
    good: 'ServerName www.example.org',
    fix: 'No automatic fix: use a host name whose AAAA record points at the address.',
    references: ['https://httpd.apache.org/docs/2.4/mod/core.html#servername', 'research/real-daemons.md §2b'],
  },
  check(ctx) {
    for (const d of findDirectives(ctx.model, 'servername')) {
      const a = d.args[0];
      if (unchecked(d) || !a) continue;
      const v = a.value.includes('://') ? a.value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '') : a.value;
      // Both findings need brackets or two colons: a host name (nearly every ServerName) is not read further.
      const colon = v.indexOf(':');
      if (v[0] !== '[' && (colon < 0 || v.indexOf(':', colon + 1) < 0)) continue;
      const hp = parseHostPort(v);
      if (hp.bracketed && hp.kind === 'ipv6') {
        ctx.report({ span: a, message: `httpd 2.4 refuses an IPv6 literal as ServerName: "Invalid ServerName "${a.value}" use ServerAlias to set multiple server names." Use a host name.` });
      } else if (!hp.bracketed && (hp.unbracketed || (v.match(/:/g) ?? []).length >= 2)) {
        ctx.report({ span: a, message: `httpd reads everything after the first ':' of '${a.value}' as a port and refuses it ("The port number ... is outside the appropriate range"). An IPv6 address cannot be a ServerName: use a host name.` });
      }
    }
  },
});
