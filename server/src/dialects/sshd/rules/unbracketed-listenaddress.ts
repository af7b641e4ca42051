// sshd/unbracketed-listenaddress: `ListenAddress ::1:2222` — sshd takes the whole text as one IPv6 address on the Port.
import { defineRule } from '../../../core/rule';
import type { Fix } from '../../../core/types';
import { ntop6 } from '../addresses';
import { replaceSpan } from '../edits';
import { unbracketedPort, type SshdModel } from '../model';

export default defineRule<SshdModel>({
  id: 'sshd/unbracketed-listenaddress',
  severity: 'error',
  docs: {
    summary: 'An IPv6 address and port written without brackets in ListenAddress (`::1:2222`).',
    why:
      'sshd sees two or more colons and no brackets, so it takes the whole text as one IPv6 address and listens on the ' +
      '`Port` (22 by default). `sshd -t` accepts `ListenAddress ::1:2222`, which is the valid address `::0.1.34.34`; ' +
      'at start sshd logs "Bind to port 22 on ::0.1.34.34 failed: Cannot assign requested address" and nothing listens ' +
      'on `[::1]:2222`. Only the bracketed form `[::1]:2222` has a port. (`ListenAddress ::1` alone is fine.)',
    bad: 'ListenAddress 127.0.0.1:2222\nListenAddress ::1:2222',
    good: 'ListenAddress 127.0.0.1:2222\nListenAddress [::1]:2222',
    fix:
      'Safe: brackets the address and keeps the port (`[::1]:2222`), which is what the line was written to do. When the ' +
      'whole text is a real address, a second fix (not safe) keeps that reading explicitly: `[2001:db8::1:2222]`.',
    references: ['https://man.openbsd.org/sshd_config#ListenAddress', 'research/real-daemons.md §4a, §4b'],
  },
  check(ctx) {
    const declared = ctx.model.ports.map((p) => p.port);
    const portsText = declared.length ? `the Port${declared.length > 1 ? 's' : ''} ${declared.join(', ')}` : 'port 22 (no Port line)';
    for (const la of ctx.model.listenAddresses) {
      const meant = unbracketedPort(la, declared);
      if (!meant) continue;
      const bracketed = `[${meant.host}]:${meant.port}`;
      const whole = la.hostKind.kind === 'ipv6' && !meant.host.includes('%') ? ntop6(la.host) : undefined;
      const fixes: Fix[] = [{ title: `Bracket the address: ${bracketed}`, safe: true, edits: [replaceSpan(la.arg, bracketed)] }];
      let message: string;
      if (whole) {
        message =
          `sshd reads '${la.host}' as the single IPv6 address ${whole} on ${portsText}, not as ${meant.host} port ${meant.port}: ` +
          `nothing will listen on ${bracketed}. Write ${bracketed}.`;
        fixes.push({ title: `Keep it as one address: [${la.host}]`, safe: false, edits: [replaceSpan(la.arg, `[${la.host}]`)] });
      } else {
        message =
          `sshd reads '${la.host}' as one IPv6 address, which it is not: sshd refuses to start ` +
          `("bad addr or host: ${la.host}"). A port needs brackets: ${bracketed}.`;
      }
      ctx.report({ span: la.arg, message, fixes });
    }
  },
});
