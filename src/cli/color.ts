/** What decides whether the text report is coloured. */
export interface ColorContext {
  /** False with `--no-color`. */
  flag: boolean;
  /** The report goes to a file (`--output`). */
  toFile: boolean;
  /** stdout is a terminal. */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Colour for a person at a terminal, never into a file. `--no-color` and a non-empty `NO_COLOR`
 * (no-color.org) turn it off; `FORCE_COLOR` is read as Node.js reads it (`getColorDepth` in
 * `lib/internal/tty.js`): empty, `1`, `2`, `3` or `true` turn colour on even into a pipe, any other
 * value (`0`, `false`) turns it off even on a terminal.
 */
export function wantsColor({ flag, toFile, isTTY, env }: ColorContext): boolean {
  if (!flag || toFile || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined) return ['', '1', '2', '3', 'true'].includes(env.FORCE_COLOR);
  return isTTY && env.TERM !== 'dumb';
}
