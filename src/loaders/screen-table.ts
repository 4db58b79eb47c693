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
}

/** Files posted to a screening thread: their index in the table, path relative to the root, and absolute path. */
export type ScreenBatch = Array<[index: number, path: string, absolutePath: string]>;
