import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isDependencyManifest, type Language } from '../code/languages.js';
import type { CodeKind } from './file-kinds.js';
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

/** Every search of a file's bytes, each text searched once a file, and the buffer files are read into. */
const search = new ByteSearch();

/**
 * A file that holds a fragment is searched for the texts behind it (`data/endpoints.json` says
 * how each fragment and its texts cover their markers). Most files are dropped after one pass for
 * the four fragments and the texts of the declaration readers that read their path: far cheaper
 * than looking for every marker in every file.
 */
const fragments = Object.entries(endpoints.codeMarkerFragments).map(([fragment, texts]) => ({
  fragment: search.text(fragment),
  texts: texts.map((text) => search.text(text)),
}));

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
 * CDK program), each searched only in the files whose path that reader reads. Readers that share
 * their markers (CDK and Pulumi) are searched once.
 */
const declarationMarkers = allMarkers.map((markers) => ({
  paths: markers.paths,
  texts: markers.texts.map((text) => search.text(text)),
  alongside: markers.alongside?.map((text) => search.text(text)),
}));

/**
 * The texts of a file's first pass, by the declaration readers that read its path (a bit each):
 * the fragments and those readers' texts, which most files are searched for in any case.
 */
const firstPasses = new Map<number, number[]>();

function firstPass(readers: number): number[] {
  let texts = firstPasses.get(readers);
  if (!texts) {
    texts = [...new Set([...fragments.map(({ fragment }) => fragment), ...declarationMarkers.flatMap(({ texts: each }, reader) => (readers & (1 << reader) ? each : []))])];
    firstPasses.set(readers, texts);
  }
  return texts;
}

/** The declaration readers that read a file, by its path and language (when known; null: none): a bit each. */
function readersOf(path: string, language: Language | null | undefined): number {
  let readers = 0;
  for (let reader = 0; reader < declarationMarkers.length; reader++) if (declarationMarkers[reader]!.paths(path, language)) readers |= 1 << reader;
  return readers;
}

// The screens run on every source file a scan finds: plain loops over lists made once, counted
// by index, since a `for…of` loop makes an iterator and a result object a step until V8's last
// compiler takes the function, which a scan's first thousands of files do not wait for.

function holdsCodeMarker(): boolean {
  for (let index = 0; index < fragments.length; index++) {
    const { fragment, texts } = fragments[index]!;
    if (search.holds(fragment) && search.holdsAny(texts)) return true;
  }
  return false;
}

function holdsDeclarationMarker(readers: number): boolean {
  for (let reader = 0; reader < declarationMarkers.length; reader++) {
    if ((readers & (1 << reader)) === 0) continue;
    const { texts, alongside } = declarationMarkers[reader]!;
    if (search.holdsAny(texts) && (alongside === undefined || search.holdsAny(alongside))) return true;
  }
  return false;
}

/** What a file's bytes tell: `screened`, whether they hold an STS text; `read`, whether the file is read at all. */
export interface Screen {
  screened: boolean;
  /** A dependency manifest, read whatever it holds. */
  dependencies: boolean;
  /** Read: it holds an STS text, is a dependency manifest, or a declaration reader wants it. */
  read: boolean;
}

/** What most files' bytes tell, one object for all of them, and what a dependency manifest's tell when it holds no marker. */
const nothingToRead: Screen = Object.freeze({ screened: false, dependencies: false, read: false });
const dependenciesOnly: Screen = Object.freeze({ screened: false, dependencies: true, read: true });
const binary = Object.freeze({ binary: true as const });

/**
 * Screens the current bytes (not binary), by the file's path relative to the scan root and its
 * kind, when known. Most files hold none of the texts of the first pass, which covers every
 * marker's first test: for those, one pass tells all.
 */
function screen(path: string, kind: CodeKind | undefined): Screen {
  const readers = readersOf(path, kind === undefined ? undefined : (kind.language ?? null));
  const dependencies = kind === undefined ? isDependencyManifest(path) : kind.dependencies;
  if (!search.holdsAny(firstPass(readers))) return dependencies ? dependenciesOnly : nothingToRead;
  const screened = holdsCodeMarker();
  const read = screened || dependencies || holdsDeclarationMarker(readers);
  return read ? { screened, dependencies, read } : nothingToRead;
}

const noBytes = Buffer.alloc(0);

/** The buffer the last file was read into by {@link readSize}: its bytes are its first, until the next read. */
let lastRead: Buffer = noBytes;

/** Not a regular file (a FIFO, socket or device, perhaps swapped in after discovery): never read, it may not end. */
export class NotRegularFile extends Error {}

/** Whether an open file is a regular file: its size when it is, else NotRegularFile thrown. */
function regularSize(fd: number): number {
  const stats = fstatSync(fd);
  if (!stats.isFile()) throw new NotRegularFile();
  return stats.size;
}

/**
 * Reads a whole file (a manifest, or a source or config file) into the buffer the screens search
 * (one for every file: most source files are read, searched and dropped, never decoded), and
 * returns its size: its bytes are the first `size` of that buffer ({@link bytesRead},
 * {@link inspectRead}), until the next read, unless it is larger than `maxBytes`, which leaves
 * them unread.
 *
 * Discovery found a regular file, so it is read until a read gives nothing, and asked nothing
 * else: on a tree of small files, `fstat` and the object Node.js makes of its answer cost more
 * than that last read. Its size is asked only once it fills the buffer or passes `maxBytes`, and
 * whether it is still a regular file only when a read fails or it is empty. It is opened without
 * blocking (opening a FIFO would wait for a writer, and reading a device might never end), so one
 * swapped since for a FIFO or a device fails to read, ends at once, or fills the buffer, and is
 * refused as NotRegularFile (a FIFO fails the first read: reads are made at a position, which a
 * pipe has none of). With `shortReadEnds` (below a root on a local file system, as
 * `shortReadsEndFilesBelow` knows), a read that gives fewer bytes than asked ends the file, with
 * no last read that gives nothing.
 */
export function readSize(openPath: string, maxBytes: number, shortReadEnds = false): number {
  const fd = openSync(openPath, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    let buffer = search.buffer(0);
    let read = 0;
    for (;;) {
      // One byte past the limit tells a larger file.
      let room = Math.min(buffer.length, maxBytes + 1);
      if (read === room) {
        const size = regularSize(fd);
        if (size > maxBytes) return size;
        buffer = search.bufferKeeping(buffer, read, Math.max(size, read) + 1);
        room = Math.min(buffer.length, maxBytes + 1);
      }
      let count: number;
      try {
        count = readSync(fd, buffer, read, room - read, read);
      } catch (error) {
        regularSize(fd);
        throw error;
      }
      if (count === 0) break;
      read += count;
      if (shortReadEnds && read < room) break;
    }
    if (read === 0) regularSize(fd);
    lastRead = buffer;
    return read;
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether bytes (as {@link bytesRead} gives them) are all line feeds and printable ASCII: text
 * that decodes as Latin-1 as it would as UTF-8, holds no NUL, and holds none of the characters
 * the block YAML reader leaves to js-yaml.
 */
export function plainText(bytes: Buffer): boolean {
  search.start(bytes);
  return search.plain();
}

/**
 * What the bytes of the last file read by {@link readSize} (within its size limit) tell before any
 * decoding, searched where they were read: binary, or how they screen. `kind`: what its name
 * tells, when known.
 */
export function inspectRead(path: string, size: number, kind?: CodeKind): { binary: true } | Screen {
  search.startWith(lastRead, size);
  if (search.holdsNul(binarySample)) return binary;
  return screen(path, kind);
}

/** The bytes of the last file read by {@link readSize}, within its size limit: valid until the next read. */
export function bytesRead(size: number): Buffer {
  return lastRead.subarray(0, size);
}

/**
 * True when reading a source or config file would give nothing to decode: it is a regular file
 * within `maxBytes`, not binary, and its bytes tell it is not read. Anything else (an error, a
 * file to skip or to read) is false, left for the main thread's reading to record. A dependency
 * manifest, read whatever it holds, is never opened here.
 */
export function passedOver(path: string, openPath: string, maxBytes: number, shortReadEnds = false): boolean {
  if (isDependencyManifest(path)) return false;
  let size: number;
  try {
    size = readSize(openPath, maxBytes, shortReadEnds);
  } catch {
    return false;
  }
  if (size > maxBytes) return false;
  // Not a dependency manifest: a screen reads it only for a text.
  const found = inspectRead(path, size);
  return !('binary' in found) && !found.read;
}
