// sshd/address-family-conflict: AddressFamily inet with an IPv6 ListenAddress (or inet6 with an IPv4 one): sshd refuses to start.
import { defineRule } from '../../../core/rule';
import type { RelatedLocation } from '../../../core/types';
import { replaceSpan } from '../edits';
import { listenBeyond, mayChangeWords, placeWords, readSshd, sourcedByFamily } from '../listen';
import type { SshdModel } from '../model';

export default defineRule<SshdModel>({
  id: 'sshd/address-family-conflict',
  severity: 'error',
  docs: {
    summary: '`AddressFamily inet` beside an IPv6 ListenAddress (or `inet6` beside an IPv4 one): sshd refuses to start.',
    why:
      'sshd resolves every ListenAddress in the family AddressFamily names, so with `AddressFamily inet` the address ' +
      '`::1` cannot be resolved: `sshd -t` and sshd stop with "bad addr or host: ::1 (Address family for hostname not ' +
      'supported)", and the server listens on nothing, IPv4 included. The AddressFamily and the ListenAddress lines may ' +
      'come from different `Include`d files; the rule reads them in place, as sshd does. A file of `sshd_config.d/` is ' +
      'judged as read from the file that includes it, when that file is known: its AddressFamily does nothing when that ' +
      'file sets one first.',
    bad: 'AddressFamily inet\nListenAddress 127.0.0.1\nListenAddress ::1',
    good: 'AddressFamily any\nListenAddress 127.0.0.1\nListenAddress ::1',
    fix:
      'Not safe: sets `AddressFamily any`. The ListenAddress lines still decide where sshd listens, but AddressFamily ' +
      'also governs the sockets of forwarded ports and X11 displays, which may then open on IPv6 too.',
    references: ['https://man.openbsd.org/sshd_config#AddressFamily', 'research/real-daemons.md §4a'],
  },
  check(ctx) {
    // The first AddressFamily sshd reads and every ListenAddress, through the Include lines the caller followed.
    const r = readSshd(ctx.model, ctx.lines, ctx.linked, ctx.linkedPartial, ctx.includesFollowed, ctx.path);
    // A file that includes this one sets AddressFamily before sshd reads this file: this file's does nothing (sshd -t
    // accepts it), and that file's analysis reports the AddressFamily sshd uses.
    const known = r.includer?.reading;
    if (known?.before) return;
    const af = r.addressFamily;
    if (!af || af.item.value === 'any') return;
    const setting = af.item;
    // This file's AddressFamily is known to come first: the ListenAddress lines of the files read with it count too.
    const { v4, v6 } = sourcedByFamily([...r.listen, ...listenBeyond(r)]);
    const wrong = setting.value === 'inet' ? v6 : v4;
    if (wrong.length === 0) return;
    const fam = setting.value === 'inet' ? 'IPv6' : 'IPv4';
    const first = wrong[0];
    // An Include not followed, above the AddressFamily, or a file that includes this one (unless its reading is
    // known), may set it first, and then this one does nothing (sshd -t accepts the file).
    const setters = mayChangeWords(ctx.lines, r.unknownBeforeAddressFamily, known ? undefined : r.includer);
    const unless = setters ? `Unless ${setters} sets AddressFamily first (sshd uses the first value), ` : '';
    const related: RelatedLocation[] = wrong.map((s) => ({
      file: s.file,
      span: { start: s.item.arg.start, end: s.item.arg.end },
      message: `${fam} address that AddressFamily ${setting.arg.value} rejects`,
    }));
    // Set in an included file: reported on the Include that reads it, and fixed in that file (an edit here cannot reach it).
    if (af.file !== undefined) {
      related.unshift({ file: af.file, span: { start: setting.arg.start, end: setting.arg.end }, message: `AddressFamily ${setting.arg.value}: the first AddressFamily sshd reads` });
    }
    ctx.report({
      span: af.file === undefined ? setting.arg : af.via!.arg,
      message:
        unless +
        `AddressFamily ${setting.arg.value}${af.file === undefined ? '' : ` (${placeWords(af)}, read through this Include)`} cannot resolve the ${fam} ListenAddress ${first.item.host} ` +
        `(${placeWords(first)}${wrong.length > 1 ? ` and ${wrong.length - 1} more` : ''}): ` +
        `sshd refuses to start ("bad addr or host: ${first.item.host} (Address family for hostname not supported)") and listens on nothing. ` +
        `Use AddressFamily any${af.file === undefined ? '' : ' there'}.`,
      related: related.map((x) => (x.file === undefined ? { span: x.span, message: x.message } : x)),
      fixes: af.file === undefined ? [{ title: 'Set AddressFamily any', safe: false, edits: [replaceSpan(setting.arg, 'any')] }] : [],
    });
  },
});
