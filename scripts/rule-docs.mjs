// Writes docs/rules.md from the rule metadata in rules/: one section per rule with its level,
// description, remediation and the help text with its bad and good examples.
// `node scripts/rule-docs.mjs --check` fails when the file is out of date.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const rules = readdirSync(path.join(root, 'rules'))
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((file) => load(readFileSync(path.join(root, 'rules', file), 'utf8')));

const lines = [
  '# Rules',
  '',
  'Generated from `rules/*.yaml` by `npm run docs`; edit those files, not this one.',
  '',
  '| id | name | level | what it finds |',
  '| --- | --- | --- | --- |',
  ...rules.map((rule) => `| [${rule.id}](#${rule.id.toLowerCase()}) | ${rule.name} | ${rule.level} | ${rule.shortDescription} |`),
  '',
];
for (const rule of rules) {
  lines.push(
    `## ${rule.id}`,
    '',
    `**${rule.name}** · level \`${rule.level}\` · precision ${rule.precision} · applies to ${(rule.kinds ?? [rule.category]).join(', ')}${rule.cwe ? ` · ${rule.cwe}` : ''}`,
    '',
    rule.fullDescription.trim(),
    '',
    ...(rule.precisionBasis ? [`**Precision (${rule.precision}):** ${rule.precisionBasis.trim()}`, ''] : []),
    `**Remediation:** ${rule.remediation.trim()}`,
    '',
    rule.help.trim().replace(/^### /gm, '#### '),
    '',
  );
}
const text = `${lines.join('\n').trimEnd()}\n`;
const target = path.join(root, 'docs', 'rules.md');
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is out of date too.
  }
  if (current !== text) {
    console.error('docs/rules.md is out of date: run `npm run docs`');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
}
