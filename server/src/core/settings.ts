// One settings model for the editor (`v6ready.*`) and the CLI (`.v6ready.json`): validation and defaults.
import { SEVERITIES, type Severity } from './types';

export type RuleSetting = Severity | 'off';
export type RunMode = 'onType' | 'onSave';

export interface Settings {
  /** Severity override per rule id; 'off' disables the rule. */
  rules: Record<string, RuleSetting>;
  run: RunMode;
  /** Target version per dialect name (e.g. { bind: '9.20' }); a dialect's default when absent. */
  targets: Record<string, string>;
  /**
   * Globs of files not to lint, relative to the folder of the `.v6ready.json` that gives them (for the editor's
   * `v6ready.ignore`: relative to the workspace folder). See `isIgnored` in globs.ts for the syntax.
   */
  ignore?: string[];
  /**
   * The editor shows at most this many problems per file, the most severe first (0: all). The editor's own, as
   * `run`: `v6ready check` always reports everything. Unset: DEFAULT_MAX_PROBLEMS.
   */
  maxNumberOfProblems?: number;
}

/** Enough for any real config; a generated file with ten thousand findings would otherwise send megabytes per keystroke. */
export const DEFAULT_MAX_PROBLEMS = 1000;

export const DEFAULT_SETTINGS: Settings = { rules: {}, run: 'onType', targets: {}, ignore: [] };

/** The project config file: found by walking up from each checked file (the nearest one wins, no cascading). */
export const CONFIG_FILE = '.v6ready.json';

/** The versions each dialect can target; the first is the default. Rules read the target from their context. */
export const TARGET_VERSIONS: Record<string, readonly string[]> = {
  bind: ['9.18', '9.20', '9.21'],
  sendmail: ['linux', 'freebsd'],
  sshd: ['9.2', '9.3', '9.4', '9.5', '9.6', '9.7', '9.8', '9.9', '10.0', '10.1', '10.2', '10.3'],
};

/**
 * JSON schema of the settings, shared by package.json `contributes.configuration` (with the `v6ready.`
 * prefix) and `.v6ready.json`. A test keeps the two equal.
 */
export const SETTINGS_SCHEMA = {
  run: {
    type: 'string',
    enum: ['onType', 'onSave'],
    default: 'onType',
    description: 'Lint while typing, or only when a file is opened or saved.',
  },
  rules: {
    type: 'object',
    default: {},
    additionalProperties: { type: 'string', enum: ['error', 'warning', 'info', 'hint', 'off'] },
    description: 'Severity per rule id, e.g. { "bind/listen-on-v6-port": "error" }; "off" disables a rule.',
  },
  targets: {
    type: 'object',
    default: {},
    properties: {
      bind: { type: 'string', enum: ['9.18', '9.20', '9.21'], default: '9.18', description: 'BIND version the configs are for (9.18: Debian 12; 9.21: the development branch).' },
      sendmail: { type: 'string', enum: ['linux', 'freebsd'], default: 'linux', description: 'Platform Sendmail runs on when the .mc has no OSTYPE that says: linux (an IPv6 wildcard socket also takes IPv4) or freebsd (IPv6 sockets are IPv6-only). Decides the DAEMON_OPTIONS fixes.' },
      sshd: { type: 'string', enum: ['9.2', '9.3', '9.4', '9.5', '9.6', '9.7', '9.8', '9.9', '10.0', '10.1', '10.2', '10.3'], default: '9.2', description: 'OpenSSH release the sshd_config files are for (9.2: Debian 12; 9.6: Ubuntu 24.04): keywords added after it are a "Bad configuration option" for that sshd.' },
    },
    additionalProperties: false,
    description: 'Target version per dialect, e.g. { "bind": "9.20" }: rules whose truth depends on the version use it.',
  },
  ignore: {
    type: 'array',
    default: [],
    items: { type: 'string' },
    description: 'Globs of files v6ready does not lint, relative to the workspace folder (in .v6ready.json: to the file\'s folder), e.g. ["vendor/**", "*.orig"].',
  },
  maxNumberOfProblems: {
    type: 'integer',
    default: DEFAULT_MAX_PROBLEMS,
    minimum: 0,
    description: 'The editor shows at most this many problems per file, errors first, then warnings, information and hints (0: no limit); past it, a note on line 1 says how many more `v6ready check` reports.',
  },
} as const;

/** Validate raw settings (parsed JSON or the editor's section); returns settings plus readable problems. */
export function parseSettings(raw: unknown, knownRules?: ReadonlySet<string>): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const settings: Settings = { rules: {}, run: DEFAULT_SETTINGS.run, targets: {}, ignore: [] };
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, problems: ['settings must be a JSON object'] };
  }
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) {
    if (!(key in SETTINGS_SCHEMA) && key !== '$schema' && key !== 'trace') problems.push(`unknown setting '${key}'`);
  }
  if (r.run !== undefined) {
    if (r.run === 'onType' || r.run === 'onSave') settings.run = r.run;
    else problems.push(`'run' must be "onType" or "onSave"`);
  }
  if (r.maxNumberOfProblems !== undefined) {
    const n = r.maxNumberOfProblems;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0) settings.maxNumberOfProblems = n;
    else problems.push(`'maxNumberOfProblems' must be a whole number >= 0 (0: no limit)`);
  }
  if (r.rules !== undefined) {
    if (typeof r.rules !== 'object' || r.rules === null || Array.isArray(r.rules)) {
      problems.push(`'rules' must be an object of rule id -> severity`);
    } else {
      for (const [id, value] of Object.entries(r.rules as Record<string, unknown>)) {
        if (knownRules && !knownRules.has(id)) problems.push(`unknown rule '${id}' in 'rules'`);
        if (value === 'off' || (SEVERITIES as readonly unknown[]).includes(value)) settings.rules[id] = value as RuleSetting;
        else problems.push(`rule '${id}': severity must be one of error, warning, info, hint, off`);
      }
    }
  }
  if (r.targets !== undefined) {
    if (typeof r.targets !== 'object' || r.targets === null || Array.isArray(r.targets)) {
      problems.push(`'targets' must be an object of dialect -> version`);
    } else {
      for (const [dialect, version] of Object.entries(r.targets as Record<string, unknown>)) {
        const known = TARGET_VERSIONS[dialect];
        if (!known) problems.push(`unknown dialect '${dialect}' in 'targets' (known: ${Object.keys(TARGET_VERSIONS).join(', ')})`);
        else if (typeof version !== 'string' || !known.includes(version)) problems.push(`targets.${dialect} must be one of ${known.join(', ')}`);
        else settings.targets[dialect] = version;
      }
    }
  }
  if (r.ignore !== undefined) {
    if (!Array.isArray(r.ignore)) problems.push(`'ignore' must be an array of globs`);
    else {
      for (const g of r.ignore) {
        if (typeof g === 'string' && g.trim() !== '') settings.ignore!.push(g.trim());
        else problems.push(`'ignore' entries must be non-empty strings (got ${JSON.stringify(g)})`);
      }
    }
  }
  return { settings, problems };
}

/**
 * The editor's settings with a project's `.v6ready.json` laid over them: the file wins rule by rule and target by
 * target, so the editor reports what the CLI (which reads only the file) reports in CI; what the file leaves unset
 * comes from the editor. `run` is the editor's own; `maxNumberOfProblems` from the file when it sets one. Ignore globs are kept apart (each list has its own base folder).
 */
export function overlaySettings(editor: Settings, project: Settings): Settings {
  return {
    rules: { ...editor.rules, ...project.rules },
    targets: { ...editor.targets, ...project.targets },
    run: editor.run,
    ignore: editor.ignore ?? [],
    maxNumberOfProblems: project.maxNumberOfProblems ?? editor.maxNumberOfProblems,
  };
}

/**
 * The folders to look in for `.v6ready.json`, nearest first: `dir` and its parents, not above `stopAt` when given
 * (the workspace folder), else up to the root. Paths with `/` or `\\` separators; no file system access.
 */
export function configSearchDirs(dir: string, stopAt?: string): string[] {
  const norm = (p: string) => (p.length > 1 ? p.replace(/[\\/]+$/, '') : p);
  const out: string[] = [];
  let d = norm(dir);
  const stop = stopAt === undefined ? undefined : norm(stopAt);
  if (stop !== undefined && d !== stop && !d.startsWith(stop + '/') && !d.startsWith(stop + '\\')) return [d];
  for (let i = 0; i < 256; i++) {
    out.push(d);
    if (d === stop) break;
    const cut = Math.max(d.lastIndexOf('/'), d.lastIndexOf('\\'));
    if (cut < 0) break;
    const parent = cut === 0 ? d.slice(0, 1) : /^[A-Za-z]:$/.test(d.slice(0, cut)) ? d.slice(0, cut + 1) : d.slice(0, cut);
    if (parent === d) break;
    d = parent;
  }
  return out;
}

/** The version a dialect's rules should assume under these settings. */
export function targetVersion(settings: Settings, dialect: string): string | undefined {
  return settings.targets[dialect] ?? TARGET_VERSIONS[dialect]?.[0];
}
