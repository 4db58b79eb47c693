/** How many times `text` occurs in `haystack` before `index`: tells equal texts apart. */
export function occurrencesBefore(haystack: string, text: string, index: number): number {
  let count = 0;
  for (let at = haystack.indexOf(text); at >= 0 && at < index; at = haystack.indexOf(text, at + 1)) count++;
  return count;
}

/** Fills `{{name}}` placeholders from `data`; an unknown name is left as written. */
export function interpolate(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (Object.hasOwn(data, key) ? (data[key] as string) : whole));
}

/** A text as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
