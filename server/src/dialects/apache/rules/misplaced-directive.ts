// apache/misplaced-directive: a directive in a context httpd refuses it in (Listen in <VirtualHost>, ...), by its
// command table's contexts or by its handler's own check (Alias, ProxyPass in <Directory>: catalogue.ts handlerRefusal).
import { defineRule } from '../../../core/rule';
import { contextList, handlerNote, handlerRefusal, type EnclosingSection } from '../catalogue';
import { catalogueSkip, type ApacheModel, type Directive } from '../model';

const NEED = { server: 's', vhost: 'v', directory: 'd' } as const;

/** The sections around a directive, innermost first. */
function enclosing(d: Directive): EnclosingSection[] {
  const out: EnclosingSection[] = [];
  for (let p = d.parent; p; p = p.parent) out.push({ lname: p.lname, name: p.name });
  return out;
}

export default defineRule<ApacheModel>({
  id: 'apache/misplaced-directive',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'A directive inside a section where httpd does not accept it: `Listen` in `<VirtualHost>`, `ServerName` in `<Directory>`, `Alias` or `ProxyPass` in `<Directory>`, `<VirtualHost>` nested in another.',
    why:
      'Each directive is valid only in some contexts (server config, virtual host, directory, .htaccess). Elsewhere httpd ' +
      'refuses to start: "Listen cannot occur within <VirtualHost> section", "ServerName not allowed in <Directory> context". ' +
      'Some directives that the manual lists for "directory" accept only some sections: `Alias /path` and `ProxyPass url` ' +
      'belong in `<Location>` ("ProxyPass cannot occur within <Directory> section"), `Alias /url /path` in no section at all ' +
      '("Alias cannot occur within directory context"), `<Files>` not in `<Location>`.',
    bad: '<VirtualHost *:80>\n    Listen [::1]:8080\n</VirtualHost>',
    good: 'Listen [::1]:8080\n<VirtualHost *:80>\n</VirtualHost>',
    fix: 'No automatic fix: where the directive belongs depends on what you meant.',
    references: ['https://httpd.apache.org/docs/2.4/mod/directive-dict.html#Context', 'https://httpd.apache.org/docs/2.4/sections.html'],
  },
  check(ctx) {
    const all = ctx.model.all;
    for (let k = 0; k < all.length; k++) {
      const d = all[k];
      if (catalogueSkip(d) || d.context === 'any' || d.context === 'macro' || d.context === 'unknown') continue;
      const fact = d.fact;
      if (!fact || fact.trunk || !fact.contexts) continue;
      if (fact.contexts.includes(NEED[d.context])) {
        if (!fact.handler) continue;
        const encl = enclosing(d);
        const refusal = handlerRefusal(fact, d.args.length, encl, d.context === 'server' || d.context === 'vhost');
        if (refusal === undefined) continue;
        const shown = d.section ? `<${d.name}>` : d.name;
        const around = encl.find((e) => e.lname !== 'ifmodule' && e.lname !== 'ifdefine' && e.lname !== 'ifversion');
        ctx.report({
          span: d.nameSpan,
          message: `httpd refuses ${shown} ${around ? `in <${around.name}>` : 'outside a section'} ("${refusal}") and does not start. Where httpd takes ${shown} inside sections: ${handlerNote(fact)}.`,
        });
        continue;
      }
      const shown = d.section ? `<${d.name}>` : d.name;
      const where = d.scope ? `<${d.scope.name}>` : 'the main server configuration';
      const httpd =
        d.context === 'vhost' && fact.contexts.includes('s')
          ? `${shown} cannot occur within <VirtualHost> section`
          : d.scope
            ? `${shown} not allowed in <${d.scope.name}> context`
            : `${shown} not allowed here`;
      ctx.report({
        span: d.nameSpan,
        message: `httpd refuses ${shown} in ${where} ("${httpd}") and does not start. It is valid in: ${contextList(fact.contexts)}.`,
      });
    }
  },
});
