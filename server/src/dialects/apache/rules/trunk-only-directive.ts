// apache/trunk-only-directive: a directive of httpd's development branch (trunk), which httpd 2.4 refuses.
import { defineRule } from '../../../core/rule';
import { catalogueSkip, underThirdPartyModule, type ApacheModel } from '../model';

export default defineRule<ApacheModel>({
  id: 'apache/trunk-only-directive',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'A directive that exists only in httpd\'s development branch (trunk, the future 2.6), such as `Warning` or `PolicyType`.',
    why:
      'httpd 2.4 does not define it and refuses the configuration with "Invalid command". Configurations written for ' +
      'trunk (its own test suite, its sample files) use these; a 2.4 server does not start with them.',
    bad: '<IfModule !mod_ssl.c>\n    Warning mod_ssl is not loaded\n</IfModule>',
    good: '<IfModule !mod_ssl.c>\n    Error mod_ssl is not loaded\n</IfModule>',
    fix: 'No automatic fix: remove it, or guard it with `<IfVersion >= 2.5>` (mod_version).',
    references: ['https://httpd.apache.org/docs/trunk/mod/directives.html', 'https://httpd.apache.org/docs/2.4/mod/mod_version.html'],
  },
  check(ctx) {
    const all = ctx.model.all;
    for (let k = 0; k < all.length; k++) {
      const d = all[k];
      const fact = d.fact;
      if (!fact?.trunk || catalogueSkip(d) || underThirdPartyModule(d)) continue;
      ctx.report({
        span: d.nameSpan,
        message: `Invalid command '${d.section ? `<${d.name}` : d.name}' in httpd 2.4: ${fact.name} (${fact.module}) exists only in httpd's development branch (trunk).`,
      });
    }
  },
});
