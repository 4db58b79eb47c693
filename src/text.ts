/** How many times `text` occurs in `haystack` before `index`: tells equal texts apart. */
export function occurrencesBefore(haystack: string, text: string, index: number): number {
  let count = 0;
  for (let at = haystack.indexOf(text); at >= 0 && at < index; at = haystack.indexOf(text, at + 1)) count++;
  return count;
}

/**
 * Templates split at their placeholders: the text before the first, then for each placeholder
 * three parts: as written, its name, and the text up to the next. Templates are the rules'
 * messages, a few hundred; past that many, no more are kept.
 */
const splitTemplates = new Map<string, string[]>();
const maxSplitTemplates = 1024;
const placeholder = /\{\{\s*(\w+)\s*\}\}/g;

/** Fills `{{name}}` placeholders from `data`; an unknown name is left as written. */
export function interpolate(template: string, data: Readonly<Record<string, string>>): string {
  let parts = splitTemplates.get(template);
  if (parts === undefined) {
    parts = [];
    let last = 0;
    for (const match of template.matchAll(placeholder)) {
      parts.push(template.slice(last, match.index), match[0], match[1]!);
      last = match.index + match[0].length;
    }
    parts.push(template.slice(last));
    if (splitTemplates.size < maxSplitTemplates) splitTemplates.set(template, parts);
  }
  let text = parts[0]!;
  for (let index = 1; index < parts.length; index += 3) {
    const key = parts[index + 1]!;
    text += (Object.hasOwn(data, key) ? data[key] : parts[index]) + parts[index + 2]!;
  }
  return text;
}

/** A text as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
