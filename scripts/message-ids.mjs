// Writes src/rules/message-ids.generated.ts from the rule metadata in rules/: each rule id with
// the keys of its `messages`, so that a check reporting an id its metadata lacks fails the type
// check. `npm run build` runs it before tsc; the file is not committed.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const rules = readdirSync(path.join(root, 'rules'))
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((file) => load(readFileSync(path.join(root, 'rules', file), 'utf8')));

const entries = rules.map((rule) => `  ${rule.id}: ${Object.keys(rule.messages).map((id) => `'${id}'`).join(' | ')};`);
const text = `// Generated from rules/*.yaml by scripts/message-ids.mjs (run by \`npm run build\`): do not edit.

/** The message ids of each rule: the keys of its \`messages\` in rules/ID.yaml. */
export interface MessageIds {
${entries.join('\n')}
}

/** The id of a rule that has metadata in rules/. */
export type RuleId = keyof MessageIds;
`;
writeFileSync(path.join(root, 'src', 'rules', 'message-ids.generated.ts'), text);
