// WebAssembly functions that look through bytes 16 at a time: one that tells which of a list of
// texts the bytes hold, the search for many texts at once ({@link ByteSearch}), one that tells
// whether they hold a NUL, and one whether they are all line feeds and printable ASCII. Each list
// of texts gets a function of its own, made as bytes are first searched for it, with the texts
// written into its code. Made here, byte by byte, from the WebAssembly binary format: they are
// small enough that a toolchain would be all cost.

/** A text to look for, and where in it the pair of neighbouring bytes starts that it is looked for by. */
export interface ScanText {
  bytes: Uint8Array;
  anchor: number;
}

/** The function made for a list of texts, over a memory it shares with its caller. */
export interface TextScan {
  /**
   * Which of the texts the memory's first `end` bytes hold: bit `i` for the list's text `i`. The
   * memory must hold {@link scanSlack} bytes past `end`, whatever they are.
   */
  find(end: number): number;
}

/** The most texts one {@link TextScan} looks for: one bit each of its answer. */
export const textsPerScan = 30;

/** Bytes past the end of what is searched that a scan may read. */
export const scanSlack = 32;

const uleb = (value: number): number[] => {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
};

/** A signed LEB128 number, as `i32.const` and `i64.const` take them. */
const sleb = (value: bigint): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = Number(value & 0x7fn);
    value >>= 7n;
    const done = (value === 0n && (byte & 0x40) === 0) || (value === -1n && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
};

/** A WebAssembly vector: its length, then its items. */
const vector = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (text: string): number[] => [...uleb(text.length), ...Array.from(text, (character) => character.charCodeAt(0))];
const section = (id: number, content: number[]): number[] => [id, ...uleb(content.length), ...content];

const op = {
  localGet: (index: number) => [0x20, ...uleb(index)],
  localSet: (index: number) => [0x21, ...uleb(index)],
  localTee: (index: number) => [0x22, ...uleb(index)],
  i32Const: (value: number) => [0x41, ...sleb(BigInt(value))],
  i64Const: (value: bigint) => [0x42, ...sleb(BigInt.asIntN(64, value))],
  i32Load8: (offset: number) => [0x2d, 0x00, ...uleb(offset)],
  i64Load: (offset: number) => [0x29, 0x00, ...uleb(offset)],
  i32Eqz: [0x45],
  i32Eq: [0x46],
  i32Ne: [0x47],
  i32LtU: [0x49],
  i32GtU: [0x4b],
  i32GeU: [0x4f],
  i64Ne: [0x52],
  i32Ctz: [0x68],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32And: [0x71],
  i32Or: [0x72],
  i32Shl: [0x74],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  return: [0x0f],
  v128Load: (offset: number) => [0xfd, 0x00, 0x00, ...uleb(offset)],
  v128Splat: (byte: number) => [0xfd, 0x0c, ...new Array<number>(16).fill(byte)],
  i8x16Eq: [0xfd, 0x23],
  v128And: [0xfd, 0x4e],
  v128Or: [0xfd, 0x50],
  v128AnyTrue: [0xfd, 0x53],
  i8x16Bitmask: [0xfd, 0x64],
  i8x16MinU: [0xfd, 0x77],
  i8x16Ne: [0xfd, 0x24],
  i8x16LtU: [0xfd, 0x26],
  i8x16GtU: [0xfd, 0x28],
} as const;

const [i32, v128] = [0x7f, 0x7b];

/** A module of one function of type (i32) → i32, exported as `exportName`, over the imported memory. */
function moduleOf(exportName: string, locals: number[][], body: number[]): Uint8Array {
  const code = [...vector(locals), ...body, ...op.end];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector([[0x60, ...vector([[i32]]), ...vector([[i32]])]])),
    ...section(2, vector([[...name('m'), ...name('memory'), 0x02, 0x00, 0x01]])),
    ...section(3, vector([[0]])),
    ...section(7, vector([[...name(exportName), 0x00, 0x00]])),
    ...section(10, vector([[...uleb(code.length), ...code]])),
  ]);
}

/**
 * Code that leaves the block it is in unless the memory at `start` (a local) holds `text`,
 * compared 8 bytes at a time, then byte by byte.
 */
function compareText(start: number, text: Uint8Array): number[] {
  const out: number[] = [];
  let at = 0;
  for (; at + 8 <= text.length; at += 8) {
    let word = 0n;
    for (let byte = 7; byte >= 0; byte--) word = (word << 8n) | BigInt(text[at + byte]!);
    out.push(...op.localGet(start), ...op.i64Load(at), ...op.i64Const(word), ...op.i64Ne, ...op.brIf(0));
  }
  for (; at < text.length; at++) out.push(...op.localGet(start), ...op.i32Load8(at), ...op.i32Const(text[at]!), ...op.i32Ne, ...op.brIf(0));
  return out;
}

/** Bytes a scan passes over at a time while none of them starts a pair. */
const wideStep = 64;

/**
 * The module of a scan for `texts`: `find(end)` as {@link TextScan} has it. It compares each
 * block of 16 bytes, and the block one byte on, with every distinct pair the texts are looked for
 * by; in a block where one starts, it compares each text not found yet whole where its pair is,
 * and it returns as soon as every text is found. Most bytes start no pair: it compares four
 * blocks at once and passes over all 64 bytes when none does, and takes them a block at a time
 * only when one does (a loop over 64 bytes costs less than four over 16). Its locals: `end`, the
 * block's start, the texts found, the lanes left, a lane's place, a text's start there, where
 * blocks are next taken four at a time, the block, the block one byte on, the lanes where a pair
 * starts, and each pair's two bytes in every lane.
 */
function findModule(texts: readonly ScanText[]): Uint8Array {
  const [end, from, found, lanes, at, start, stop, block, next, hits] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const pairOf = (text: ScanText) => [text.bytes[text.anchor]!, text.bytes[text.anchor + 1]!] as const;
  const pairs = [...new Map(texts.map((text) => [pairOf(text).join(','), pairOf(text)])).values()];
  const first = (pair: number) => 10 + 2 * pair;
  const all = texts.length === 0 ? 0 : 2 ** texts.length - 1;
  /** The lanes of the block at `from` + `offset` where a pair starts, left on the stack. */
  const pairHits = (offset: number): number[] => {
    const out = [...op.localGet(from), ...op.v128Load(offset), ...op.localSet(block), ...op.localGet(from), ...op.v128Load(offset + 1), ...op.localSet(next)];
    pairs.forEach((_, pair) => {
      out.push(...op.localGet(block), ...op.localGet(first(pair)), ...op.i8x16Eq, ...op.localGet(next), ...op.localGet(first(pair) + 1), ...op.i8x16Eq, ...op.v128And);
      if (pair > 0) out.push(...op.v128Or);
    });
    return out;
  };
  const body: number[] = [];
  pairs.forEach(([a, b], pair) => body.push(...op.v128Splat(a), ...op.localSet(first(pair)), ...op.v128Splat(b), ...op.localSet(first(pair) + 1)));
  body.push(...op.block, ...op.loop);
  // Four blocks at a time, while a whole step is before `end` and none of its bytes starts a pair;
  // then blocks one at a time until `stop`: past the step where one does, or to `end`.
  body.push(...op.block, ...op.loop);
  body.push(...op.localGet(from), ...op.i32Const(wideStep), ...op.i32Add, ...op.localGet(end), ...op.i32GtU);
  body.push(...op.if, ...op.localGet(end), ...op.localSet(stop), ...op.br(2), ...op.end);
  for (let offset = 0; offset < wideStep; offset += 16) {
    body.push(...pairHits(offset));
    if (offset > 0) body.push(...op.v128Or);
  }
  body.push(...op.v128AnyTrue, ...op.if, ...op.localGet(from), ...op.i32Const(wideStep), ...op.i32Add, ...op.localSet(stop), ...op.br(2), ...op.end);
  body.push(...op.localGet(from), ...op.i32Const(wideStep), ...op.i32Add, ...op.localSet(from), ...op.br(0), ...op.end, ...op.end);
  body.push(...op.block, ...op.loop);
  body.push(...op.localGet(from), ...op.localGet(end), ...op.i32GeU, ...op.brIf(3));
  body.push(...op.localGet(from), ...op.localGet(stop), ...op.i32GeU, ...op.brIf(1));
  body.push(...pairHits(0));
  body.push(...op.localTee(hits), ...op.v128AnyTrue, ...op.if);
  body.push(...op.localGet(hits), ...op.i8x16Bitmask, ...op.localSet(lanes));
  // Each lane where a pair starts, lowest first, while before `end`.
  body.push(...op.block, ...op.loop);
  body.push(...op.localGet(lanes), ...op.i32Eqz, ...op.brIf(1));
  body.push(...op.localGet(from), ...op.localGet(lanes), ...op.i32Ctz, ...op.i32Add, ...op.localTee(at), ...op.localGet(end), ...op.i32GeU, ...op.brIf(1));
  body.push(...op.localGet(lanes), ...op.localGet(lanes), ...op.i32Const(1), ...op.i32Sub, ...op.i32And, ...op.localSet(lanes));
  texts.forEach((text, index) => {
    const [a, b] = pairOf(text);
    const bit = 2 ** index;
    body.push(...op.block);
    // Found already, not its pair here, or not wholly within the bytes: the next text.
    body.push(...op.localGet(found), ...op.i32Const(bit | 0), ...op.i32And, ...op.brIf(0));
    body.push(...op.localGet(at), ...op.i32Load8(0), ...op.i32Const(a), ...op.i32Ne, ...op.brIf(0));
    body.push(...op.localGet(at), ...op.i32Load8(1), ...op.i32Const(b), ...op.i32Ne, ...op.brIf(0));
    body.push(...op.localGet(at), ...op.i32Const(text.anchor), ...op.i32LtU, ...op.brIf(0));
    body.push(...op.localGet(at), ...op.i32Const(text.anchor), ...op.i32Sub, ...op.localTee(start), ...op.i32Const(text.bytes.length), ...op.i32Add, ...op.localGet(end), ...op.i32GtU, ...op.brIf(0));
    body.push(...compareText(start, text.bytes));
    body.push(...op.localGet(found), ...op.i32Const(bit | 0), ...op.i32Or, ...op.localTee(found), ...op.i32Const(all | 0), ...op.i32Eq, ...op.if, ...op.localGet(found), ...op.return, ...op.end);
    body.push(...op.end);
  });
  body.push(...op.br(0), ...op.end, ...op.end);
  body.push(...op.end);
  body.push(...op.localGet(from), ...op.i32Const(16), ...op.i32Add, ...op.localSet(from), ...op.br(0), ...op.end, ...op.end);
  body.push(...op.br(0), ...op.end, ...op.end);
  body.push(...op.localGet(found));
  return moduleOf('find', [[6, i32], [3 + 2 * pairs.length, v128]], body);
}

/**
 * Code that looks at the memory 16 bytes at a time from `from` (a local) while before `limit` (a
 * local), and returns `answer` as soon as a byte before `limit` is one `marked` picks: `marked`
 * leaves, for the block whose start `from` holds, a vector with the top bit set in each lane it
 * picks. `bits` (a local) keeps the lanes picked.
 */
function firstMarked(limit: number, from: number, bits: number, marked: number[], answer: number): number[] {
  return [
    ...op.block,
    ...op.loop,
    ...[...op.localGet(from), ...op.localGet(limit), ...op.i32GeU, ...op.brIf(1)],
    ...[...marked, ...op.i8x16Bitmask, ...op.localTee(bits)],
    ...op.if,
    // A whole block before `limit`, or one of its lanes before it.
    ...[...op.localGet(limit), ...op.localGet(from), ...op.i32Sub, ...op.i32Const(16), ...op.i32GeU, ...op.if, ...op.i32Const(answer), ...op.return, ...op.end],
    ...[...op.localGet(bits), ...op.i32Const(1), ...op.localGet(limit), ...op.localGet(from), ...op.i32Sub, ...op.i32Shl, ...op.i32Const(1), ...op.i32Sub, ...op.i32And],
    ...[...op.if, ...op.i32Const(answer), ...op.return, ...op.end],
    ...op.end,
    ...[...op.localGet(from), ...op.i32Const(16), ...op.i32Add, ...op.localSet(from), ...op.br(0)],
    ...op.end,
    ...op.end,
  ];
}

/**
 * The module that tells whether the memory's first `limit` bytes hold a NUL: `nul(limit)`, 1 or
 * 0. It takes 64 bytes at a time while they are all before `limit` (the least of their four
 * blocks is 0 where any holds one), then 16. Its locals: `limit`, the block's start, and the lanes
 * of the block that hold one.
 */
function nulModule(): Uint8Array {
  const [limit, from, bits] = [0, 1, 2];
  const load = (offset: number) => [...op.localGet(from), ...op.v128Load(offset)];
  const body = [
    ...op.block,
    ...op.loop,
    ...[...op.localGet(from), ...op.i32Const(64), ...op.i32Add, ...op.localGet(limit), ...op.i32GtU, ...op.brIf(1)],
    ...[...load(0), ...load(16), ...op.i8x16MinU, ...load(32), ...load(48), ...op.i8x16MinU, ...op.i8x16MinU],
    ...[...op.v128Splat(0), ...op.i8x16Eq, ...op.v128AnyTrue, ...op.if, ...op.i32Const(1), ...op.return, ...op.end],
    ...[...op.localGet(from), ...op.i32Const(64), ...op.i32Add, ...op.localSet(from), ...op.br(0)],
    ...op.end,
    ...op.end,
    ...firstMarked(limit, from, bits, [...load(0), ...op.v128Splat(0), ...op.i8x16Eq], 1),
    ...op.i32Const(0),
  ];
  return moduleOf('nul', [[2, i32]], body);
}

/**
 * The module that tells whether the memory's first `end` bytes are all line feeds and printable
 * ASCII: `plain(end)`, 1 or 0. A byte is not when it is below a space but a line feed, or above
 * `~`. Its locals: `end`, the block's start, the lanes of the block that are not, and the block.
 */
function plainModule(): Uint8Array {
  const [end, from, bits, block] = [0, 1, 2, 3];
  const notPlain = [
    ...[...op.localGet(from), ...op.v128Load(0), ...op.localTee(block), ...op.v128Splat(0x20), ...op.i8x16LtU],
    ...[...op.localGet(block), ...op.v128Splat(0x0a), ...op.i8x16Ne, ...op.v128And],
    ...[...op.localGet(block), ...op.v128Splat(0x7e), ...op.i8x16GtU, ...op.v128Or],
  ];
  return moduleOf('plain', [[2, i32], [1, v128]], [...firstMarked(end, from, bits, notPlain, 0), ...op.i32Const(1)]);
}

/** Whether this Node.js runs WebAssembly with SIMD (not under `--jitless`, say). */
export function simdAvailable(): boolean {
  try {
    return typeof WebAssembly === 'object' && [findModule([{ bytes: new Uint8Array([0x61, 0x62]), anchor: 0 }]), nulModule(), plainModule()].every((module) => WebAssembly.validate(module));
  } catch {
    return false;
  }
}

function instantiate(bytes: Uint8Array, memory: WebAssembly.Memory): unknown {
  return new WebAssembly.Instance(new WebAssembly.Module(bytes), { m: { memory } }).exports;
}

/** Makes the scan for `texts` (at most {@link textsPerScan}, each two bytes or longer) over `memory`. */
export function textScan(memory: WebAssembly.Memory, texts: readonly ScanText[]): TextScan {
  if (texts.length > textsPerScan) throw new RangeError(`a scan looks for at most ${textsPerScan} texts`);
  return instantiate(findModule(texts), memory) as TextScan;
}

/** Makes the function that tells whether the first `limit` bytes of `memory` hold a NUL. */
export function nulScan(memory: WebAssembly.Memory): (limit: number) => boolean {
  const { nul } = instantiate(nulModule(), memory) as { nul(limit: number): number };
  return (limit) => nul(limit) !== 0;
}

/** Makes the function that tells whether the first `end` bytes of `memory` are all line feeds and printable ASCII. */
export function plainScan(memory: WebAssembly.Memory): (end: number) => boolean {
  const { plain } = instantiate(plainModule(), memory) as { plain(end: number): number };
  return (end) => plain(end) !== 0;
}
