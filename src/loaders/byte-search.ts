import { nulScan, plainScan, scanSlack, simdAvailable, textScan, textsPerScan, type TextScan } from './simd-scan.js';

/**
 * Printable ASCII from the rarest to the commonest in source code (byte counts over a large body
 * of JavaScript and TypeScript): a text is looked for by its rarest pair of neighbouring bytes.
 */
const rarestFirst = '~%^ZXY75$J!K4G<+Q8UH>FW2z6|LB?`][_@N\'M9O1V-j3Dq\\}{CI#REPTkS&Ax"=:/w()*v;y,bg0.fmphucdlinosarte ';

/** How common a byte is in source code, by {@link rarestFirst}: bytes outside printable ASCII count as the rarest. */
const commonness = (byte: number): number => rarestFirst.indexOf(String.fromCharCode(byte));

/**
 * Where, in a text (of at least two bytes), the pair of neighbouring bytes starts by which it is
 * looked for: the pair whose bytes are the rarest in code taken together, the first of equals.
 */
export function anchorOf(text: Uint8Array): number {
  let best = 0;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let at = 0; at + 1 < text.length; at++) {
    const score = commonness(text[at]!) + commonness(text[at + 1]!);
    if (score < bestScore) [best, bestScore] = [at, score];
  }
  return best;
}

/** A text's bytes, and the pair it is looked for by. */
interface Text {
  bytes: Buffer;
  anchor: number;
}

/** What the current bytes are known to hold, a text at a time. */
const [unknown, found, absent] = [0, 1, 2];

/** Files larger than this are searched with Buffer searches, not copied into the search's memory. */
const largestInMemory = 1 << 30;

/**
 * Searches one file's bytes at a time for texts (each two bytes or longer), many in one pass over
 * the bytes where WebAssembly runs SIMD code ({@link textScan}): a text search in Node.js
 * (`Buffer.includes`) runs at memory speed between the occurrences of the text's first byte, and
 * crawls on a byte as common as `s`; one pass that looks for a rare pair of each text's bytes at
 * once, and compares a text where its pair is, reads each byte once, and answers with one number
 * for all of them. Each text is searched at most once a file. Without SIMD, each text is one
 * `Buffer.includes`.
 *
 * Files are best read into {@link buffer}: bytes from elsewhere are copied in first.
 */
export class ByteSearch {
  private readonly texts: Text[] = [];
  private readonly ids = new Map<string, number>();
  /** Per text, for the current bytes: {@link unknown}, {@link found} or {@link absent}. */
  private state = new Uint8Array(0);
  /** The memory text scans read, when WebAssembly runs SIMD code here. */
  private readonly memory: WebAssembly.Memory | undefined;
  /** The memory as a Buffer, made again as it grows. */
  private view: Buffer = Buffer.alloc(0);
  /** The part of {@link view} a file may fill: all but the slack a scan reads past its end. */
  private usable: Buffer = Buffer.alloc(0);
  /** A buffer for files outside the memory (none, or one too large for it). */
  private spare: Buffer = Buffer.alloc(0);
  private bytes: Buffer = Buffer.alloc(0);
  /** How many bytes of {@link bytes} are the current ones: all of them, unless they are the memory's first. */
  private size = 0;
  /** Whether the current bytes are (or were copied to) the start of {@link view}, searched by text scans. */
  private inMemory = false;
  /** The scans made, by the list of text ids asked for, and by the texts they look for. */
  private readonly scansByList = new WeakMap<readonly number[], TextScan>();
  private readonly scansByTexts = new Map<string, TextScan>();
  /** Whether the memory's first bytes hold a NUL, with SIMD. */
  private readonly nulBefore: ((limit: number) => boolean) | undefined;
  /** Whether the memory's first bytes are all line feeds and printable ASCII, with SIMD. */
  private readonly plainBefore: ((end: number) => boolean) | undefined;

  constructor(options: { simd?: boolean } = {}) {
    if ((options.simd ?? true) && simdAvailable()) {
      this.memory = new WebAssembly.Memory({ initial: 17 });
      this.setView();
      this.nulBefore = nulScan(this.memory);
      this.plainBefore = plainScan(this.memory);
    }
  }

  /** A text to search for (two bytes or longer): its id. */
  text(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      const bytes = Buffer.from(text);
      if (bytes.length < 2) throw new RangeError(`a text to search for has two bytes or more: ${JSON.stringify(text)}`);
      id = this.texts.push({ bytes, anchor: anchorOf(bytes) }) - 1;
      this.ids.set(text, id);
      this.state = new Uint8Array(this.texts.length);
    }
    return id;
  }

  /**
   * A buffer of at least `size` bytes to read a file into and {@link start} on, valid until the
   * next call: the search's own memory, when it has one and the file fits. All of its length may
   * be filled; what a buffer held is kept in the next one only when both are the memory.
   */
  buffer(size: number): Buffer {
    if (this.memory && size <= largestInMemory && this.fits(size)) return this.usable;
    if (size > this.spare.length) this.spare = Buffer.allocUnsafe(2 ** Math.ceil(Math.log2(Math.max(size, 1 << 16))));
    return this.spare;
  }

  /**
   * A buffer as {@link buffer} gives, of at least `size` bytes, that holds the first `kept` bytes
   * of `from`, the last buffer given: for a file found larger than its buffer while read.
   */
  bufferKeeping(from: Buffer, kept: number, size: number): Buffer {
    const fromMemory = from === this.usable;
    const next = this.buffer(size);
    // The memory keeps its bytes as it grows; the buffer given before it grew is empty.
    if (next !== from && !(fromMemory && next === this.usable)) from.copy(next, 0, 0, kept);
    return next;
  }

  /** Starts on a file's bytes: nothing searched yet. */
  start(bytes: Buffer): void {
    this.state.fill(unknown);
    const inMemory = bytes.length <= largestInMemory && this.memory !== undefined && this.fits(bytes.length);
    if (inMemory && (bytes.buffer !== this.view.buffer || bytes.byteOffset !== 0)) this.view.set(bytes);
    this.inMemory = inMemory;
    this.bytes = bytes;
    this.size = bytes.length;
  }

  /**
   * Starts on the first `size` bytes of a buffer that {@link buffer} or {@link bufferKeeping} gave,
   * as {@link start} would on them, with no Buffer made for them when they are in the memory.
   */
  startWith(buffer: Buffer, size: number): void {
    if (buffer !== this.usable) {
      this.start(buffer.subarray(0, size));
      return;
    }
    this.state.fill(unknown);
    this.inMemory = true;
    this.bytes = buffer;
    this.size = size;
  }

  /** Whether the current bytes hold a text (by id). */
  holds(id: number): boolean {
    if (this.state[id] === unknown) this.search([id]);
    return this.state[id] === found;
  }

  /** Whether the current bytes hold one of the texts (by id): all searched in one pass. */
  holdsAny(ids: readonly number[]): boolean {
    this.search(ids);
    for (let index = 0; index < ids.length; index++) if (this.state[ids[index]!] === found) return true;
    return false;
  }

  /** Whether the current bytes hold a NUL among their first `limit` bytes. */
  holdsNul(limit: number): boolean {
    const before = Math.min(limit, this.size);
    if (this.inMemory) return this.nulBefore!(before);
    return before > 0 && this.bytes.lastIndexOf(0, before - 1) >= 0;
  }

  /** Whether the current bytes are all line feeds and printable ASCII (space to `~`). */
  plain(): boolean {
    const { bytes } = this;
    if (this.inMemory) return this.plainBefore!(this.size);
    for (let at = 0; at < bytes.length; at++) {
      const byte = bytes[at]!;
      if (byte > 0x7e || (byte < 0x20 && byte !== 0x0a)) return false;
    }
    return true;
  }

  /** Searches the current bytes, in one pass, for those of the texts not searched yet. */
  search(ids: readonly number[]): void {
    const { state, texts, bytes } = this;
    let unknowns = 0;
    for (let index = 0; index < ids.length; index++) if (state[ids[index]!] === unknown) unknowns++;
    if (unknowns === 0) return;
    // The caller's own list when all are unknown, so that its scan is found by the list.
    const wanted = unknowns === ids.length ? ids : ids.filter((id) => state[id] === unknown);
    if (!this.inMemory) {
      for (let index = 0; index < wanted.length; index++) state[wanted[index]!] = bytes.includes(texts[wanted[index]!]!.bytes) ? found : absent;
      return;
    }
    for (let first = 0; first < wanted.length; first += textsPerScan) {
      const part = first === 0 && wanted.length <= textsPerScan ? wanted : wanted.slice(first, first + textsPerScan);
      const holds = this.scanOf(part).find(this.size);
      for (let index = 0; index < part.length; index++) state[part[index]!] = holds & (1 << index) ? found : absent;
    }
  }

  /** The scan for the texts, made at its first use. */
  private scanOf(wanted: readonly number[]): TextScan {
    let scan = this.scansByList.get(wanted);
    if (scan) return scan;
    const key = wanted.join(',');
    scan = this.scansByTexts.get(key);
    if (!scan) {
      scan = textScan(
        this.memory!,
        wanted.map((id) => this.texts[id]!),
      );
      this.scansByTexts.set(key, scan);
    }
    this.scansByList.set(wanted, scan);
    return scan;
  }

  /** Whether the memory holds `size` bytes and the slack a scan reads past them, grown if need be. */
  private fits(size: number): boolean {
    const memory = this.memory!;
    const needed = size + scanSlack;
    if (needed <= this.view.length) return true;
    try {
      memory.grow(Math.ceil((needed - memory.buffer.byteLength) / 65536));
    } catch {
      // Memory that cannot grow so far: the file is searched outside it.
      return false;
    }
    this.setView();
    return true;
  }

  private setView(): void {
    this.view = Buffer.from(this.memory!.buffer);
    this.usable = this.view.subarray(0, this.view.length - scanSlack);
  }
}
