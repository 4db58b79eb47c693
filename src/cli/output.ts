import { fstatSync, writeSync } from 'node:fs';

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

/**
 * Whether stdout is a regular file (a report redirected to one), looked at once: it is then
 * written to directly, as Node.js's stream for it would write, without the streams modules that
 * making that stream loads (about 2 ms of a start).
 */
let stdoutIsFile: boolean | undefined;

/** Writes to stdout, which carries the report and nothing else. */
export function writeOut(text: string): void {
  if ((stdoutIsFile ??= isRegularFile(1))) writeWhole(1, text);
  else guard(process.stdout).write(text);
}

function isRegularFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    // Closed, say: the stream says so as it is written to.
    return false;
  }
}

/** Writes all of a text to a file descriptor, a part at a time if a write takes only part of it. */
function writeWhole(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
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
