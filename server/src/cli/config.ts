// Finding and reading `.v6ready.json` for the CLI: the nearest one walking up from each checked file (or the one
// given with --config, for every file), cached per folder; its ignore globs are relative to its own folder.
import { dirname, relative, resolve } from 'node:path';
import { allRules } from '../core/registry';
import { CONFIG_FILE, configSearchDirs, DEFAULT_SETTINGS, parseSettings, type Settings } from '../core/settings';
import { isIgnored } from '../core/globs';
import { exists, readBytes, stat } from './disk';
import type { RunProblem } from './format';

export interface LoadedConfig {
  settings: Settings;
  /** The config file these settings come from; undefined for the defaults. */
  path?: string;
}

export class ConfigError extends Error {}

export class ConfigLoader {
  private readonly byDir = new Map<string, LoadedConfig>();
  private readonly byFile = new Map<string, LoadedConfig>();
  private readonly fixed?: LoadedConfig;
  /** Problems found in config files, each reported once ("<file>: <problem>", with the file as path). */
  readonly problems: RunProblem[] = [];

  /** With `explicit` (--config), that file applies to everything and nothing is searched. */
  constructor(explicit?: string) {
    if (explicit !== undefined) this.fixed = this.read(resolve(explicit));
  }

  /** The settings for a file (or, for stdin, for the current folder). */
  forFile(path: string | undefined): LoadedConfig {
    if (this.fixed) return this.fixed;
    const dir = path === undefined ? resolve('.') : dirname(resolve(path));
    return this.forDir(dir);
  }

  /** Whether the file is ignored by the `ignore` globs of the config that applies to it. */
  ignored(path: string): boolean {
    const c = this.forFile(path);
    if (!c.path || !c.settings.ignore?.length) return false;
    return isIgnored(relative(dirname(c.path), resolve(path)), c.settings.ignore);
  }

  private forDir(dir: string): LoadedConfig {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const walked: string[] = [];
    let found: LoadedConfig | undefined;
    for (const d of configSearchDirs(dir)) {
      const hit = this.byDir.get(d);
      if (hit) {
        found = hit;
        break;
      }
      walked.push(d);
      const candidate = resolve(d, CONFIG_FILE);
      if (isFile(candidate)) {
        found = this.read(candidate);
        break;
      }
    }
    found ??= { settings: DEFAULT_SETTINGS };
    for (const d of walked) this.byDir.set(d, found);
    return found;
  }

  private read(path: string): LoadedConfig {
    const hit = this.byFile.get(path);
    if (hit) return hit;
    let raw: unknown;
    try {
      // A byte order mark, as some Windows editors write, is no part of the JSON (JSON.parse refuses it).
      raw = JSON.parse(readBytes(path).toString('utf8').replace(/^\ufeff/, ''));
    } catch (err) {
      if (!exists(path)) throw new ConfigError(`cannot read config ${path}: no such file`);
      throw new ConfigError(`cannot read config ${path}: ${(err as Error).message}`);
    }
    const { settings, problems } = parseSettings(raw, new Set(allRules().map((r) => r.id)));
    const shown = relative('.', path) || path;
    for (const p of problems) this.problems.push({ message: `${shown}: ${p}`, path: shown });
    const loaded = { settings, path };
    this.byFile.set(path, loaded);
    return loaded;
  }
}

function isFile(p: string): boolean {
  try {
    return stat(p)?.isFile() === true;
  } catch {
    return false;
  }
}
