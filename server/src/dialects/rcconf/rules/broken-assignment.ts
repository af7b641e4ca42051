// rcconf/broken-assignment: lines meant as `name="value"` that sh reads as something else: an unquoted value with
// blanks (`name=a b`: runs `b` with name set for it only), blanks around `=` (`name = value`: runs `name`), or a blank
// after `=` (`name= value`: sets name to empty for the command `value`). The variable stays unset for the rc scripts.
import { defineRule } from '../../../core/rule';
import type { Fix } from '../../../core/types';
import type { WordNode } from '../../../../../grammars/rcconf/cst';
import { dq } from '../edits';
import { knobDoc } from '../docs';
import type { RcconfModel } from '../model';

/** Commands that legitimately follow `NAME=value` (environment for one command) or take `=` arguments. */
const COMMANDS = new Set([
  'echo', 'printf', 'test', '[', 'true', 'false', ':', '.', 'exec', 'env', 'command', 'eval', 'set', 'unset', 'export', 'readonly',
  'local', 'read', 'shift', 'return', 'exit', 'cd', 'trap', 'wait', 'kill', 'sh', 'sysctl', 'kldload', 'ifconfig', 'route', 'mount',
  'service', 'sysrc', 'logger', 'expr', 'sed', 'awk', 'grep', 'cat', 'case', 'alias',
]);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A word sh takes literally: no quotes, escapes or expansions. */
function plain(w: WordNode): boolean {
  return !w.info.quoted && w.info.subs.length === 0 && !/[$`\\"'*?[]/.test(w.image);
}

export default defineRule<RcconfModel>({
  id: 'rcconf/broken-assignment',
  severity: 'error',
  docs: {
    summary: 'A line meant as `name="value"` that sh reads as a command: a value with blanks but no quotes, or blanks around `=`.',
    why:
      'sh splits words at blanks. `ifconfig_em0=inet 192.0.2.10/24` sets ifconfig_em0 to `inet` for one command, `192.0.2.10/24`, which ' +
      'sh then tries to run; `sshd_enable = "YES"` runs a command named sshd_enable. Either way the variable is not set for the rc scripts: ' +
      'the interface or service is not configured at boot, and the only trace is a "not found" message on the console. `sh -n` accepts both.',
    bad: 'ifconfig_em0=inet 192.0.2.10 netmask 255.255.255.0\nsshd_enable = "YES"',
    good: 'ifconfig_em0="inet 192.0.2.10 netmask 255.255.255.0"\nsshd_enable="YES"',
    fix: 'Safe: quotes the whole value, or removes the blanks around `=`. Offered when the words are plain (no quotes or expansions of their own).',
    references: ['https://man.freebsd.org/cgi/man.cgi?query=rc.conf&sektion=5', 'https://man.freebsd.org/cgi/man.cgi?query=sh&sektion=1'],
  },
  check(ctx) {
    const text = ctx.model.text;
    for (const { command } of ctx.model.commands) {
      const words = command.words;
      if (words.length === 0) continue;
      const onlyBlanksBetween = (from: number, to: number) => /^[ \t]+$/.test(text.slice(from, to));

      // name=value word... : an environment assignment for a command that is really the rest of the value.
      if (command.assignments.length === 1 && command.redirects.length === 0) {
        const a = command.assignments[0];
        const name = a.image.slice(0, a.image.indexOf('='));
        const head = words[0];
        const known = knobDoc(name) !== undefined;
        const looksLikeCommand = COMMANDS.has(head.image) || head.image.startsWith('/') || head.image.startsWith('./');
        if (/^[A-Z_][A-Z0-9_]*$/.test(name) && !known) continue; // LANG=C cmd: an environment variable for a command
        if (looksLikeCommand) continue;
        const valueRaw = text.slice(a.start + name.length + 1, a.end);
        if (a.image.length === name.length + 1) {
          // `name= value`: an empty assignment for the command `value`.
          const fixes: Fix[] =
            words.length === 1 && onlyBlanksBetween(a.end, head.start)
              ? [{ title: `Remove the blank after "${name}="`, safe: true, edits: [{ start: a.end, end: head.start, newText: '' }] }]
              : [];
          ctx.report({
            span: { start: a.start, end: words[words.length - 1].end },
            message: `sh reads "${name}= ${head.image}" as running ${head.image} with ${name} empty: ${name} is not set for the rc scripts. Remove the blank after "=".`,
            fixes,
          });
          continue;
        }
        const all = [a, ...words];
        let fixable = words.every(plain) && (a.info.quoted ? /^(["'])[^"'\\$`]*\1$/.test(valueRaw) : !/[$`\\"'*?[]/.test(valueRaw));
        for (let i = 1; i < all.length && fixable; i++) if (!onlyBlanksBetween(all[i - 1].end, all[i].start)) fixable = false;
        const literal = a.info.quoted ? valueRaw.slice(1, -1) : valueRaw;
        const joined = literal + text.slice(a.end, words[words.length - 1].end);
        const fixes: Fix[] = fixable
          ? [{ title: `Quote the whole value: ${name}=${dq(joined).slice(0, 50)}${joined.length > 45 ? '…' : ''}`, safe: true, edits: [{ start: a.start + name.length + 1, end: words[words.length - 1].end, newText: dq(joined) }] }]
          : [];
        ctx.report({
          span: { start: a.start, end: words[words.length - 1].end },
          message:
            `The value of ${name} has blanks but no quotes: sh sets ${name} to "${literal}" only for a command "${head.image}", which it then tries to run. ` +
            `${name} stays unset for the rc scripts. Quote the whole value.`,
          fixes,
        });
        continue;
      }

      // name = value, name =value
      if (command.assignments.length === 0 && words.length >= 2 && NAME.test(words[0].image) && words[1].image.startsWith('=') && !COMMANDS.has(words[0].image)) {
        const name = words[0].image;
        const eq = words[1];
        const valueWord = eq.image === '=' ? words[2] : undefined;
        const simple = eq.image === '=' ? words.length === 3 && valueWord !== undefined : words.length === 2;
        const fixes: Fix[] = [];
        if (simple) {
          const value = eq.image === '=' ? text.slice(valueWord!.start, valueWord!.end) : eq.image.slice(1);
          fixes.push({ title: `Remove the blanks around "=": ${name}=${value.slice(0, 40)}`, safe: true, edits: [{ start: words[0].start, end: words[words.length - 1].end, newText: `${name}=${value}` }] });
        }
        ctx.report({
          span: { start: words[0].start, end: words[words.length - 1].end },
          message: `Blanks around "=": sh runs a command named ${name} instead of setting it, so ${name} stays unset for the rc scripts. Write ${name}="...", with no blanks.`,
          fixes,
        });
      }
    }
  },
});
