// sshd/unknown-keyword: a keyword sshd does not know; like `sshd -t`, "Bad configuration option", and sshd refuses to start.
import { defineRule } from '../../../core/rule';
import { closestMatches } from '../../../core/suggest';
import type { Fix } from '../../../core/types';
import { CLIENT_ONLY, currentKeywords, REMOVED_KEYWORDS } from '../catalogue';
import { deleteLine } from '../edits';
import type { SshdModel } from '../model';

/** Client options whose server twin is what the writer almost certainly meant. */
const SERVER_TWIN: Record<string, string> = {
  forwardagent: 'AllowAgentForwarding',
  forwardx11: 'X11Forwarding',
  serveraliveinterval: 'ClientAliveInterval',
  serveralivecountmax: 'ClientAliveCountMax',
  sendenv: 'AcceptEnv',
  bindaddress: 'ListenAddress',
};

const CLIENT = new Map([...CLIENT_ONLY].map((n) => [n.toLowerCase(), n]));

export default defineRule<SshdModel>({
  id: 'sshd/unknown-keyword',
  severity: 'error',
  docs: {
    summary: 'A keyword sshd does not know: "Bad configuration option", and sshd refuses to start.',
    why:
      'sshd reads the whole file, counts every unknown keyword and then exits (`terminating, 1 bad configuration ' +
      'options`), so one typo or one client option pasted from ssh_config keeps the server from starting or reloading. ' +
      'A misspelt `ListenAddressV6` is not an IPv6 setting: there is none by that name.',
    bad: 'ListenAddressV6 ::1\nForwardAgent no',
    good: 'ListenAddress ::1\nAllowAgentForwarding no',
    fix:
      'Not safe: offers the closest keywords ("did you mean"), the server twin of a client option, or removing the line; ' +
      'which one you meant is yours to say.',
    references: ['https://man.openbsd.org/sshd_config', 'research/real-daemons.md §4a'],
  },
  check(ctx) {
    const names = currentKeywords().map((k) => k.name);
    for (const d of ctx.model.directives) {
      // A keyword with no argument is reported as such first (sshd checks that before the keyword itself).
      if (d.info || d.args.length === 0) continue;
      const fixes: Fix[] = [];
      const rename = (to: string) => fixes.push({ title: `Change to ${to}`, safe: false, edits: [{ ...d.keywordSpan, newText: to }] });
      let hint: string;
      const client = CLIENT.get(d.name);
      const removed = REMOVED_KEYWORDS[d.name];
      if (client) {
        const twin = SERVER_TWIN[d.name];
        hint = ` ${client} is an ssh_config (client) option, not an sshd_config one${twin ? `; the server's setting is ${twin}` : ''}.`;
        if (twin) rename(twin);
        const del = deleteLine(ctx.text, ctx.lines, d);
        if (del) fixes.push({ title: 'Remove the line', safe: false, edits: [del] });
      } else if (removed) {
        hint = ` ${removed.name} was ${removed.note}.`;
        const del = deleteLine(ctx.text, ctx.lines, d);
        if (del) fixes.push({ title: 'Remove the line', safe: false, edits: [del] });
      } else {
        const close = closestMatches(d.keyword, names, 3);
        hint = close.length ? ` Did you mean ${close.join(' or ')}?` : '';
        for (const c of close) rename(c);
      }
      ctx.report({
        span: d.keywordSpan,
        message: `Bad configuration option: ${d.keyword} — sshd refuses to start with it ("terminating, 1 bad configuration options").${hint}`,
        fixes,
      });
    }
  },
});
