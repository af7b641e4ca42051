// Editor settings (section `v6ready`), pulled per document with workspace/configuration when the client can,
// else taken from didChangeConfiguration pushes; parsed by the core so the CLI and the editor agree.
import type { Connection } from 'vscode-languageserver/node';
import { allRules } from '../core/registry';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../core/settings';

export const SECTION = 'v6ready';

export class SettingsStore {
  /** Whether the client answers workspace/configuration (decided at initialize). */
  pull = false;
  /** One promise per document; the same Settings object until invalidated, so analyses can be cached by identity. */
  private perDocument = new Map<string, Promise<Settings>>();
  private pushed: Settings = DEFAULT_SETTINGS;
  private lastProblems = '';

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.pushed);
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
      this.pushed = this.parse(section);
    }
  }

  private async fetch(uri: string): Promise<Settings> {
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION });
      return this.parse(raw);
    } catch (err) {
      this.connection.console.error(`v6ready: could not read settings (${(err as Error).message}); using defaults`);
      return DEFAULT_SETTINGS;
    }
  }

  private parse(raw: unknown): Settings {
    const { settings, problems } = parseSettings(raw, new Set(allRules().map((r) => r.id)));
    const key = problems.join('\n');
    if (key && key !== this.lastProblems) this.connection.console.warn(`v6ready settings: ${problems.join('; ')}`);
    this.lastProblems = key;
    return settings;
  }
}
