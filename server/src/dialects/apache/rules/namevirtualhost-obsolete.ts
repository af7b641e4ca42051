// apache/namevirtualhost-obsolete: NameVirtualHost does nothing in httpd 2.4 (AH00548).
import { defineRule } from '../../../core/rule';
import { removeLines } from '../listen';
import { findDirectives, unchecked, type ApacheModel } from '../model';

export default defineRule<ApacheModel>({
  id: 'apache/namevirtualhost-obsolete',
  scope: 'statement',
  severity: 'info',
  docs: {
    summary: '`NameVirtualHost`, which httpd 2.4 ignores.',
    why:
      'Since 2.3.11 every address:port that several <VirtualHost> sections share is name-based automatically. httpd logs ' +
      '"AH00548: NameVirtualHost has no effect and will be removed in the next release" on each start. Old configs often ' +
      'carry `NameVirtualHost 192.0.2.1:80` as if it decided which family is served; it does not.',
    bad: 'NameVirtualHost *:80\n<VirtualHost *:80>\n</VirtualHost>',
    good: '<VirtualHost *:80>\n</VirtualHost>',
    fix: 'Safe: removes the line; httpd behaves exactly the same without it.',
    references: ['https://httpd.apache.org/docs/2.4/upgrading.html#misc', 'https://httpd.apache.org/docs/2.4/mod/core.html#namevirtualhost'],
  },
  check(ctx) {
    for (const d of findDirectives(ctx.model, 'namevirtualhost')) {
      if (unchecked(d)) continue;
      ctx.report({
        span: d.nameSpan,
        message: 'NameVirtualHost has no effect in httpd 2.4 (AH00548): virtual hosts sharing an address are name-based anyway. Remove the line.',
        fixes: [{ title: 'Remove NameVirtualHost', safe: true, edits: [removeLines(ctx.text, ctx.lines, d)] }],
      });
    }
  },
});
