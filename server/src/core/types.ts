// The vocabulary every layer shares: spans, edits, fixes, findings, rules and dialects. No I/O, no LSP.
import type { LineIndex } from './text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A half-open range of UTF-16 offsets into the document text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Replace the text in [start, end) of the original document with newText. */
export interface Edit extends Span {
  newText: string;
}

export interface Fix {
  title: string;
  /** True when the fix does what the user meant and changes nothing else the daemon does (fix-all applies it). */
  safe: boolean;
  /** Sorted by start, never overlapping, in offsets of the analysed text. */
  edits: Edit[];
}

export interface RelatedLocation {
  span: Span;
  message: string;
  /** The path of another file (one of RuleContext.linked) the span is in; undefined: the analysed file. */
  file?: string;
}

/** Another file of the analysed file's include tree, parsed by the same dialect (see workspace/linked.ts). */
export interface LinkedFile<Model = unknown> {
  path: string;
  text: string;
  lines: LineIndex;
  model: Model;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes: Fix[];
  related?: RelatedLocation[];
}

/** Rule documentation in the shape of Ruff's rule pages; feeds hover, `v6ready explain` and docs/rules.md. */
export interface RuleDocs {
  /** One line: what the rule finds. */
  summary: string;
  /** Why it matters: what the daemon really does. */
  why: string;
  /** A config that triggers the rule. */
  bad: string;
  /** The same config, fixed. */
  good: string;
  /** What the fix does and whether it is safe. */
  fix: string;
  /** Links to the daemon's manual or to our measurements. */
  references: string[];
}

export interface ReportInput {
  span: Span;
  message: string;
  fixes?: Fix[];
  related?: RelatedLocation[];
}

export interface RuleContext<Model> {
  readonly text: string;
  readonly lines: LineIndex;
  /** The dialect version the user targets (settings `targets`), e.g. '9.18' for BIND; undefined if the dialect has none. */
  readonly target?: string;
  readonly model: Model;
  /**
   * The other files joined to this one by includes (those it includes, and the files that include it), when the
   * caller could read them; empty for a document on its own. Rules use them to resolve names defined elsewhere.
   */
  readonly linked: readonly LinkedFile<Model>[];
  /** True when an include of those files could not be read: a name defined nowhere in them may be defined there. */
  readonly linkedPartial: boolean;
  /**
   * The caller followed the file's includes (`linked` is what they name, wildcards expanded), so a wildcard include
   * that no linked file matches matched nothing. False for a document analysed on its own, where it may match anything.
   */
  readonly includesFollowed: boolean;
  /**
   * The file's path (absolute, as the caller reads it: on disk, or in the workspace), when it has one; undefined for
   * standard input, an unsaved document, or a caller that does not say. Rules read it to tell a fragment
   * (sshd_config.d/10.conf, read through another file's Include) from the file the daemon starts with.
   */
  readonly path?: string;
  report(finding: ReportInput): void;
}

export interface Rule<Model = unknown> {
  /** "<dialect>/<name>", equal to the file path under dialects/<dialect>/rules/; stable forever. */
  id: string;
  severity: Severity;
  docs: RuleDocs;
  /**
   * 'statement': what the rule reports inside a local segment (Dialect.segments: a BIND zone statement, an Apache
   * top-level <VirtualHost>) depends only on that segment, the file's other (global) segments and the linked files,
   * and nothing it reports elsewhere depends on a local segment. Such a rule is re-run on the edited statement alone
   * (core/incremental.ts); a rule without it runs on the whole file. test/unit/incremental.test.ts holds every rule to
   * what it declares.
   */
  scope?: 'statement';
  /**
   * 'general': the rule is about correctness in general, not about IPv6 (a deprecated keyword, a duplicate knob). Its
   * warnings do not make the readiness report call a service not ready; its errors still do (the daemon refuses the
   * file). Without it, a rule's warnings count against readiness.
   */
  topic?: 'general';
  check(ctx: RuleContext<Model>): void;
}

/** A comment as the dialect's lexer saw it; used for suppression directives. */
export interface CommentSpan extends Span {
  /** The comment's text without its delimiters. */
  body: string;
}

export interface ParseResult<Model> {
  model: Model;
  /** Syntax problems, already as findings of the dialect's `<dialect>/syntax` rule. */
  syntaxFindings: Finding[];
  comments: CommentSpan[];
}

export interface HoverDoc {
  /** Markdown, our own words. */
  markdown: string;
  span: Span;
}

export type SymbolKind = 'namespace' | 'object' | 'module' | 'property' | 'key' | 'array';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** The whole construct. */
  span: Span;
  /** The name token, inside span. */
  selection: Span;
  children: OutlineSymbol[];
}

export interface CompletionEntry {
  label: string;
  detail?: string;
  documentation?: string;
  /** Snippet text in LSP snippet syntax; plain label when absent. */
  snippet?: string;
  kind: 'keyword' | 'property' | 'value' | 'snippet';
  /** The word still works but has a current replacement; editors show it struck through, after the current ones. */
  deprecated?: boolean;
  /** Orders the entry among the others (compared as strings; the label when absent): `0a` before `1b`. */
  sortText?: string;
}

/** A named thing in a config (an acl, a key, a primaries list ...), where it is defined or used. */
export interface NameOccurrence {
  /** Dialect-specific kind ('acl', 'key', ...): names of different kinds never match. */
  kind: string;
  name: string;
  /** The name's text (inside any quotes). */
  span: Span;
  definition: boolean;
}

/** A path a config points at (an include, a zone file), as written; the editor resolves it. */
export interface PathLink {
  /** The path's text (inside any quotes). */
  span: Span;
  target: string;
  kind: 'include' | 'file';
  /** A missing target is not an error (Apache `IncludeOptional`). */
  optional?: boolean;
  /** The target is a wildcard (Apache `Include conf.d/*.conf`): it names files to include, no single file to open. */
  glob?: boolean;
  /** The configured base directory (BIND `directory`): a zone `file` resolves against it; an include falls back to it. */
  directory?: string;
  /**
   * The daemon reads it only when this holds, and v6ready cannot tell whether it does (Apache: the enclosing
   * `<IfModule mod_ssl.c>`, or `<IfDefine SSL>` with SSL not defined in the file). Absent: always read.
   */
  when?: string;
}

/** Everything the core knows about one configuration language. */
/** Ranges of a text a parser passes over as if blank: sorted, not overlapping, each starting where a token may. */
export interface SkipRanges {
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  count: number;
}

export interface Dialect<Model = any> {
  /** Folder name under dialects/ and rule id prefix, e.g. "bind". */
  name: string;
  /** The LSP/VS Code language id, e.g. "bind-named". */
  languageId: string;
  /** Human name for messages. */
  title: string;
  /** Basename globs the CLI uses when walking directories (same patterns as package.json). */
  filePatterns: string[];
  /** The prefix that starts a line comment, used to insert suppression comments. */
  lineComment: string;
  /**
   * Parse the text; with `skip` (dialects with `segments` only), as if those ranges were blank: incremental analysis
   * parses one statement of a large file in place (core/incremental.ts).
   */
  parse(text: string, skip?: SkipRanges): ParseResult<Model>;
  rules: Rule<Model>[];
  /** Syntax rule docs (the rule id is `<name>/syntax`). */
  syntaxDocs: RuleDocs;
  hover?(model: Model, text: string, offset: number): HoverDoc | undefined;
  symbols?(model: Model, text: string): OutlineSymbol[];
  folding?(model: Model, text: string): Span[];
  /**
   * Statements that run over several lines where a line comment cannot go between their lines (a sendmail macro call
   * whose quoted argument spans lines: m4 would read the comment as part of the argument). A `disable-next-line`
   * comment above a statement's first line covers all its lines, and the editor's "Disable for this line" puts the
   * comment there. Only statements of more than one line need be listed.
   */
  statementSpans?(model: Model, text: string): Span[];
  /** `target`: the dialect version the settings target (settings `targets`), as RuleContext.target. */
  completions?(model: Model, text: string, offset: number, target?: string): CompletionEntry[];
  /** The named thing (definition or reference) whose name covers the offset. */
  nameAt?(model: Model, text: string, offset: number): NameOccurrence | undefined;
  /** Every occurrence of a name of a kind in this document, definitions included, in document order. */
  occurrences?(model: Model, text: string, kind: string, name: string): NameOccurrence[];
  /** The edit that renames one occurrence to newName, or a message saying why that name cannot be used. */
  renameEdit?(text: string, occurrence: NameOccurrence, newName: string): Edit | string;
  /** Paths the document points at (includes, data files). */
  links?(model: Model, text: string): PathLink[];
  /**
   * The folder on the server that a file at this path stands for, when its name says so (sshd: a file named sshd_config
   * is in /etc/ssh, one in a folder named sshd_config.d in /etc/ssh/sshd_config.d): a copy kept under another folder
   * (an Ansible role's files/) reads the server paths it includes from beside it (workspace/linked.ts copyMapFor).
   */
  serverFolderOf?(path: string): string | undefined;
  /** What the daemon does with an include loop, as measured (its own words): said in the loop's v6ready/include finding. */
  includeLoop?: string;
  /**
   * The top-level statements, in order, for incremental analysis (core/incremental.ts): a `local` one (a BIND zone,
   * an Apache <VirtualHost>) can be analysed again alone, with the global ones around it, when an edit stays inside
   * it. Sorted and not overlapping: the fast path passes them to Dialect.parse as skip ranges.
   */
  segments?(model: Model): Segment[];
}

/** A top-level statement of a file (Dialect.segments). */
export interface Segment extends Span {
  local: boolean;
}
