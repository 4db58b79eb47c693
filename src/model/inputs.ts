/** What became of inputs that were not scanned: the sources report these, the report lists them. */

/** An input that was not scanned, and why. */
export interface SkippedInput {
  path: string;
  reason: string;
}

/** An input that could not be read or parsed. */
export interface InputError {
  path: string;
  message: string;
  line?: number;
  column?: number;
}
