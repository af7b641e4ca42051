// apache/unknown-directive: a directive httpd 2.4 does not define, or one whose module the file never loads.
import { defineRule } from '../../../core/rule';
import { closestMatches } from '../../../core/suggest';
import type { Fix } from '../../../core/types';
import { knownNames, lookupModule } from '../catalogue';
import { catalogueSkip, findDirectives, underThirdPartyModule, type ApacheModel, type Directive } from '../model';

/** Template placeholders (`@@LoadModule@@`, `@SERVERROOT@`) and names built from variables are not directives yet. */
const PLACEHOLDER = /@[A-Za-z_][\w]*@|\$\{|^_{2,}[A-Z_]+_{2,}/;

/** Modules a stock httpd build has compiled in, which no LoadModule line names. */
const BUILT_IN = new Set(['core', 'mpm_common', 'mod_so', 'mod_watchdog', 'mod_log_config', 'mod_logio', 'mod_version', 'mod_unixd', 'http_core', 'mod_http']);

/** Modules loaded by the file's LoadModule lines, or undefined when some may come from elsewhere (Include, none listed). */
function loadedModules(model: ApacheModel): Set<string> | undefined {
  const loads = findDirectives(model, 'loadmodule');
  if (loads.length === 0 || findDirectives(model, 'include', 'includeoptional').length > 0) return undefined;
  if (loads.some((d) => d.ifModules.length > 0 || d.context !== 'server')) return undefined;
  const out = new Set<string>();
  for (const d of loads) {
    const m = d.args[0] && lookupModule(d.args[0].value);
    if (m) out.add(m.name);
    else if (d.args[0]) out.add(d.args[0].value);
  }
  return out;
}

function renameFix(text: string, d: Directive, to: string): Fix {
  const bare = to.replace(/[<>]/g, '');
  const edits = [{ start: d.nameSpan.start + (d.section ? 1 : 0), end: d.nameSpan.end, newText: bare }];
  // The closing tag is renamed too, but only where it spells the same name (httpd pairs them loosely, and a
  // mangled opening tag can be closed by `</Location` at the end of the file).
  const closeName = d.close ? text.slice(d.close.start + 2, d.close.start + 2 + d.name.length) : '';
  if (d.section && d.close && closeName.toLowerCase() === d.name.toLowerCase()) edits.push({ start: d.close.start + 2, end: d.close.start + 2 + d.name.length, newText: bare });
  return { title: `Change to '${bare}'`, safe: false, edits };
}

/** The name as httpd's "Invalid command" message shows it (a section with its `<`). */
function shownName(d: Directive): string {
  return d.section ? `<${d.name}` : d.name;
}

export default defineRule<ApacheModel>({
  id: 'apache/unknown-directive',
  // Each directive alone, against the file's LoadModule list: a local <VirtualHost> holds no LoadModule or Include (segments.ts).
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'A directive httpd 2.4 does not know, a typo, or a directive whose module this configuration never loads.',
    why:
      'httpd refuses the whole configuration at the first one: "Invalid command \'ListenV6\', perhaps misspelled or defined by a ' +
      'module not included in the server configuration", and `apache2 -t` exits 1. The same happens to `Allow from` when ' +
      'mod_access_compat is not loaded. Directives inside `<IfModule>` of a module httpd does not ship are left alone.',
    bad: 'Listen 80\nListenV6 [::1]:80',
    good: 'Listen 80\nListen [::1]:80',
    fix: 'Not safe: offers the closest directive names ("did you mean"); the right one is yours to pick.',
    references: ['https://httpd.apache.org/docs/2.4/mod/directives.html', 'research/real-daemons.md §2b'],
  },
  check(ctx) {
    const loaded = loadedModules(ctx.model);
    let names: string[] | undefined;
    const all = ctx.model.all;
    for (let k = 0; k < all.length; k++) {
      const d = all[k];
      const fact = d.fact;
      if (fact) {
        // Directives of httpd's development branch: apache/trunk-only-directive.
        if (fact.trunk) continue;
        // Known, but is its module loaded? Only decidable for a self-contained config that lists its modules.
        if (!loaded || BUILT_IN.has(fact.module) || fact.module.startsWith('mpm_') || loaded.has(fact.module) || catalogueSkip(d)) continue;
        const m = lookupModule(fact.module);
        if (!m || m.status === 'Core' || m.status === 'MPM') continue;
        if (d.ifModules.some((x) => lookupModule(x)?.name === fact.module)) continue;
        ctx.report({
          span: d.nameSpan,
          message:
            `Invalid command '${shownName(d)}', perhaps misspelled or defined by a module not included in the server configuration: ` +
            `${fact.name} belongs to ${fact.module}, which this file does not load (LoadModule ${m.identifier} ...).`,
        });
        continue;
      }
      // (A name the catalogue knows holds no placeholder: its names are letters only.)
      if (catalogueSkip(d) || PLACEHOLDER.test(d.name) || d.name === '' || underThirdPartyModule(d)) continue;
      names ??= knownNames();
      const pool = names.filter((n) => n.startsWith('<') === d.section);
      const suggestions = closestMatches(d.section ? `<${d.name}>` : d.name, pool);
      const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `'${s}'`).join(' or ')}?` : '';
      ctx.report({
        span: d.nameSpan,
        message: `Invalid command '${shownName(d)}', perhaps misspelled or defined by a module not included in the server configuration.${hint}`,
        fixes: suggestions.map((s) => renameFix(ctx.text, d, s)),
      });
    }
  },
});
