// A WebAssembly function that looks through bytes, 16 at a time, for where any of a list of byte
// pairs starts: the first step of a search for many texts at once ({@link ByteSearch}), one
// pass over a file's bytes however many texts it looks for. Each list of pairs gets a function of
// its own, made as its bytes are first searched, with the pairs written into its code. Made here,
// byte by byte, from the WebAssembly binary format: it is small enough that a toolchain would be
// all cost.

/** The function made for a list of pairs, over a memory it shares with its caller. */
export interface PairScan {
  /**
   * The start of the first block of 16 bytes from `from` (stepping by 16, while before `end`) in
   * which some pair starts, or where the steps reached `end` or passed it when none does. A block
   * is searched whole, past `end` too: the caller tells which of its lanes count. The memory must
   * hold {@link scanSlack} bytes past `end`, whatever they are.
   */
  scan(from: number, end: number): number;
  /** After a {@link scan} that found a block: which of its 16 bytes start a pair, one bit each. */
  lanes(): number;
}

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

/** A WebAssembly vector: its length, then its items. */
const vector = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (text: string): number[] => [...uleb(text.length), ...Array.from(text, (character) => character.charCodeAt(0))];
const section = (id: number, content: number[]): number[] => [id, ...uleb(content.length), ...content];

const op = {
  localGet: (index: number) => [0x20, ...uleb(index)],
  localSet: (index: number) => [0x21, ...uleb(index)],
  globalSet: (index: number) => [0x24, ...uleb(index)],
  i32Add: [0x6a],
  i32GeU: [0x4f],
  i32Const16: [0x41, 16],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  v128Load: (offset: number) => [0xfd, 0x00, 0x00, ...uleb(offset)],
  v128Splat: (byte: number) => [0xfd, 0x0c, ...new Array<number>(16).fill(byte)],
  i8x16Eq: [0xfd, 0x23],
  v128And: [0xfd, 0x4e],
  v128Or: [0xfd, 0x50],
  v128AnyTrue: [0xfd, 0x53],
  i8x16Bitmask: [0xfd, 0x64],
} as const;

const [i32, v128] = [0x7f, 0x7b];

/** `lanes()`: the global the last scan left. A call costs less than reading a WebAssembly.Global from JavaScript. */
const lanesCode = ((body: number[]) => [...uleb(body.length), ...body])([0x00, 0x23, 0x00, 0x0b]);

/**
 * The module of a scan for `pairs`: `scan(from, end)` and `lanes()` as {@link PairScan} has them,
 * and the global in which the one leaves the last block's lanes for the other. The scan's locals:
 * `from`, `end`, each pair's two bytes in every lane, the block, the block one byte on, and the
 * lanes where a pair starts.
 */
function moduleBytes(pairs: ReadonlyArray<readonly [number, number]>): Uint8Array {
  const [from, end] = [0, 1];
  const first = (pair: number) => 2 + 2 * pair;
  const block = 2 + 2 * pairs.length;
  const [next, hits] = [block + 1, block + 2];
  const body: number[] = [];
  pairs.forEach(([a, b], pair) => body.push(...op.v128Splat(a), ...op.localSet(first(pair)), ...op.v128Splat(b), ...op.localSet(first(pair) + 1)));
  body.push(...op.block, ...op.loop);
  body.push(...op.localGet(from), ...op.localGet(end), ...op.i32GeU, ...op.brIf(1));
  body.push(...op.localGet(from), ...op.v128Load(0), ...op.localSet(block), ...op.localGet(from), ...op.v128Load(1), ...op.localSet(next));
  pairs.forEach((_, pair) => {
    body.push(...op.localGet(block), ...op.localGet(first(pair)), ...op.i8x16Eq, ...op.localGet(next), ...op.localGet(first(pair) + 1), ...op.i8x16Eq, ...op.v128And);
    if (pair > 0) body.push(...op.v128Or);
  });
  body.push(...op.localSet(hits), ...op.localGet(hits), ...op.v128AnyTrue, ...op.brIf(1));
  body.push(...op.localGet(from), ...op.i32Const16, ...op.i32Add, ...op.localSet(from), ...op.br(0), ...op.end, ...op.end);
  // Out of the loop: at `end`, or at a block with hits, whose lanes the global keeps.
  body.push(...op.localGet(hits), ...op.i8x16Bitmask, ...op.globalSet(0), ...op.localGet(from), ...op.end);
  const code = [...vector([[...uleb(2 * pairs.length + 3), v128]]), ...body];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector([[0x60, ...vector([[i32], [i32]]), ...vector([[i32]])], [0x60, 0x00, ...vector([[i32]])]])),
    ...section(2, vector([[...name('m'), ...name('memory'), 0x02, 0x00, 0x01]])),
    ...section(3, vector([[0], [1]])),
    ...section(6, vector([[i32, 0x01, 0x41, 0x00, 0x0b]])),
    ...section(7, vector([[...name('scan'), 0x00, 0x00], [...name('lanes'), 0x00, 0x01]])),
    ...section(10, vector([[...uleb(code.length), ...code], lanesCode])),
  ]);
}

/** Whether this Node.js runs WebAssembly with SIMD (not under `--jitless`, say). */
export function simdAvailable(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(moduleBytes([[0x61, 0x62]]));
  } catch {
    return false;
  }
}

/** Makes the scan for `pairs` (at least one) over `memory`. */
export function pairScan(memory: WebAssembly.Memory, pairs: ReadonlyArray<readonly [number, number]>): PairScan {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes(pairs)), { m: { memory } });
  return instance.exports as unknown as PairScan;
}
