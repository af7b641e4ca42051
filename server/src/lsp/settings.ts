// Editor settings (section `v6ready`), pulled per document with workspace/configuration when the client can,
// else taken from didChangeConfiguration pushes; parsed by the core so the CLI and the editor agree. The nearest
// `.v6ready.json` (walking up from the document, not above its workspace folder) is laid over them: the project
// file wins rule by rule and target by target, so the editor shows what `v6ready check` shows in CI.
import { dirname, join, relative, sep } from 'node:path';
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import { pathOf, readTextFile } from './files';
import { isIgnored } from '../core/globs';
import { allRules } from '../core/registry';
import { CONFIG_FILE, configSearchDirs, DEFAULT_SETTINGS, overlaySettings, parseSettings, type Settings } from '../core/settings';

export const SECTION = 'v6ready';

/** What the linter needs to know about a document beyond its settings. */
export interface DocumentSettings extends Settings {
  /** The document matches an ignore glob (the editor's `v6ready.ignore` or its `.v6ready.json`): no diagnostics. */
  ignored?: boolean;
  /** The `.v6ready.json` that applies, if any. */
  configFile?: string;
}

/** Reads a small text file, or undefined when it is missing or unreadable (injected so tests can confine it). */
export type ConfigReader = (path: string) => string | undefined;

const MAX_CONFIG_BYTES = 256 * 1024;

export const fsConfigReader: ConfigReader = (path) => readTextFile(path, MAX_CONFIG_BYTES);


export class SettingsStore {
  /** Whether the client answers workspace/configuration (decided at initialize). */
  pull = false;
  /** Workspace folders (paths): `.v6ready.json` is looked for only inside them. */
  folders: string[] = [];
  /** One promise per document; the same Settings object until invalidated, so analyses can be cached by identity. */
  private perDocument = new Map<string, Promise<DocumentSettings>>();
  private pushed: Settings = DEFAULT_SETTINGS;
  private lastProblems = '';
  /** Parsed project configs by path (undefined: looked, none there); dropped when a config file changes. */
  private projectConfigs = new Map<string, { settings: Settings } | null>();

  constructor(
    private readonly connection: Connection,
    private readonly read: ConfigReader = fsConfigReader,
  ) {}

  setFolders(params: InitializeParams | undefined): void {
    const uris = params?.workspaceFolders?.map((f) => f.uri) ?? (params?.rootUri ? [params.rootUri] : []);
    this.folders = uris.flatMap((u) => {
      const p = pathOf(u);
      return p ? [p] : [];
    });
  }

  get(uri: string): Promise<DocumentSettings> {
    let p = this.perDocument.get(uri);
    if (!p) {
      p = this.fetch(uri);
      this.perDocument.set(uri, p);
    }
    return p;
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }

  /** didChangeConfiguration: drop what was pulled; take what was pushed (clients without pull send it here). */
  changed(pushedSettings: unknown): void {
    this.perDocument.clear();
    if (!this.pull) {
      const section = pushedSettings && typeof pushedSettings === 'object' ? (pushedSettings as Record<string, unknown>)[SECTION] : undefined;
      this.pushed = this.parse(section, 'settings');
    }
  }

  /** A `.v6ready.json` was created, changed or deleted: read them again. */
  configFilesChanged(): void {
    this.projectConfigs.clear();
    this.perDocument.clear();
  }

  /**
   * Settings for a file without asking the client (the workspace index needs them synchronously, for files that
   * are not open): the editor settings last pulled for any document, with the file's `.v6ready.json` over them.
   */
  peek(uri: string): DocumentSettings {
    return this.withProject(uri, this.pull ? (this.lastPulled ?? DEFAULT_SETTINGS) : this.pushed);
  }

  private lastPulled?: Settings;

  private async fetch(uri: string): Promise<DocumentSettings> {
    let editor: Settings = this.pushed;
    if (this.pull) {
      try {
        const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION });
        editor = this.parse(raw, 'settings');
        this.lastPulled = editor;
      } catch (err) {
        this.connection.console.error(`v6ready: could not read settings (${(err as Error).message}); using defaults`);
        editor = DEFAULT_SETTINGS;
      }
    }
    return this.withProject(uri, editor);
  }

  /** Lay the document's `.v6ready.json` over the editor's settings and decide whether the document is ignored. */
  private withProject(uri: string, editor: Settings): DocumentSettings {
    const path = pathOf(uri);
    const folder = path ? this.folders.find((f) => path.startsWith(f.endsWith(sep) ? f : f + sep)) : undefined;
    if (!path || !folder) return editor;
    let ignored = !!editor.ignore?.length && isIgnored(relative(folder, path), editor.ignore);
    for (const dir of configSearchDirs(dirname(path), folder)) {
      const file = join(dir, CONFIG_FILE);
      const project = this.project(file);
      if (!project) continue;
      ignored ||= !!project.settings.ignore?.length && isIgnored(relative(dir, path), project.settings.ignore);
      return { ...overlaySettings(editor, project.settings), ignored, configFile: file };
    }
    return ignored ? { ...editor, ignored } : editor;
  }

  private project(file: string): { settings: Settings } | undefined {
    if (this.projectConfigs.has(file)) return this.projectConfigs.get(file) ?? undefined;
    const text = this.read(file);
    let found: { settings: Settings } | null = null;
    if (text !== undefined) {
      let raw: unknown;
      try {
        // A byte order mark (some Windows editors write one) is no part of the JSON: JSON.parse refuses it.
        raw = JSON.parse(text.replace(/^\ufeff/, ''));
      } catch (err) {
        this.connection.console.warn(`v6ready: ${file}: not valid JSON (${(err as Error).message}); ignoring it`);
        raw = undefined;
      }
      found = { settings: this.parse(raw, file) };
    }
    this.projectConfigs.set(file, found);
    return found ?? undefined;
  }

  private parse(raw: unknown, source: string): Settings {
    const { settings, problems } = parseSettings(raw, new Set(allRules().map((r) => r.id)));
    const key = `${source}\n${problems.join('\n')}`;
    if (problems.length && key !== this.lastProblems) this.connection.console.warn(`v6ready ${source}: ${problems.join('; ')}`);
    if (problems.length) this.lastProblems = key;
    return settings;
  }
}
