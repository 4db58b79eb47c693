import type { PathSegment } from '../../model/resource.js';

/**
 * The path a Helm `--set` name stands for (`serviceAccount.annotations.eks\.amazonaws\.com/role-arn`,
 * `env[0].name`): dots separate keys unless escaped with a backslash, `[n]` indexes a list, as
 * Helm's `--set` parser reads it. A string when the name is not valid `--set` syntax, saying why.
 */
export function parseSetName(name: string): PathSegment[] | string {
  if (name === '') return 'an empty name';
  const path: PathSegment[] = [];
  let at = 0;
  while (at < name.length) {
    let key = '';
    while (at < name.length && name[at] !== '.' && name[at] !== '[') {
      if (name[at] === '\\') {
        if (at + 1 >= name.length) return `\`${name}\` ends with a lone backslash`;
        key += name[at + 1];
        at += 2;
      } else key += name[at++];
    }
    if (key === '') return `\`${name}\` has an empty key at character ${at + 1}`;
    path.push(key);
    while (name[at] === '[') {
      const close = name.indexOf(']', at);
      const index = close < 0 ? '' : name.slice(at + 1, close);
      if (!/^\d+$/.test(index)) return `\`${name}\` has a list index that is not a number at character ${at + 1}`;
      path.push(Number(index));
      at = close + 1;
    }
    if (at < name.length) {
      if (name[at] !== '.') return `\`${name}\` has text right after a list index at character ${at + 1}`;
      if (++at === name.length) return `\`${name}\` ends with an empty key`;
    }
  }
  return path;
}
