// Go to definition, find references, rename and document links, across the files joined by `include`: the
// dialect says where names and paths are (Dialect.nameAt/occurrences/renameEdit/links); this file finds the
// other files (open documents first, then the disk, confined to the workspace folders) and speaks LSP.
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ErrorCodes,
  ResponseError,
  type DefinitionParams,
  type DocumentLink,
  type DocumentLinkParams,
  type InitializeParams,
  type Location,
  type PrepareRenameParams,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { LineIndex } from '../core/text';
import type { Dialect, NameOccurrence, PathLink } from '../core/types';
import { absoluteCandidates, copyMapFor, IncludeWorld, pathInCopy, type IncludeContext } from '../workspace/linked';
import { toRange } from './convert';
import { pathOf, readTextFile, underFolders } from './files';
import type { Session } from './session';

/** Files larger than this are not read from disk for navigation. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** The workspace folders (file system paths), from initialize; files outside them are never read. */
let workspaceFolders: string[] = [];
/** The same folders with symlinks resolved. */
let realFolders: string[] = [];
/**
 * Whether the user trusts the workspace (the client sends `workspaceTrusted` in initializationOptions, and
 * `v6ready/workspaceTrust` when trust is granted later). Untrusted, a path must stay inside the workspace folders
 * after symlinks are resolved: a link pointing out of the workspace is not followed. Clients that say nothing
 * are trusted, as before trust existed.
 */
let trusted = true;

export const WORKSPACE_TRUST_NOTIFICATION = 'v6ready/workspaceTrust';

export function setWorkspaceFolders(params: InitializeParams | undefined): void {
  const uris = params?.workspaceFolders?.map((f) => f.uri) ?? (params?.rootUri ? [params.rootUri] : []);
  workspaceFolders = uris.flatMap((u) => {
    const p = pathOf(u);
    return p ? [p] : [];
  });
  realFolders = workspaceFolders.map((f) => {
    try {
      return realpathSync(f);
    } catch {
      return f;
    }
  });
  const options = params?.initializationOptions as { workspaceTrusted?: unknown } | undefined;
  trusted = options?.workspaceTrusted !== false;
}

export function setWorkspaceTrust(value: unknown): void {
  trusted = (value as { trusted?: unknown } | undefined)?.trusted === true;
}


/** May this path be read (or even looked at)? Inside a workspace folder, and, untrusted, still there once symlinks are resolved. */
export function mayRead(path: string): boolean {
  if (!underFolders(workspaceFolders, path)) return false;
  if (trusted) return true;
  try {
    return underFolders(realFolders, realpathSync(path));
  } catch {
    return false;
  }
}

interface FileView {
  uri: string;
  path?: string;
  text: string;
  lines: LineIndex;
  model: unknown;
}

/** Reads and parses the files of one request; an open document wins over the disk. */
class Files {
  private readonly openByPath = new Map<string, { uri: string; text: string }>();

  constructor(session: Session, dialect: Dialect) {
    this.world = new IncludeWorld(dialect, this.read, this.list);
    for (const doc of session.documents.all()) {
      const p = pathOf(doc.uri);
      if (p && session.dialectOf(doc) === dialect) this.openByPath.set(p, { uri: doc.uri, text: doc.getText() });
    }
  }

  openPaths(): string[] {
    return [...this.openByPath.keys()];
  }

  read = (path: string): string | undefined => {
    const open = this.openByPath.get(path);
    if (open) return open.text;
    return mayRead(path) ? readTextFile(path, MAX_FILE_BYTES) : undefined;
  };

  /** Directory entries for wildcard includes, under the same confinement as reading. */
  list = (dir: string): string[] | undefined => {
    if (!mayRead(dir)) return undefined;
    try {
      return readdirSync(dir);
    } catch {
      return undefined;
    }
  };

  /** The dialect's include world over this reader: parsing and include graphs, once per request. */
  readonly world: IncludeWorld;

  view(path: string): FileView | undefined {
    const f = this.world.file(path);
    return f && { uri: this.openByPath.get(path)?.uri ?? pathToFileURL(path).href, path, text: f.text, lines: f.lines, model: f.model };
  }

  /**
   * The files that share names with `path`: the files it includes, and the files of every include tree (rooted
   * at an open document) that contains it, e.g. named.conf when named.conf.options is being edited.
   */
  related(path: string): string[] {
    return this.world.treeOf(path, this.openPaths());
  }
}

/** For diagnostics: the linked files and include problems of an open document that is a file on disk. */
export function includeContextOf(session: Session, dialect: Dialect, uri: string): IncludeContext | undefined {
  const path = pathOf(uri);
  if (!path || !dialect.links) return undefined;
  const files = new Files(session, dialect);
  return files.world.contextOf(path, files.openPaths());
}

interface Target {
  dialect: Dialect;
  current: FileView;
  occurrence: NameOccurrence;
  /** Every file to search, the current one first (only the current one for unsaved or non-file documents). */
  files: FileView[];
}

async function target(session: Session, uri: string, position: { line: number; character: number }): Promise<Target | undefined> {
  const a = await session.analyzed(uri);
  if (!a) return undefined;
  const { analysis, dialect } = a;
  if (!dialect.nameAt || !dialect.occurrences) return undefined;
  const offset = analysis.lines.offsetAt(position);
  const occurrence = dialect.nameAt(analysis.parse.model, analysis.text, offset);
  if (!occurrence) return undefined;
  const path = pathOf(uri);
  const current: FileView = { uri, path, text: analysis.text, lines: analysis.lines, model: analysis.parse.model };
  const files: FileView[] = [current];
  if (path) {
    const reader = new Files(session, dialect);
    for (const p of reader.related(path)) {
      if (p === path) continue;
      const v = reader.view(p);
      if (v) files.push(v);
    }
  }
  return { dialect, current, occurrence, files };
}

function occurrencesIn(t: Target, v: FileView): NameOccurrence[] {
  return t.dialect.occurrences!(v.model, v.text, t.occurrence.kind, t.occurrence.name);
}

export async function definition(session: Session, params: DefinitionParams): Promise<Location[] | null> {
  const t = await target(session, params.textDocument.uri, params.position);
  if (!t) return null;
  const out: Location[] = [];
  for (const v of t.files) for (const o of occurrencesIn(t, v)) if (o.definition) out.push({ uri: v.uri, range: toRange(v.lines, o.span) });
  return out.length ? out : null;
}

export async function references(session: Session, params: ReferenceParams): Promise<Location[] | null> {
  const t = await target(session, params.textDocument.uri, params.position);
  if (!t) return null;
  const out: Location[] = [];
  for (const v of t.files) {
    for (const o of occurrencesIn(t, v)) {
      if (o.definition && !params.context?.includeDeclaration) continue;
      out.push({ uri: v.uri, range: toRange(v.lines, o.span) });
    }
  }
  return out;
}

export async function prepareRename(session: Session, params: PrepareRenameParams): Promise<{ range: Range; placeholder: string } | null> {
  const a = await session.analyzed(params.textDocument.uri);
  if (!a || !a.dialect.nameAt || !a.dialect.renameEdit) return null;
  const o = a.dialect.nameAt(a.analysis.parse.model, a.analysis.text, a.analysis.lines.offsetAt(params.position));
  if (!o) return null;
  return { range: toRange(a.analysis.lines, o.span), placeholder: o.name };
}

export async function rename(session: Session, params: RenameParams): Promise<WorkspaceEdit | null> {
  const t = await target(session, params.textDocument.uri, params.position);
  if (!t || !t.dialect.renameEdit) return null;
  const changes: Record<string, TextEdit[]> = {};
  for (const v of t.files) {
    const edits: TextEdit[] = [];
    for (const o of occurrencesIn(t, v)) {
      const e = t.dialect.renameEdit(v.text, o, params.newName);
      if (typeof e === 'string') throw new ResponseError(ErrorCodes.InvalidRequest, e);
      edits.push({ range: toRange(v.lines, e), newText: e.newText });
    }
    if (edits.length) changes[v.uri] = edits;
  }
  return { changes };
}

/**
 * Where a link points: an absolute one where the include world reads it (in a copy of the server's files that holds
 * the document, else as written); an include beside the file; a zone file under `directory` when set.
 */
export function linkCandidates(docPath: string | undefined, link: PathLink, serverFolder?: string): string[] {
  if (isAbsolute(link.target)) return docPath ? absoluteCandidates(docPath, link.target, serverFolder) : [link.target];
  if (!docPath) return [];
  const here = dirname(docPath);
  // An absolute base directory (ServerRoot "/etc/httpd") in a copy of the server's files is the copy's, as the include
  // world reads it.
  const map = link.directory && isAbsolute(link.directory) ? copyMapFor(docPath, join(link.directory, 'x'), serverFolder) : undefined;
  const dir = map && link.directory ? pathInCopy(link.directory, map) : link.directory;
  const underDir = dir ? (isAbsolute(dir) ? join(dir, link.target) : resolvePath(here, dir, link.target)) : undefined;
  const beside = resolvePath(here, link.target);
  if (link.kind === 'file') return underDir ? [underDir, beside] : [beside];
  return underDir ? [beside, underDir] : [beside];
}

export async function documentLinks(session: Session, params: DocumentLinkParams): Promise<DocumentLink[] | null> {
  const a = await session.analyzed(params.textDocument.uri);
  if (!a) return null;
  const { analysis, dialect } = a;
  if (!dialect.links) return null;
  const docPath = pathOf(params.textDocument.uri);
  const out: DocumentLink[] = [];
  for (const link of dialect.links(analysis.parse.model, analysis.text)) {
    if (link.glob) continue; // names no single file to open
    const candidates = linkCandidates(docPath, link, docPath && dialect.serverFolderOf?.(docPath));
    if (!candidates.length) continue;
    // Untrusted, paths outside the workspace are not even looked at: the link points where it says.
    // None there: an absolute target as written (the last candidate; the others are guesses at copies), else the first.
    const path = candidates.find((c) => (trusted || mayRead(c)) && existsSync(c)) ?? (isAbsolute(link.target) ? candidates[candidates.length - 1] : candidates[0]);
    out.push({ range: toRange(analysis.lines, link.span), target: pathToFileURL(path).href, tooltip: link.kind === 'include' ? `Open included file ${path}` : `Open zone file ${path}` });
  }
  return out;
}
