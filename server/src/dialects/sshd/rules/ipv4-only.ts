// sshd/ipv4-only: AddressFamily inet, or ListenAddress lines that are all IPv4: sshd does not listen on IPv6 at all.
import { defineRule } from '../../../core/rule';
import type { Edit } from '../../../core/types';
import { insertLinesAfter, replaceSpan } from '../edits';
import { includeWords, ipv6Twins, listenBeyond, mayChangeWords, placeWords, readSshd, sourcedByFamily } from '../listen';
import type { SshdModel } from '../model';

export default defineRule<SshdModel>({
  id: 'sshd/ipv4-only',
  severity: 'warning',
  docs: {
    summary: 'sshd listens on IPv4 only: `AddressFamily inet`, or every ListenAddress is an IPv4 address.',
    why:
      'With `AddressFamily inet` sshd opens only `0.0.0.0` sockets; with only IPv4 ListenAddress lines it binds only ' +
      'those. Either way clients on an IPv6-only network, or that prefer the AAAA record of the host, get "Connection ' +
      'refused" while IPv4 clients get in, so the problem hides until an IPv6 client tries. sshd reads an `Include`d ' +
      'file in place and keeps the first AddressFamily it meets, so an `AddressFamily inet` in `sshd_config.d/*.conf` ' +
      'above the main file\'s own line decides, and ListenAddress lines of every included file add up: the rule reads ' +
      'the included files as sshd does, and reports one that decides on its Include line. Where the included files ' +
      'could not be read, the message says what they may change. A file of `sshd_config.d/` is judged as read from the ' +
      'file that includes it, when that file is known; on its own, the message says what the includer may change.',
    bad: 'Port 2222\nAddressFamily inet\nListenAddress 127.0.0.1',
    good: 'Port 2222\nAddressFamily any\nListenAddress 127.0.0.1\nListenAddress ::1',
    fix:
      'Not safe: sets `AddressFamily any` and, when every ListenAddress is IPv4, adds the IPv6 twin of each after the ' +
      'last one, with the same port: `::1` for a loopback address, `::` (every IPv6 address) for any other. That opens ' +
      'sshd to IPv6 clients; narrow `::` to the host\'s own address if you mean fewer.',
    references: ['https://man.openbsd.org/sshd_config#AddressFamily', 'https://man.openbsd.org/sshd_config#ListenAddress', 'research/real-daemons.md §4b'],
  },
  check(ctx) {
    // What sshd reads: this file and, when the caller read them, the files its Include lines name (listen.ts).
    const r = readSshd(ctx.model, ctx.lines, ctx.linked, ctx.linkedPartial, ctx.includesFollowed, ctx.path);
    // Read through a file that includes this one, known (listen.ts): the AddressFamily sshd uses may be another file's,
    // read before this file, or after it when this file sets none and nothing unknown comes between. Unless it is
    // `any`, that file's analysis reports it, and this file's own AddressFamily does nothing.
    const known = r.includer?.reading;
    const outer = known?.before ?? (r.addressFamily || known?.whole.unknownBeforeAddressFamily.length ? undefined : known?.whole.addressFamily);
    if (outer && outer.item.value !== 'any') return;
    const af = outer ?? r.addressFamily;
    const { v4, v6, names } = sourcedByFamily(r.listen);
    // The ListenAddress lines of the other files of that reading, and whether all of it is known.
    const beyond = listenBeyond(r);
    const tree = sourcedByFamily(beyond);
    const whole = known !== undefined && known.whole.unknown.length === 0;
    // AddressFamily inet beside an IPv6 address is sshd/address-family-conflict's finding (sshd does not start at all).
    if (af?.item.value === 'inet' && v6.length + tree.v6.length > 0) return;
    if (af?.item.value === 'inet6') return;
    const onlyV4 = v4.length > 0 && v6.length === 0 && names.length === 0 && v4.length === r.listen.length && tree.v4.length === beyond.length;
    const twins = onlyV4 ? ipv6Twins([...v4, ...tree.v4].map((s) => s.item)) : [];
    // The twins go after the last IPv4 ListenAddress of this file, else after the Include that reads the last one.
    const own = v4.filter((s) => s.file === undefined);
    const lastLine = own.length ? own[own.length - 1].item.directive : v4[v4.length - 1]?.via?.include;
    const keyword = own.length ? own[own.length - 1].item.directive.keyword : 'ListenAddress';
    const addTwins = (): Edit[] => (onlyV4 && lastLine ? [insertLinesAfter(ctx.lines, lastLine, twins.map((t) => `${keyword} ${t}`))] : []);
    const sayTwins = twins.map((t) => `ListenAddress ${t}`).join(', ');
    // An Include not followed, above the first AddressFamily, or a file that includes this one (unless its reading is
    // known), may set it first (sshd uses the first value).
    const setters = mayChangeWords(ctx.lines, r.unknownBeforeAddressFamily, known ? undefined : r.includer);
    const unlessFirst = setters ? `Unless ${setters} sets AddressFamily first (sshd uses the first value), ` : '';
    if (af?.item.value === 'inet') {
      const setting = af.item;
      if (af.file === undefined) {
        ctx.report({
          span: setting.arg,
          message:
            unlessFirst +
            `AddressFamily ${setting.arg.value}: sshd listens on IPv4 only, and IPv6 clients are refused.` +
            (onlyV4 ? ` Use AddressFamily any and add ${sayTwins}.` : ' Use AddressFamily any.'),
          fixes: [{ title: onlyV4 ? `Set AddressFamily any and listen on ${twins.join(', ')}` : 'Set AddressFamily any', safe: false, edits: [replaceSpan(setting.arg, 'any'), ...addTwins()] }],
        });
        return;
      }
      // Set in an included file, read before any AddressFamily of this one: reported on the Include that reads it.
      // The fix belongs in that file (its own analysis offers it); an edit here cannot reach it.
      ctx.report({
        span: af.via!.arg,
        message:
          unlessFirst +
          `AddressFamily ${setting.arg.value} (${placeWords(af)}), read through this Include: sshd listens on IPv4 only, and IPv6 clients are refused. ` +
          `Use AddressFamily any there${onlyV4 ? ` and add ${sayTwins}` : ''}.`,
        related: [{ file: af.file, span: { start: setting.arg.start, end: setting.arg.end }, message: `AddressFamily ${setting.arg.value}: the first AddressFamily sshd reads` }],
      });
      return;
    }
    if (!onlyV4) return;
    // Included files add ListenAddress lines wherever the Include is; one not followed, or a file that includes this
    // one (unless all of its reading is known), may add an IPv6 one.
    const unread = r.unknown;
    const adders = mayChangeWords(ctx.lines, unread, whole ? undefined : r.includer);
    const spanOf = own.length ? own[own.length - 1].item.arg : v4[v4.length - 1].via!.arg;
    const others = v4.filter((s) => s.file !== undefined);
    const listed = [...v4, ...tree.v4].map((s) => (s.file === undefined ? s.item.arg.value : `${s.item.arg.value} in ${s.file}`)).join(', ');
    // What the list covers when something not known may add to it: this file (with its includes), or all that was read.
    const hedged = unread.length > 0 || (r.includer !== undefined && !whole);
    const scope = !hedged ? '' : tree.v4.length || (unread.length && others.length) ? 'that could be read ' : others.length ? 'read from this file ' : 'of this file ';
    const alsoRead = tree.v4.map((s) => ({ file: s.file, span: { start: s.item.arg.start, end: s.item.arg.end }, message: `IPv4 ListenAddress sshd also reads (from ${r.includer!.file})` }));
    ctx.report({
      span: spanOf,
      message:
        `Every ListenAddress ${scope}is IPv4 (${listed}): ` +
        (adders ? `unless ${adders} adds an IPv6 one, ` : '') +
        `sshd does not listen on IPv6, and IPv6 clients are refused. ` +
        `Add ${sayTwins}.`,
      related:
        others.length + alsoRead.length === 0
          ? undefined
          : [...others.map((s) => ({ file: s.file, span: { start: s.item.arg.start, end: s.item.arg.end }, message: `IPv4 ListenAddress read through ${includeWords(ctx.lines, [s.via!.include])}` })), ...alsoRead],
      fixes: [{ title: `Also listen on ${twins.join(', ')}`, safe: false, edits: addTwins() }],
    });
  },
});
