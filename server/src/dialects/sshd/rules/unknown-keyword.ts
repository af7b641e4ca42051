// sshd/unknown-keyword: a keyword sshd does not know; like `sshd -t`, "Bad configuration option", and sshd refuses to start.
// "Does not know" is the target release's view: a keyword added later (PAMServiceName, 9.8) is unknown to sshd 9.2, and
// a keyword allowed inside Match only later (Subsystem, 9.5) is refused there.
import { defineRule } from '../../../core/rule';
import { closestMatches } from '../../../core/suggest';
import type { Fix } from '../../../core/types';
import { CLIENT_ONLY, currentKeywords, DEFAULT_TARGET, newerThan, REMOVED_KEYWORDS } from '../catalogue';
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
    summary: 'A keyword sshd does not know (or, in the target release, not yet, or not inside Match): sshd refuses to start.',
    why:
      'sshd reads the whole file, counts every unknown keyword and then exits (`terminating, 1 bad configuration ' +
      'options`), so one typo or one client option pasted from ssh_config keeps the server from starting or reloading. ' +
      'A misspelt `ListenAddressV6` is not an IPv6 setting: there is none by that name. Keywords are judged by the ' +
      'target release (Debian 12\'s OpenSSH 9.2 by default): `PAMServiceName` (9.8) or `RefuseConnection` (9.9) are ' +
      'unknown to sshd 9.2, and `Subsystem` inside a Match block is refused before 9.5.',
    bad: 'ListenAddressV6 ::1\nForwardAgent no',
    good: 'ListenAddress ::1\nAllowAgentForwarding no',
    fix:
      'Not safe: offers the closest keywords ("did you mean"), the server twin of a client option, or removing the line; ' +
      'which one you meant is yours to say. None for a keyword newer than the target: remove it or upgrade sshd.',
    references: ['https://man.openbsd.org/sshd_config', 'research/real-daemons.md §4a'],
  },
  check(ctx) {
    // Setting targets.sshd (core/settings.ts TARGET_VERSIONS; its default is Debian 12's 9.2, as DEFAULT_TARGET).
    const target = ctx.target ?? DEFAULT_TARGET;
    const names = currentKeywords().filter((k) => !newerThan(k.since, target)).map((k) => k.name);
    for (const d of ctx.model.directives) {
      // A keyword with no argument is reported as such first (sshd checks that before the keyword itself).
      if (d.args.length === 0) continue;
      const info = d.info;
      if (info && newerThan(info.since, target)) {
        // servconf.c of the target has no such entry in keywords[]: the same "Bad configuration option" as a typo.
        ctx.report({
          span: d.keywordSpan,
          message:
            `Bad configuration option: ${d.keyword} — sshd ${target} does not know it and refuses to start ("terminating, 1 bad configuration options"). ` +
            `It was added in OpenSSH ${info.since}; your target is ${target}. Remove the line, or upgrade sshd.`,
        });
        continue;
      }
      if (info && d.block && !d.block.all && info.match && newerThan(info.matchSince, target) && d.node.openQuote < 0) {
        // Before matchSince the keyword lacks SSHCFG_MATCH in keywords[], and sshd stops at the first such line.
        ctx.report({
          span: d.keywordSpan,
          message:
            `Directive '${d.keyword}' is not allowed within a Match block in sshd ${target}: it refuses to start. ` +
            `${info.name} inside Match came with OpenSSH ${info.matchSince}; your target is ${target}. Move the line above the first Match.`,
        });
        continue;
      }
      if (info) continue;
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
