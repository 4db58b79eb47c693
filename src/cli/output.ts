/**
 * The command line's stdout and stderr, each made as a stream only when first written to: making
 * stderr's stream when it is a pipe loads Node.js's network modules, about 2 ms of every start,
 * and most runs write nothing there. A reader that stops early (`sts-audit rules | head -1`)
 * closes the pipe: what is left to write is dropped without a word, and the run ends with its own
 * exit code.
 */

const guarded = new Set<NodeJS.WriteStream>();

function guard(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  return stream;
}

/** Writes to stdout, which carries the report and nothing else. */
export function writeOut(text: string): void {
  guard(process.stdout).write(text);
}

/** Writes to stderr: the summary, warnings and errors. */
export function writeErr(text: string): void {
  guard(process.stderr).write(text);
}

/**
 * Whether everything written has reached the operating system: always on Linux, where writes to
 * files, pipes and terminals are synchronous; a pipe on macOS may still hold some.
 */
export function outputWritten(): boolean {
  for (const stream of guarded) if (stream.writableLength > 0) return false;
  return true;
}
