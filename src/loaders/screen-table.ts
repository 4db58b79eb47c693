// The table of files that the threads screening source and config files share with the main
// thread ({@link ScreenAhead}), and what a screening thread is given.

/**
 * A file's state in the table: not taken yet, being screened, passed over (nothing to decode), or
 * to be read by the main thread (anything else: a hit, a file to skip, an error).
 */
export const fileState = { free: 0, taken: 1, passedOver: 2, toRead: 3 } as const;

/** What a screening thread is given as it starts (`workerData`). */
export interface ScreenWorkerData {
  /** The shared table of {@link fileState}s, one byte a file. */
  states: SharedArrayBuffer;
  maxBytes: number;
  /** A read that gives fewer bytes than asked ends a file (`readSize`). */
  shortReadEnds: boolean;
}

/**
 * Files posted to a screening thread, which follow each other in the table from `first`: their
 * paths relative to the root, and the paths to open them by, each list joined by NUL (which no
 * path holds). Two strings copy far faster than a list of lists of them.
 */
export interface ScreenBatch {
  first: number;
  paths: string;
  openPaths: string;
}

/** Joins paths for a {@link ScreenBatch}. */
export const joinPaths = (paths: readonly string[]): string => paths.join('\0');

/** Splits a {@link ScreenBatch}'s paths. */
export const splitPaths = (joined: string): string[] => joined.split('\0');
