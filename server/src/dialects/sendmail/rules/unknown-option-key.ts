// sendmail/unknown-option-key: a DAEMON_OPTIONS / CLIENT_OPTIONS entry sendmail reads differently than
// written. daemon.c looks only at an entry's first letter (some letters in one case only), skips entries
// without `=`, and stops on a letter it does not know.
import { closestMatches } from '../../../core/suggest';
import { defineRule } from '../../../core/rule';
import { CF_README, documentedKey, keyByFirstLetter, OPTION_KEYS, OPTION_SPELLINGS, type OptionKey } from '../catalogue';
import type { SendmailModel } from '../model';

/**
 * The documented spelling that an abbreviated key (`F`, `Fam`, `Addr`) starts, read as the same key; undefined
 * when the name is not such a prefix.
 */
function spellOut(name: string, read: OptionKey): string | undefined {
  const n = name.toLowerCase();
  return OPTION_KEYS.get(read)!.spellings.find((s) => s.toLowerCase().startsWith(n) && keyByFirstLetter(s) === read);
}

export default defineRule<SendmailModel>({
  id: 'sendmail/unknown-option-key',
  severity: 'warning',
  docs: {
    summary: 'A DAEMON_OPTIONS / CLIENT_OPTIONS key that is not one of sendmail’s (or an entry without `=`).',
    why:
      'sendmail reads each `Key=Value` entry by the key’s first letter only: `Adress=::1` still sets Addr, but ' +
      '`rcvbufsize=` sets refuseLA (lower-case r), `Interface=` sets InputMailFilters, `Children=` (upper-case C) stops ' +
      'sendmail with `PortOptions parameter "Children" unknown`, and an entry without `=` — `Family inet6` — is skipped ' +
      'without a word, leaving an IPv4 daemon.',
    bad: "DAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family inet6')dnl",
    good: "DAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family=inet6')dnl",
    fix:
      'Safe when the name already stands for the key sendmail reads: an abbreviation (`F=` -> `Family=`) or a misspelling ' +
      'of it (Adress -> Addr); the fix spells that key out and never picks another one. Not safe: a documented key whose ' +
      'first letter sendmail reads as another key (the fix writes the key meant), or `=` inserted into `Key value`.',
    references: [CF_README, 'sendmail/daemon.c, setsockaddroptions'],
  },
  check(ctx) {
    for (const d of [...ctx.model.daemons, ...ctx.model.clients]) {
      for (const o of d.options) {
        if (!o.hasEquals) {
          const kv = /^([A-Za-z]+)\s+(\S.*)$/.exec(o.name);
          const key = kv ? documentedKey(kv[1]) : undefined;
          ctx.report({
            span: o.span,
            message: `'${o.name}' has no '=': sendmail skips this entry without a word${key ? ` (so ${key} keeps its default)` : ''}.${kv ? ` Write ${kv[1]}=${kv[2]}.` : ''}`,
            fixes: kv ? [{ title: `Write ${kv[1]}=${kv[2]}`, safe: false, edits: [{ start: o.span.start, end: o.span.end, newText: `${kv[1]}=${kv[2]}` }] }] : [],
          });
          continue;
        }
        const read = keyByFirstLetter(o.name);
        const meant = documentedKey(o.name);
        if (read && meant === read) continue;
        if (read && !meant) {
          // sendmail already reads the key by its first letter; the only fix that keeps what it does is to spell
          // that key out. Never another key: `F=inet6` is Family to sendmail, even though `M` is one edit away.
          const full = spellOut(o.name, read);
          const near = closestMatches(o.name, OPTION_SPELLINGS, 3).some((s) => keyByFirstLetter(s) === read);
          const want = full ?? (near ? OPTION_KEYS.get(read)!.spellings[0] : undefined);
          ctx.report({
            span: o.nameSpan,
            message: full
              ? `'${o.name}' is short for ${read}: sendmail reads a key by its first letter only. Write ${full} so the line says what sendmail does.`
              : `sendmail knows no key '${o.name}'; it reads it by its first letter as ${read}.${want ? ` Write ${want}.` : ` Spell out ${read}, or the key you meant.`}`,
            fixes: want ? [{ title: `Write ${want}`, safe: true, edits: [{ start: o.nameSpan.start, end: o.nameSpan.end, newText: want }] }] : [],
          });
          continue;
        }
        // The word is a documented key, but its first letter means something else (or nothing) to sendmail.
        const want = meant ? OPTION_KEYS.get(meant)!.spellings[0] : undefined;
        const sugg = want ? [want] : closestMatches(o.name, OPTION_SPELLINGS, 3);
        ctx.report({
          span: o.nameSpan,
          message: read
            ? `sendmail reads '${o.name}' by its first letter as ${read}, not ${meant}.${want ? ` Write ${want}.` : ''}`
            : `sendmail stops on '${o.name}' with 'PortOptions parameter "${o.name}" unknown'.${sugg.length ? ` Did you mean ${sugg.join(', ')}?` : ''}`,
          fixes: sugg.map((s) => ({ title: `Change to ${s}`, safe: false, edits: [{ start: o.nameSpan.start, end: o.nameSpan.end, newText: s }] })),
        });
      }
    }
  },
});
