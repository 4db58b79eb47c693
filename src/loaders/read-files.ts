import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { isManifestFile, type InputFile } from './discover-files.js';
import { isDependencyManifest } from '../code/languages.js';
import { endpoints } from '../facts.js';
import { declarationReaders } from './declared/readers.js';
import { ByteSearch } from './byte-search.js';
import { youngGenerationCheckpoint } from '../young-generation.js';
import type { Inputs } from '../model/source.js';

/** What reading a file leaves to record. */
type Outcomes = Pick<Inputs, 'skipped' | 'errors'>;

/**
 * A file read: its text, or none when it is a source or config file that holds nothing the code
 * rules look for (searched as bytes, never decoded). `screened`: whether the bytes searched hold such a text.
 */
export type FileText = { path: string; text: string; screened?: boolean } | { path: string; text?: undefined };

/** A NUL among the first this many characters marks a binary file. */
const binarySample = 8000;

/**
 * Reads the files found. A file that is not a regular file, is larger than `maxBytes`, binary, or
 * not UTF-8 is recorded as skipped or as an error, and left out.
 */
export function readFiles(files: readonly InputFile[], maxBytes: number, outcomes: Outcomes): FileText[] {
  const read: FileText[] = [];
  for (const file of files) {
    youngGenerationCheckpoint();
    if (isManifestFile(file.path)) {
      const text = readText(file, maxBytes, outcomes);
      if (text !== undefined) read.push({ path: file.path, text });
    } else {
      const code = readCode(file, maxBytes, outcomes);
      if (code === null) read.push({ path: file.path });
      else if (code !== undefined) read.push({ path: file.path, text: code.text, screened: code.screened });
    }
  }
  return read;
}

/** Texts of which a file must hold one for the code rules to read it. */
export const codeMarkers = endpoints.codeMarkers;

/** Every search of a file's bytes, each part searched once a file. */
const search = new ByteSearch();

/**
 * Each fragment is one Buffer search (native, and fast since its bytes are rare in code); only a
 * file that holds one is searched for the texts behind it. Most files are dropped after four
 * searches: far cheaper than looking for every marker in every file.
 */
const screens = Object.entries(endpoints.codeMarkerFragments).map(([fragment, texts]) => ({
  fragment: search.part(fragment),
  texts: texts.map((text) => Buffer.from(text)),
}));

function holdsCodeMarker(bytes: Buffer): boolean {
  return screens.some(({ fragment, texts }) => search.holdsPart(fragment) && texts.some((text) => bytes.includes(text)));
}

/**
 * The code markers a file may hold though the screens passed it over: those no screen is sure to
 * catch (one containing a screen's fragment and one of its texts). A setting's name alone passes
 * the screens, which look for it beside `legacy`.
 */
const markersPastScreens = codeMarkers
  .filter((marker) => !Object.entries(endpoints.codeMarkerFragments).some(([fragment, texts]) => marker.includes(fragment) && texts.some((text) => marker.includes(text))))
  .map((marker) => Buffer.from(marker));

/**
 * Texts that make a source or config file worth reading for a declaration reader (a Terraform
 * `helm_release`), each searched only in the files whose path that reader reads, by its rarest
 * part first. Readers that share their markers (CDK and Pulumi) are searched once.
 */
const declarationMarkers = [...new Set(declarationReaders.map((reader) => reader.markers))].flatMap((markers) =>
  markers
    ? [
        {
          paths: markers.paths,
          texts: markers.texts.map((text) => search.needle(text)),
          alongside: markers.alongside?.map((text) => search.needle(text)),
        },
      ]
    : [],
);

function holdsDeclarationMarker(path: string): boolean {
  return declarationMarkers.some(
    ({ paths, texts, alongside }) => paths(path) && texts.some((text) => search.holds(text)) && (alongside === undefined || alongside.some((text) => search.holds(text))),
  );
}

/** One buffer reused for every source file: most are read, searched and dropped, never decoded. */
let readBuffer = Buffer.allocUnsafe(1 << 20);

/** Not a regular file (a FIFO, socket or device, perhaps swapped in after discovery): never read, it may not end. */
class NotRegularFile extends Error {}

/**
 * Opens a file to read without blocking: opening a FIFO would wait for a writer, and reading a
 * device might never end. Throws NotRegularFile for anything but a regular file.
 */
function openRegular(absolute: string): { fd: number; size: number } {
  const fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    throw new NotRegularFile();
  }
  return { fd, size: stats.size };
}

/** Records why a file could not be read: skipped when it is not a regular file, else an error. */
function unreadable(file: InputFile, error: unknown, outcomes: Outcomes): undefined {
  if (error instanceof NotRegularFile) outcomes.skipped.push({ path: file.path, reason: 'not a regular file (a FIFO, socket or device)' });
  else outcomes.errors.push({ path: file.path, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
  return undefined;
}

/** Reads a whole file into the shared buffer; undefined when it is larger than `maxBytes`. */
function readShared(absolute: string, maxBytes: number): { bytes: Buffer; size: number } {
  const { fd, size } = openRegular(absolute);
  try {
    if (size > maxBytes) return { bytes: readBuffer.subarray(0, 0), size };
    if (size > readBuffer.length) readBuffer = Buffer.allocUnsafe(2 ** Math.ceil(Math.log2(size)));
    let read = 0;
    while (read < size) {
      const count = readSync(fd, readBuffer, read, size - read, read);
      if (count === 0) break;
      read += count;
    }
    return { bytes: readBuffer.subarray(0, read), size };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a source or config file. Most hold no STS text and declare nothing: those are searched as
 * bytes (native and fast) and never decoded (null). `screened`: whether it holds an STS text (for a
 * dependency manifest, which is read whatever it holds, only whether the screens found one).
 */
function readCode(file: InputFile, maxBytes: number, outcomes: Outcomes): { text: string; screened: boolean } | null | undefined {
  let bytes: Buffer;
  try {
    const read = readShared(file.absolutePath, maxBytes);
    if (read.size > maxBytes) {
      outcomes.skipped.push({ path: file.path, reason: `larger than the ${maxBytes}-byte limit (${read.size} bytes)` });
      return undefined;
    }
    bytes = read.bytes;
  } catch (error) {
    return unreadable(file, error, outcomes);
  }
  if (bytes.subarray(0, binarySample).includes(0)) {
    outcomes.skipped.push({ path: file.path, reason: 'binary file' });
    return undefined;
  }
  search.start(bytes);
  const screened = holdsCodeMarker(bytes);
  const dependencies = isDependencyManifest(file.path);
  if (!screened && !dependencies && !holdsDeclarationMarker(file.path)) return null;
  if (!isUtf8(bytes)) {
    outcomes.errors.push({ path: file.path, message: 'not valid UTF-8 text' });
    return undefined;
  }
  // Read for a declaration reader, the file is searched for the markers the screens may have
  // missed now, as bytes, so that its text is never searched again.
  return { text: bytes.toString('utf8'), screened: screened || (!dependencies && markersPastScreens.some((marker) => bytes.includes(marker))) };
}

function readText(file: InputFile, maxBytes: number, outcomes: Outcomes): string | undefined {
  let text: string;
  try {
    const { fd, size } = openRegular(file.absolutePath);
    try {
      if (size > maxBytes) {
        outcomes.skipped.push({ path: file.path, reason: `larger than the ${maxBytes}-byte limit (${size} bytes)` });
        return undefined;
      }
      // Decoding while reading is Node's fastest path; the rare text with a replacement character
      // is read again as bytes to tell a real one from invalid UTF-8.
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
    // A binary file is skipped as such, whether or not its bytes happen to be valid UTF-8.
    if (text.slice(0, binarySample).includes('\0')) {
      outcomes.skipped.push({ path: file.path, reason: 'binary file' });
      return undefined;
    }
    if (text.includes('\uFFFD') && !isUtf8(readShared(file.absolutePath, maxBytes).bytes)) {
      outcomes.errors.push({ path: file.path, message: 'not valid UTF-8 text' });
      return undefined;
    }
  } catch (error) {
    return unreadable(file, error, outcomes);
  }
  return text;
}
