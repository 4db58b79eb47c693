import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isDependencyManifest } from '../code/languages.js';
import { endpoints } from '../facts.js';
import { declarationMarkers as allMarkers } from './declared/markers.js';
import { ByteSearch } from './byte-search.js';

// What a source or config file's bytes tell before it is decoded: whether it holds a text the
// code rules look for, or one a declaration reader wants. Most files hold neither and are never
// decoded. The main thread and the threads that screen files ahead of it use this one module.

/** A NUL among the first this many bytes marks a binary file. */
export const binarySample = 8000;

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

/** Whether a file the screens passed over holds a code marker all the same (searched only in a file read anyway). */
export function holdsMarkerPastScreens(bytes: Buffer): boolean {
  return markersPastScreens.some((marker) => bytes.includes(marker));
}

/**
 * Texts that make a source or config file worth reading for a declaration reader (Helm values, a
 * CDK program), each searched only in the files whose path that reader reads, by its rarest
 * part first. Readers that share their markers (CDK and Pulumi) are searched once.
 */
const declarationMarkers = allMarkers.map((markers) => ({
  paths: markers.paths,
  texts: markers.texts.map((text) => search.needle(text)),
  alongside: markers.alongside?.map((text) => search.needle(text)),
}));

function holdsDeclarationMarker(path: string): boolean {
  return declarationMarkers.some(
    ({ paths, texts, alongside }) => paths(path) && texts.some((text) => search.holds(text)) && (alongside === undefined || alongside.some((text) => search.holds(text))),
  );
}

/** What a file's bytes tell: `screened`, whether they hold an STS text; `read`, whether the file is read at all. */
export interface Screen {
  screened: boolean;
  /** A dependency manifest, read whatever it holds. */
  dependencies: boolean;
  /** Read: it holds an STS text, is a dependency manifest, or a declaration reader wants it. */
  read: boolean;
}

/** Screens a file's bytes (not binary), by its path relative to the scan root. */
function screen(path: string, bytes: Buffer): Screen {
  search.start(bytes);
  const screened = holdsCodeMarker(bytes);
  const dependencies = isDependencyManifest(path);
  return { screened, dependencies, read: screened || dependencies || holdsDeclarationMarker(path) };
}

/** One buffer reused for every source file: most are read, searched and dropped, never decoded. */
let readBuffer = Buffer.allocUnsafe(1 << 20);

/** Not a regular file (a FIFO, socket or device, perhaps swapped in after discovery): never read, it may not end. */
export class NotRegularFile extends Error {}

/**
 * Opens a file to read without blocking: opening a FIFO would wait for a writer, and reading a
 * device might never end. Throws NotRegularFile for anything but a regular file.
 */
export function openRegular(absolute: string): { fd: number; size: number } {
  const fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    throw new NotRegularFile();
  }
  return { fd, size: stats.size };
}

/**
 * Reads a whole file into the shared buffer, valid until the next read; no bytes when it is
 * larger than `maxBytes`.
 */
export function readShared(absolute: string, maxBytes: number): { bytes: Buffer; size: number } {
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
 * What a source or config file's bytes (as {@link readShared} gives them) tell before any
 * decoding, judged in this order: larger than `maxBytes`, binary, or how they screen.
 */
export function inspectBytes(path: string, read: { bytes: Buffer; size: number }, maxBytes: number): { larger: true } | { binary: true } | Screen {
  if (read.size > maxBytes) return { larger: true };
  if (read.bytes.subarray(0, binarySample).includes(0)) return { binary: true };
  return screen(path, read.bytes);
}

/**
 * True when reading a source or config file would give nothing to decode: it is a regular file
 * within `maxBytes`, not binary, and its bytes tell it is not read. Anything else (an error, a
 * file to skip or to read) is false, left for the main thread's reading to record.
 */
export function passedOver(path: string, absolute: string, maxBytes: number): boolean {
  try {
    const found = inspectBytes(path, readShared(absolute, maxBytes), maxBytes);
    return 'read' in found && !found.read;
  } catch {
    return false;
  }
}
