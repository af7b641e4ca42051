// The generic shape of an httpd.conf / .htaccess file: lines of directives (a name and its arguments) and
// sections `<Name args> ... </Name>` holding more of them. httpd's own reader (server/config.c, util.c
// ap_getword_conf) sees the same structure; meaning per directive comes in dialects/apache/.
import type { Span } from '../../server/src/core/types';

export interface ArgNode extends Span {
  kind: 'word' | 'string';
  /** The text as written, quotes included. */
  image: string;
  /** The value httpd sees: quotes removed, `\"` and `\\` unescaped inside quotes, continuations joined. */
  value: string;
  /** False for a quoted string whose closing quote is missing (httpd reads to the end of the line). */
  terminated: boolean;
}

export interface DirectiveNode extends Span {
  kind: 'directive';
  /** The name as written (for a section: without `<`). */
  name: string;
  nameSpan: Span;
  args: ArgNode[];
  /** The line's end (before the line break). */
  lineEnd: number;
}

export interface SectionNode extends Span {
  kind: 'section';
  /** The section name without `<`, as written. */
  name: string;
  /** The `<Name` token. */
  nameSpan: Span;
  /** The header's arguments, before the closing `>`. */
  args: ArgNode[];
  /** Offset of the header's closing `>`, or -1 when it is missing. */
  gt: number;
  /** End of the header line. */
  headerEnd: number;
  body: ConfigNode[];
  /** The `</Name>` line that closes it, or undefined when the file ends first. */
  close: (Span & { name: string }) | undefined;
}

export type ConfigNode = DirectiveNode | SectionNode;

export interface ApacheCst {
  nodes: ConfigNode[];
}
