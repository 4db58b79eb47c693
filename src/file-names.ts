import path from 'node:path';

/** `.`, `/`, `\` and `:`: after one of these, a dot may not begin an extension. */
const [dotCode, slashCode, backslashCode, colonCode] = [46, 47, 92, 58];

/**
 * `paths.extname(file).toLowerCase()`, most often without `extname`'s walk over the name: when
 * the last dot follows a character that is neither a dot nor a separator, and no separator follows
 * it, the extension is the text from that dot on, for POSIX and Windows paths alike.
 */
export function extensionOf(file: string, paths: Pick<typeof path, 'extname'> = path): string {
  const dot = file.lastIndexOf('.');
  if (dot > 0) {
    const before = file.charCodeAt(dot - 1);
    if (before !== dotCode && before !== slashCode && before !== backslashCode && before !== colonCode && file.indexOf('/', dot) < 0 && file.indexOf('\\', dot) < 0) {
      return file.slice(dot).toLowerCase();
    }
  }
  return paths.extname(file).toLowerCase();
}
