// The README's table of rules, generated from the rule registry.

import { rules } from '../core';

export function rulesMarkdown(): string {
  const rows = rules.map((r) => `| \`${r.id}\` | ${r.severity} | ${r.doc.replace(/\|/g, '\\|')} |`);
  return ['| rule | severity | when |', '| --- | --- | --- |', ...rows].join('\n');
}
