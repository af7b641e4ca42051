// Hover text for the master-file directives and the RFC 3597 generic forms, in our own words; facts from RFC 1035 §5,
// RFC 3597 and BIND 9.18's reference manual (zone file chapter).

export interface DirectiveDoc {
  syntax: string;
  description: string;
  link: string;
}

const ARM_ZONE = 'https://bind9.readthedocs.io/en/v9.18/chapter3.html';

export const DIRECTIVE_DOCS: Record<string, DirectiveDoc> = {
  $ORIGIN: {
    syntax: '$ORIGIN <domain-name>',
    description:
      'Sets the origin: relative names after it (those without a final dot, and `@`) are completed with it. A relative ' +
      '$ORIGIN is itself completed with the previous origin. Without one, the origin is the zone name from named.conf.',
    link: 'https://www.rfc-editor.org/rfc/rfc1035#section-5.1',
  },
  $TTL: {
    syntax: '$TTL <ttl>',
    description:
      'The TTL of the records after it that give none (RFC 2308). A number of seconds, or units: `1w`, `1d`, `1h30m`, `45s` ' +
      '(every number needs its unit: `1h30` is not a TTL).',
    link: 'https://www.rfc-editor.org/rfc/rfc2308#section-4',
  },
  $INCLUDE: {
    syntax: '$INCLUDE <file-name> [<domain-name>]',
    description:
      'Reads another file in place, with the given origin (or the current one). The origin of this file is unchanged after it. ' +
      'named resolves a relative file name against its working directory (`directory` in named.conf options), and refuses the ' +
      'zone if the file is missing.',
    link: 'https://www.rfc-editor.org/rfc/rfc1035#section-5.1',
  },
  $GENERATE: {
    syntax: '$GENERATE <start>-<stop>[/<step>] <lhs> [<ttl>] [<class>] <type> <rhs>',
    description:
      'A BIND extension that writes one record per number of the range: `$` in the owner (lhs) and data (rhs) is replaced by the ' +
      'number, `${offset,width,base}` formats it (base d, o, x, X, n or N for nibbles), `\\$` is a literal dollar. Handy for ' +
      'reverse zones and numbered hosts; an IPv6 reverse zone usually needs the nibble format.',
    link: `${ARM_ZONE}#generate-directive`,
  },
  $DATE: {
    syntax: '$DATE <YYYYMMDDHHMMSS>',
    description: 'Written by BIND when it dumps a zone: the time of the dump. It has no effect on the data.',
    link: `${ARM_ZONE}#zone-file`,
  },
};

export const GENERIC_DATA_DOC =
  '**\\\\#** — generic record data (RFC 3597)\n\n`\\# <length> <hex>...`: the data of any type as raw bytes, the length in bytes ' +
  'followed by that many bytes in hexadecimal (spaces allowed). It lets a zone hold types the server has no text form for; ' +
  'for known types the bytes must still be valid data of that type (4 bytes for A, 16 for AAAA).\n\n' +
  '[RFC 3597 §5](https://www.rfc-editor.org/rfc/rfc3597#section-5)';
