// dist/cli.js: runs the CLI bundle (dist/cli-bundle.js, read as text) with a V8 code cache, so a run does not
// spend ~65 ms compiling 1 MB of JavaScript before it reads its first file. Node 20 has no
// module.enableCompileCache, so this does by hand what Node 22 does: compile with vm.Script `cachedData`, and after
// the first run store the code V8 produced in the user's cache directory. Any problem (unwritable or missing cache
// dir, stale or foreign cache, V6READY_NO_CODE_CACHE=1) falls back to a plain compile; the cache never changes what
// the CLI does. Before any of that, `check` may be answered from the result cache (result-cache.ts): this file is
// kept small (the bundle is not in it) because on that path Node's compile of this file is most of the cost.
// The production dist/extension.js is the same loader around the VS Code client bundle, embedded in it as a string
// (__V6READY_ENTRY__ 'extension'): VS Code requires it, and the bundle's exports (activate, deactivate) become
// this module's.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { exitQuietlyOnBrokenPipe } from './broken-pipe';
import { usedCodePaths } from './code-paths';
import { cacheable, entryFile, prune, readHeadedFile, record, replay } from './result-cache';

/** The bundle's source embedded by esbuild.mjs in front of this code (the extension), or undefined (the CLI). */
declare const __V6READY_SOURCE__: string | undefined;
/** The bundle's file beside this one when it is not embedded (the CLI: 'cli-bundle.js'). */
declare const __V6READY_SOURCE_FILE__: string | undefined;
/** A hash of that source (hex), computed by esbuild.mjs: hashing 1 MB and loading node:crypto at every start cost ~10 ms. */
declare const __V6READY_SOURCE_HASH__: string;
/**
 * Whether that source is all ASCII (esbuild escapes other characters). Then the loader reads it as latin1, which
 * gives the same string without decoding UTF-8, and Node makes a string this large external instead of copying it.
 */
declare const __V6READY_SOURCE_ASCII__: boolean;
/** 'cli' (dist/cli.js, run as the main program) or 'extension' (dist/extension.js, a module VS Code requires). */
declare const __V6READY_ENTRY__: 'cli' | 'extension';

/** The cache folder: V6READY_CACHE_DIR, else v6ready in the user's (XDG_CACHE_HOME, ~/.cache; LOCALAPPDATA on Windows). */
function cacheHome(): string {
  if (process.env.V6READY_CACHE_DIR) return process.env.V6READY_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || (process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined) || join(homedir(), '.cache');
  return join(base, 'v6ready');
}

/**
 * Code caches of one entry kept. Every build writes one of its own (~1.2 MB): without a bound, each upgrade would
 * leave the last one behind for good; a few builds used side by side (projects pinning other versions) keep theirs.
 */
const CODE_CACHES_KEPT = 4;

/**
 * A code cache file is this line with the code paths the cache covers (code-paths.ts), space-separated, then V8's
 * data. Anything else in the file (a cache of an older loader, a damaged one) is no cache.
 */
const CODE_CACHE_HEADER = 'v6ready-code-cache 1 ';

function readCodeCache(file: string): { data: Buffer; covers: Set<string> } | undefined {
  const read = readHeadedFile(file, 4096);
  if (!read) return undefined;
  const { bytes, nl } = read;
  if (bytes.toString('latin1', 0, CODE_CACHE_HEADER.length) !== CODE_CACHE_HEADER) return undefined;
  const covers = bytes.toString('latin1', CODE_CACHE_HEADER.length, nl);
  return { data: bytes.subarray(nl + 1), covers: new Set(covers ? covers.split(' ') : []) };
}

/** 32-bit FNV-1a of a path, in hex: names the cache of a bundle by where it is (node:crypto costs ~9 ms to load). */
function placeHash(path: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function run(): void {
  const home = cacheHome();
  // `check` on unchanged files answers from the result cache without compiling the CLI at all (result-cache.ts).
  const argv = process.argv.slice(2);
  // The language server has its own handling of errors (and its stdout is the client's, not a reader's).
  if (__V6READY_ENTRY__ === 'cli' && argv[0] !== 'lsp') exitQuietlyOnBrokenPipe();
  if (__V6READY_ENTRY__ === 'cli' && cacheable(argv, process.env)) {
    const file = entryFile(home, __V6READY_SOURCE_HASH__, argv);
    const code = replay(file);
    if (code !== undefined) {
      process.exitCode = code;
      return;
    }
    record(file);
  }
  // A check keeps nearly all it allocates (tree, model, findings) until it exits, so the young generation's copying
  // of survivors is wasted work: let it grow to its limit in big steps rather than doubling (the factor is read each
  // time it grows; the flags that size the heap cannot be set once Node runs). Before the compile: V8 keys its code
  // cache by the flags too, so every run of this entry sets the same.
  if (__V6READY_ENTRY__ === 'cli') setFlagsFromString('--semi-space-growth-factor=8');
  const filename = __V6READY_SOURCE_FILE__ ? join(__dirname, __V6READY_SOURCE_FILE__) : __filename;
  const source = __V6READY_SOURCE__ ?? readFileSync(filename, __V6READY_SOURCE_ASCII__ ? 'latin1' : 'utf8');
  const dir = process.env.V6READY_NO_CODE_CACHE ? undefined : home;
  // One cache file per bundle content, V8 version and place: a rebuilt bundle or another Node gets its own entry
  // (V8 also rejects data that does not match the source or its flags; then we recompile and rewrite). V8 keeps the
  // script's file name in the data, and a stack trace names the file it was compiled from: the same version
  // installed in two places (globally and in a project) would report an internal error with the other one's path.
  const key = dir && `${__V6READY_SOURCE_HASH__.slice(0, 16)}-${placeHash(filename)}-${process.versions.v8.replace(/[^0-9A-Za-z.-]/g, '_')}`;
  const entry = __V6READY_ENTRY__;
  const cacheFile = dir && key ? join(dir, `${entry}-${key}.v8cache`) : undefined;
  const cache = cacheFile ? readCodeCache(cacheFile) : undefined;
  // The same wrapper Node puts around a CommonJS module.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename, cachedData: cache?.data });
  const accepted = cache !== undefined && script.cachedDataRejected !== true;
  if (cacheFile) {
    // Written at exit, so the functions this run compiled lazily are in the cache too: when there was none (or V8
    // refused it), and when this run used a part of the CLI the cache does not cover yet (code-paths.ts; the new
    // cache has the functions the old one brought and this run's). The extension host lives as long as the
    // window: its cache is also written a while after activation, whichever comes first.
    const covered = accepted ? cache.covers : new Set<string>();
    let written = false;
    const write = () => {
      const used = usedCodePaths();
      if (written || (accepted && used.every((p) => covered.has(p)))) return;
      written = true;
      try {
        mkdirSync(dir!, { recursive: true });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        const covers = [...new Set([...covered, ...used])].sort().join(' ');
        writeFileSync(tmp, Buffer.concat([Buffer.from(`${CODE_CACHE_HEADER}${covers}\n`, 'latin1'), script.createCachedData()]));
        renameSync(tmp, cacheFile);
        prune(dir!, CODE_CACHES_KEPT, (n) => n.startsWith(`${entry}-`) && n.endsWith('.v8cache'));
      } catch {
        // No cache this time; the next run compiles again.
      }
    };
    process.once('exit', write);
    if (entry === 'extension' && !accepted) setTimeout(write, 10_000).unref();
  }
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  if (entry === 'extension') {
    // This module's own exports, require and module: VS Code's `vscode` module resolves as for any extension.
    fn.call(module.exports, module.exports, require, module, filename, __dirname);
    return;
  }
  const mod = { exports: {} as unknown, filename, id: '.', loaded: false };
  fn.call(mod.exports, mod.exports, createRequire(filename), mod, filename, __dirname);
}

run();
