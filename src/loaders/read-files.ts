import { isUtf8 } from 'node:buffer';
import type { InputFile } from './discover-files.js';
import { fileKind, type CodeKind } from './file-kinds.js';
import { binarySample, bytesRead, holdsMarkerPastScreens, inspectRead, NotRegularFile, plainText, readSize } from './code-screen.js';
import { youngGenerationCheckpoint } from '../young-generation.js';
import type { Inputs } from '../model/source.js';

/** What reading a file leaves to record. */
type Outcomes = Pick<Inputs, 'skipped' | 'errors'>;

/**
 * A file read: its text, or none when it is a source or config file that holds nothing the code
 * rules look for (searched as bytes, never decoded). `screened`: whether the bytes searched hold
 * such a text. `plain`: whether its bytes were all line feeds and printable ASCII (a manifest's).
 */
export type FileText = { path: string; text: string; screened?: boolean; plain?: boolean } | { path: string; text?: undefined };

/**
 * Reads the files found. A file that is not a regular file, is larger than `maxBytes`, binary, or
 * not UTF-8 is recorded as skipped or as an error, and left out.
 * @param passedOver source or config files already screened ({@link ScreenAhead}) and found to
 *   hold nothing to decode: not read again.
 * @param shortReadEnds a read that gives fewer bytes than asked ends a file (`readSize`): below a
 *   root on a local file system (`shortReadsEndFilesBelow`).
 */
export function readFiles(files: readonly InputFile[], maxBytes: number, outcomes: Outcomes, passedOver?: (file: InputFile) => boolean, shortReadEnds = false): FileText[] {
  const read: FileText[] = [];
  // By index: a `for…of` loop makes garbage for each file until V8's last compiler takes it. A
  // file left unread is its own entry (a path and no text), not a new object for each of them.
  for (let index = 0; index < files.length; index++) {
    const file = files[index]!;
    const kind = file.kind ?? fileKind(file.path);
    if (kind.manifest) {
      youngGenerationCheckpoint();
      const text = readText(file, maxBytes, outcomes, shortReadEnds);
      if (text !== undefined) read.push({ path: file.path, ...text });
    } else if (passedOver?.(file)) {
      read.push(file);
    } else {
      const code = readCode(file, kind, maxBytes, outcomes, shortReadEnds);
      if (code === null) read.push(file);
      else if (code !== undefined) {
        // A file decoded, not one only screened (most source files, which leave next to nothing
        // behind), counts towards a look at the young generation.
        youngGenerationCheckpoint();
        read.push({ path: file.path, text: code.text, screened: code.screened });
      }
    }
  }
  return read;
}

/** Records why a file could not be read: skipped when it is not a regular file, else an error. */
function unreadable(file: InputFile, error: unknown, outcomes: Outcomes): undefined {
  if (error instanceof NotRegularFile) outcomes.skipped.push({ path: file.path, reason: 'not a regular file (a FIFO, socket or device)' });
  else outcomes.errors.push({ path: file.path, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
  return undefined;
}

/**
 * Reads a file as {@link readSize} does, and returns its size (its bytes are {@link bytesRead}'s
 * until the next read), or undefined once why it is not read is recorded: it cannot be read, or
 * it is larger than `maxBytes`.
 */
function readFile(file: InputFile, maxBytes: number, outcomes: Outcomes, shortReadEnds: boolean): number | undefined {
  let size: number;
  try {
    size = readSize(file.openPath, maxBytes, shortReadEnds);
  } catch (error) {
    return unreadable(file, error, outcomes);
  }
  if (size > maxBytes) {
    outcomes.skipped.push({ path: file.path, reason: `larger than the ${maxBytes}-byte limit (${size} bytes)` });
    return undefined;
  }
  return size;
}

/**
 * Reads a source or config file. Most hold no STS text and declare nothing: those are searched as
 * bytes (native and fast) and never decoded (null). `screened`: whether it holds an STS text (for a
 * dependency manifest, which is read whatever it holds, only whether the screens found one).
 */
function readCode(file: InputFile, kind: CodeKind, maxBytes: number, outcomes: Outcomes, shortReadEnds: boolean): { text: string; screened: boolean } | null | undefined {
  const size = readFile(file, maxBytes, outcomes, shortReadEnds);
  if (size === undefined) return undefined;
  // Searched where they were read: a Buffer is made of them only for a file decoded.
  const found = inspectRead(file.path, size, kind);
  if ('binary' in found) {
    outcomes.skipped.push({ path: file.path, reason: 'binary file' });
    return undefined;
  }
  if (!found.read) return null;
  const bytes = bytesRead(size);
  if (!isUtf8(bytes)) {
    outcomes.errors.push({ path: file.path, message: 'not valid UTF-8 text' });
    return undefined;
  }
  // Read for a declaration reader, the file is searched for the markers the screens may have
  // missed now, as bytes, so that its text is never searched again.
  return { text: bytes.toString('utf8'), screened: found.screened || (!found.dependencies && holdsMarkerPastScreens(bytes)) };
}

/**
 * Reads a manifest's text. Its bytes are looked at first: most are all line feeds and printable
 * ASCII (`plain`), which decode as Latin-1 as they would as UTF-8, hold no NUL, and need no other
 * test before the block YAML reader. Any other is decoded as UTF-8 and judged as text: binary by
 * a NUL among its first characters, then an error if a replacement character comes of bytes that
 * are not UTF-8.
 */
function readText(file: InputFile, maxBytes: number, outcomes: Outcomes, shortReadEnds: boolean): { text: string; plain: boolean } | undefined {
  const size = readFile(file, maxBytes, outcomes, shortReadEnds);
  if (size === undefined) return undefined;
  const bytes = bytesRead(size);
  if (plainText(bytes)) return { text: bytes.toString('latin1'), plain: true };
  const text = bytes.toString('utf8');
  // A binary file is skipped as such, whether or not its bytes happen to be valid UTF-8.
  if (text.slice(0, binarySample).includes('\0')) {
    outcomes.skipped.push({ path: file.path, reason: 'binary file' });
    return undefined;
  }
  if (text.includes('\uFFFD') && !isUtf8(bytes)) {
    outcomes.errors.push({ path: file.path, message: 'not valid UTF-8 text' });
    return undefined;
  }
  return { text, plain: false };
}
