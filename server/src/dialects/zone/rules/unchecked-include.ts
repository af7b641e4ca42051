// zone/unchecked-include: an $INCLUDE whose records v6ready cannot see (it reads one file at a time), so the
// rules that need every record of a name may miss an AAAA or an NS kept there.
import { defineRule } from '../../../core/rule';
import type { ZoneModel } from '../model';

export default defineRule<ZoneModel>({
  id: 'zone/unchecked-include',
  severity: 'info',
  docs: {
    summary: 'An $INCLUDE directive: the included records are not checked, and the other rules do not see them.',
    why:
      'named reads an $INCLUDE file relative to its working directory (`options { directory }` in named.conf), not to the zone ' +
      'file, and refuses the zone when it is missing ("file not found"). An editor cannot know that directory, so v6ready checks ' +
      'each file on its own: an AAAA, NS or glue record kept in the included file is invisible to zone/ns-without-aaaa, ' +
      'zone/mx-without-aaaa and zone/name-without-aaaa, and zone/integrity skips its whole-zone checks. Open the included file ' +
      'to check it too (name it *.zone to get the language).',
    bad: '$INCLUDE Kexample.net.+013+12345.key',
    good: '; v6ready-disable-next-line zone/unchecked-include -- the key files are checked on their own\n$INCLUDE Kexample.net.+013+12345.key',
    fix: 'No fix needed. Turn the rule off (`"zone/unchecked-include": "off"`) once you know the included files are checked.',
    references: ['https://www.rfc-editor.org/rfc/rfc1035#section-5.1', 'https://bind9.readthedocs.io/en/v9.18/chapter3.html#zone-file'],
  },
  check(ctx) {
    for (const d of ctx.model.directives) {
      if (d.name !== '$INCLUDE' || !d.args[0]) continue;
      ctx.report({
        span: d.args[0],
        message: `Records in '${d.args[0].value}' are not checked here (named reads it relative to its working directory): AAAA, NS and glue records kept there are not seen by the other rules.`,
      });
    }
  },
});
