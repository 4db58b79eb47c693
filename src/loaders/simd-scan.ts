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

const [i32, v128] = [0x7f, 0x7b];

/**
 * The instructions used here that take no immediate, by their names in WebAssembly's text format,
 * as their bytes (a block, loop or if of no result type; SIMD ones after their prefix, 0xfd).
 */
const opcodes = {
  'i32.eqz': [0x45], 'i32.eq': [0x46], 'i32.ne': [0x47], 'i32.lt_u': [0x49], 'i32.gt_u': [0x4b], 'i32.ge_u': [0x4f], 'i64.ne': [0x52], 'i32.ctz': [0x68], 'i32.add': [0x6a], 'i32.sub': [0x6b], 'i32.and': [0x71], 'i32.or': [0x72], 'i32.shl': [0x74],
  'block': [0x02, 0x40], 'loop': [0x03, 0x40], 'if': [0x04, 0x40], 'end': [0x0b], 'return': [0x0f],
  'i8x16.swizzle': [0xfd, 0x0e], 'i8x16.relaxed_swizzle': [0xfd, 0x80, 0x02], 'i16x8.shr_u': [0xfd, 0x8d, 0x01], 'i8x16.eq': [0xfd, 0x23], 'i8x16.ne': [0xfd, 0x24], 'i8x16.lt_u': [0xfd, 0x26], 'i8x16.gt_u': [0xfd, 0x28], 'v128.and': [0xfd, 0x4e], 'v128.or': [0xfd, 0x50], 'v128.any_true': [0xfd, 0x53], 'i8x16.bitmask': [0xfd, 0x64], 'i8x16.min_u': [0xfd, 0x77],
} as const;

/**
 * WebAssembly being written, a byte at a time, into one array: each instruction this file uses
 * is a method that writes its bytes. The modules are made as a scan starts and as it first
 * searches for a list of texts, in code V8 has not compiled yet, where every array made for a
 * part and spread into the next cost: made so, the modules of a scan took several milliseconds.
 */
class Code {
  readonly bytes: number[] = [];

  byte(value: number): this {
    this.bytes.push(value);
    return this;
  }

  /** Bytes written already elsewhere. */
  append(bytes: readonly number[]): this {
    for (let index = 0; index < bytes.length; index++) this.bytes.push(bytes[index]!);
    return this;
  }

  /** An unsigned LEB128 number. */
  uleb(value: number): this {
    do {
      let byte = value & 0x7f;
      value >>>= 7;
      if (value !== 0) byte |= 0x80;
      this.bytes.push(byte);
    } while (value !== 0);
    return this;
  }

  /** A signed LEB128 number of 32 bits, as `i32.const` takes it. */
  sleb(value: number): this {
    value |= 0;
    for (;;) {
      const byte = value & 0x7f;
      value >>= 7;
      const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
      this.bytes.push(done ? byte : byte | 0x80);
      if (done) return this;
    }
  }

  /** A signed LEB128 number of 64 bits, as `i64.const` takes it. */
  sleb64(value: bigint): this {
    for (;;) {
      const byte = Number(value & 0x7fn);
      value >>= 7n;
      const done = (value === 0n && (byte & 0x40) === 0) || (value === -1n && (byte & 0x40) !== 0);
      this.bytes.push(done ? byte : byte | 0x80);
      if (done) return this;
    }
  }

  /** A name: its length, then its characters (ASCII). */
  name(text: string): this {
    this.uleb(text.length);
    for (let index = 0; index < text.length; index++) this.bytes.push(text.charCodeAt(index));
    return this;
  }

  /** A section: its id, its length, then its content. */
  section(id: number, content: Code): this { return this.byte(id).uleb(content.bytes.length).append(content.bytes); }

  /** An instruction that takes no immediate. */
  op(name: keyof typeof opcodes): this {
    return this.append(opcodes[name]);
  }

  localGet(index: number): this { return this.byte(0x20).uleb(index); }
  localSet(index: number): this { return this.byte(0x21).uleb(index); }
  localTee(index: number): this { return this.byte(0x22).uleb(index); }
  i32Const(value: number): this { return this.byte(0x41).sleb(value); }
  i64Const(value: bigint): this { return this.byte(0x42).sleb64(BigInt.asIntN(64, value)); }
  i32Load8(offset: number): this { return this.byte(0x2d).byte(0x00).uleb(offset); }
  i64Load(offset: number): this { return this.byte(0x29).byte(0x00).uleb(offset); }
  br(depth: number): this { return this.byte(0x0c).uleb(depth); }
  brIf(depth: number): this { return this.byte(0x0d).uleb(depth); }
  v128Load(offset: number): this { return this.byte(0xfd).byte(0x00).byte(0x00).uleb(offset); }
  /** `v128.const` with `byte` in every lane. */
  v128Splat(byte: number): this {
    this.byte(0xfd).byte(0x0c);
    for (let lane = 0; lane < 16; lane++) this.bytes.push(byte);
    return this;
  }

  /** `v128.const` of 16 lanes. */
  v128Const(lanes: readonly number[]): this {
    return this.byte(0xfd).byte(0x0c).append(lanes);
  }
}

/**
 * A module of one function of type (i32) → i32, exported as `exportName`, over the imported
 * memory: `locals`, each a count of locals and their type, and `body`, its code.
 */
function moduleOf(exportName: string, locals: ReadonlyArray<readonly [number, number]>, body: Code): Uint8Array {
  const code = new Code().uleb(locals.length);
  for (const [count, type] of locals) code.uleb(count).byte(type);
  code.append(body.bytes).op('end');
  const module = new Code().append([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  module.section(1, new Code().uleb(1).byte(0x60).uleb(1).byte(i32).uleb(1).byte(i32));
  module.section(2, new Code().uleb(1).name('m').name('memory').byte(0x02).byte(0x00).byte(0x01));
  module.section(3, new Code().uleb(1).uleb(0));
  module.section(7, new Code().uleb(1).name(exportName).byte(0x00).byte(0x00));
  module.section(10, new Code().uleb(1).uleb(code.bytes.length).append(code.bytes));
  return new Uint8Array(module.bytes);
}

/**
 * Code that leaves the block it is in unless the memory at `start` (a local) holds `text`,
 * compared 8 bytes at a time, then byte by byte.
 */
function compareText(code: Code, start: number, text: Uint8Array): void {
  let at = 0;
  for (; at + 8 <= text.length; at += 8) {
    let word = 0n;
    for (let byte = 7; byte >= 0; byte--) word = (word << 8n) | BigInt(text[at + byte]!);
    code.localGet(start).i64Load(at).i64Const(word).op('i64.ne').brIf(0);
  }
  for (; at < text.length; at++) code.localGet(start).i32Load8(at).i32Const(text[at]!).op('i32.ne').brIf(0);
}

/** Bytes a scan passes over at a time while none of them starts a pair. */
const wideStep = 64;

/**
 * The most distinct pairs a scan finds by their bytes' halves (`nibbleTables`): a bit of a lane
 * for each. A scan for more compares every block with each pair.
 */
const nibbleBuckets = 8;

/**
 * Four tables of 16 lanes that tell, for each half of a byte, the pairs whose first byte (the
 * first two tables: by the low half, then the high one) or second byte (the last two) has that
 * half: pair `i` is bit `i`. A byte is a pair's first byte when the tables of both its halves
 * have the pair's bit, since one pair's byte has one low and one high half; so a block's bytes
 * are looked up, each half in its table ({@link Lookup}), and the lookups of a byte and of the
 * byte after it are and-ed, for every pair at once.
 */
function nibbleTables(pairs: ReadonlyArray<readonly [number, number]>): number[][] {
  const tables = [0, 1, 2, 3].map(() => new Array<number>(16).fill(0));
  pairs.forEach(([a, b], pair) => {
    tables[0]![a & 0x0f]! |= 1 << pair;
    tables[1]![a >> 4]! |= 1 << pair;
    tables[2]![b & 0x0f]! |= 1 << pair;
    tables[3]![b >> 4]! |= 1 << pair;
  });
  return tables;
}

/**
 * The module of a scan for `texts`: `find(end)` as {@link TextScan} has it. It looks in each
 * block of 16 bytes, and the block one byte on, for every distinct pair the texts are looked for
 * by: up to {@link nibbleBuckets} pairs, by {@link nibbleTables}, the same few instructions for
 * any number of them; more, by comparing the blocks with each pair. In a block where one starts,
 * it compares each text not found yet whole where its pair is, and it returns as soon as every
 * text is found. Most bytes start no pair: it looks at four blocks at once and passes over all 64
 * bytes when none does, and takes them a block at a time only when one does (a loop over 64 bytes
 * costs less than four over 16). Its locals: `end`, the block's start, the texts found, the lanes
 * left, a lane's place, a text's start there, where blocks are next taken four at a time, the
 * block, the block one byte on, the lanes where a pair starts, then the mask of a byte's low half
 * and the four tables, or each pair's two bytes in every lane.
 */
function findModule(texts: readonly ScanText[], lookup: Lookup): Uint8Array {
  const [end, from, found, lanes, at, start, stop, block, next, hits] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const pairOf = (text: ScanText) => [text.bytes[text.anchor]!, text.bytes[text.anchor + 1]!] as const;
  const pairs = [...new Map(texts.map((text) => [pairOf(text).join(','), pairOf(text)])).values()];
  const byTables = pairs.length <= nibbleBuckets;
  const [lowHalf, table] = [10, (index: number) => 11 + index];
  const first = (pair: number) => 10 + 2 * pair;
  const all = texts.length === 0 ? 0 : 2 ** texts.length - 1;
  const code = new Code();
  const swizzle = lookup === 'relaxed' ? 'i8x16.relaxed_swizzle' : 'i8x16.swizzle';
  /**
   * The pairs (a bit each, by the tables `low` and `high`) whose byte is each byte of `vector`,
   * left on the stack. The high halves are shifted down as 16-bit lanes and masked: WebAssembly
   * has an 8-bit shift, which V8 makes of more instructions.
   */
  const lookUp = (vector: number, low: number, high: number): void => {
    code.localGet(table(low)).localGet(vector).localGet(lowHalf).op('v128.and').op(swizzle);
    code.localGet(table(high)).localGet(vector).i32Const(4).op('i16x8.shr_u').localGet(lowHalf).op('v128.and').op(swizzle).op('v128.and');
  };
  /** The lanes of the block at `from` + `offset` where a pair starts (not 0 there), left on the stack. */
  const pairHits = (offset: number): void => {
    code.localGet(from).v128Load(offset).localSet(block).localGet(from).v128Load(offset + 1).localSet(next);
    if (byTables) {
      lookUp(block, 0, 1);
      lookUp(next, 2, 3);
      code.op('v128.and');
      return;
    }
    for (let pair = 0; pair < pairs.length; pair++) {
      code.localGet(block).localGet(first(pair)).op('i8x16.eq').localGet(next).localGet(first(pair) + 1).op('i8x16.eq').op('v128.and');
      if (pair > 0) code.op('v128.or');
    }
  };
  if (byTables) {
    code.v128Splat(0x0f).localSet(lowHalf);
    nibbleTables(pairs).forEach((lanes, index) => code.v128Const(lanes).localSet(table(index)));
  } else pairs.forEach(([a, b], pair) => code.v128Splat(a).localSet(first(pair)).v128Splat(b).localSet(first(pair) + 1));
  code.op('block').op('loop');
  // Four blocks at a time, while a whole step is before `end` and none of its bytes starts a pair;
  // then blocks one at a time until `stop`: past the step where one does, or to `end`.
  code.op('block').op('loop');
  code.localGet(from).i32Const(wideStep).op('i32.add').localGet(end).op('i32.gt_u');
  code.op('if').localGet(end).localSet(stop).br(2).op('end');
  for (let offset = 0; offset < wideStep; offset += 16) {
    pairHits(offset);
    if (offset > 0) code.op('v128.or');
  }
  code.op('v128.any_true').op('if').localGet(from).i32Const(wideStep).op('i32.add').localSet(stop).br(2).op('end');
  code.localGet(from).i32Const(wideStep).op('i32.add').localSet(from).br(0).op('end').op('end');
  code.op('block').op('loop');
  code.localGet(from).localGet(end).op('i32.ge_u').brIf(3);
  code.localGet(from).localGet(stop).op('i32.ge_u').brIf(1);
  pairHits(0);
  // By the tables, a lane where a pair starts holds the pairs' bits: its top bit is set for it.
  if (byTables) code.v128Splat(0).op('i8x16.ne');
  code.localTee(hits).op('v128.any_true').op('if');
  code.localGet(hits).op('i8x16.bitmask').localSet(lanes);
  // Each lane where a pair starts, lowest first, while before `end`.
  code.op('block').op('loop');
  code.localGet(lanes).op('i32.eqz').brIf(1);
  code.localGet(from).localGet(lanes).op('i32.ctz').op('i32.add').localTee(at).localGet(end).op('i32.ge_u').brIf(1);
  code.localGet(lanes).localGet(lanes).i32Const(1).op('i32.sub').op('i32.and').localSet(lanes);
  texts.forEach((text, index) => {
    const [a, b] = pairOf(text);
    const bit = 2 ** index;
    code.op('block');
    // Found already, not its pair here, or not wholly within the bytes: the next text.
    code.localGet(found).i32Const(bit).op('i32.and').brIf(0);
    code.localGet(at).i32Load8(0).i32Const(a).op('i32.ne').brIf(0);
    code.localGet(at).i32Load8(1).i32Const(b).op('i32.ne').brIf(0);
    code.localGet(at).i32Const(text.anchor).op('i32.lt_u').brIf(0);
    code.localGet(at).i32Const(text.anchor).op('i32.sub').localTee(start).i32Const(text.bytes.length).op('i32.add').localGet(end).op('i32.gt_u').brIf(0);
    compareText(code, start, text.bytes);
    code.localGet(found).i32Const(bit).op('i32.or').localTee(found).i32Const(all).op('i32.eq').op('if').localGet(found).op('return').op('end');
    code.op('end');
  });
  code.br(0).op('end').op('end');
  code.op('end');
  code.localGet(from).i32Const(16).op('i32.add').localSet(from).br(0).op('end').op('end');
  code.br(0).op('end').op('end');
  code.localGet(found);
  return moduleOf('find', [[6, i32], [byTables ? 8 : 3 + 2 * pairs.length, v128]], code);
}

/**
 * Code that looks at the memory 16 bytes at a time from `from` (a local) while before `limit` (a
 * local), and returns `answer` as soon as a byte before `limit` is one `marked` picks: `marked`
 * writes the code that leaves, for the block whose start `from` holds, a vector with the top bit
 * set in each lane it picks. `bits` (a local) keeps the lanes picked.
 */
function firstMarked(code: Code, limit: number, from: number, bits: number, marked: (code: Code) => void, answer: number): void {
  code.op('block').op('loop');
  code.localGet(from).localGet(limit).op('i32.ge_u').brIf(1);
  marked(code);
  code.op('i8x16.bitmask').localTee(bits);
  code.op('if');
  // A whole block before `limit`, or one of its lanes before it.
  code.localGet(limit).localGet(from).op('i32.sub').i32Const(16).op('i32.ge_u').op('if').i32Const(answer).op('return').op('end');
  code.localGet(bits).i32Const(1).localGet(limit).localGet(from).op('i32.sub').op('i32.shl').i32Const(1).op('i32.sub').op('i32.and');
  code.op('if').i32Const(answer).op('return').op('end');
  code.op('end');
  code.localGet(from).i32Const(16).op('i32.add').localSet(from).br(0);
  code.op('end').op('end');
}

/**
 * The module that tells whether the memory's first `limit` bytes hold a NUL: `nul(limit)`, 1 or
 * 0. It takes 64 bytes at a time while they are all before `limit` (the least of their four
 * blocks is 0 where any holds one), then 16. Its locals: `limit`, the block's start, and the lanes
 * of the block that hold one.
 */
function nulModule(): Uint8Array {
  const [limit, from, bits] = [0, 1, 2];
  const code = new Code();
  code.op('block').op('loop');
  code.localGet(from).i32Const(64).op('i32.add').localGet(limit).op('i32.gt_u').brIf(1);
  code.localGet(from).v128Load(0).localGet(from).v128Load(16).op('i8x16.min_u').localGet(from).v128Load(32).localGet(from).v128Load(48).op('i8x16.min_u').op('i8x16.min_u');
  code.v128Splat(0).op('i8x16.eq').op('v128.any_true').op('if').i32Const(1).op('return').op('end');
  code.localGet(from).i32Const(64).op('i32.add').localSet(from).br(0);
  code.op('end').op('end');
  firstMarked(code, limit, from, bits, (marked) => marked.localGet(from).v128Load(0).v128Splat(0).op('i8x16.eq'), 1);
  code.i32Const(0);
  return moduleOf('nul', [[2, i32]], code);
}

/**
 * The module that tells whether the memory's first `end` bytes are all line feeds and printable
 * ASCII: `plain(end)`, 1 or 0. A byte is not when it is below a space but a line feed, or above
 * `~`. Its locals: `end`, the block's start, the lanes of the block that are not, and the block.
 */
function plainModule(): Uint8Array {
  const [end, from, bits, block] = [0, 1, 2, 3];
  const notPlain = (code: Code): void => {
    code.localGet(from).v128Load(0).localTee(block).v128Splat(0x20).op('i8x16.lt_u');
    code.localGet(block).v128Splat(0x0a).op('i8x16.ne').op('v128.and');
    code.localGet(block).v128Splat(0x7e).op('i8x16.gt_u').op('v128.or');
  };
  const code = new Code();
  firstMarked(code, end, from, bits, notPlain, 0);
  code.i32Const(1);
  return moduleOf('plain', [[2, i32], [1, v128]], code);
}

/** The NUL and plain-text modules' bytes, made once: every byte search makes both. */
let fixedModules: { nul: Uint8Array; plain: Uint8Array } | undefined;
const fixed = () => (fixedModules ??= { nul: nulModule(), plain: plainModule() });

/**
 * How a scan looks a block's bytes up in its tables: `relaxed`, by `i8x16.relaxed_swizzle`, where
 * WebAssembly has relaxed SIMD (Node.js 22 and later), one instruction on x86-64 where
 * `i8x16.swizzle` (`strict`) is two. The two differ only for a lane of 16 or more, and every lane
 * looked up is a half of a byte, below 16.
 */
export type Lookup = 'relaxed' | 'strict';

/** The lookup this Node.js runs, once known. */
let lookupOfThisNode: Lookup | undefined;

/** The lookup this Node.js runs: relaxed where it validates a module that uses it. */
export function lookupHere(): Lookup {
  if (lookupOfThisNode === undefined) {
    const relaxed = moduleOf('f', [], new Code().v128Splat(0).v128Splat(0).op('i8x16.relaxed_swizzle').op('v128.any_true'));
    try {
      lookupOfThisNode = WebAssembly.validate(relaxed) ? 'relaxed' : 'strict';
    } catch {
      lookupOfThisNode = 'strict';
    }
  }
  return lookupOfThisNode;
}

/** Whether this Node.js runs WebAssembly with SIMD (not under `--jitless`, say). */
export function simdAvailable(): boolean {
  try {
    return typeof WebAssembly === 'object' && [findModule([{ bytes: new Uint8Array([0x61, 0x62]), anchor: 0 }], 'strict'), fixed().nul, fixed().plain].every((module) => WebAssembly.validate(module));
  } catch {
    return false;
  }
}

function instantiate(bytes: Uint8Array, memory: WebAssembly.Memory): unknown {
  return new WebAssembly.Instance(new WebAssembly.Module(bytes), { m: { memory } }).exports;
}

/**
 * Makes the scan for `texts` (at most {@link textsPerScan}, each two bytes or longer) over
 * `memory`. `lookup`: the one this Node.js runs, unless a test asks for the other.
 */
export function textScan(memory: WebAssembly.Memory, texts: readonly ScanText[], lookup: Lookup = lookupHere()): TextScan {
  if (texts.length > textsPerScan) throw new RangeError(`a scan looks for at most ${textsPerScan} texts`);
  return instantiate(findModule(texts, lookup), memory) as TextScan;
}

/** Makes the function that tells whether the first `limit` bytes of `memory` hold a NUL. */
export function nulScan(memory: WebAssembly.Memory): (limit: number) => boolean {
  const { nul } = instantiate(fixed().nul, memory) as { nul(limit: number): number };
  return (limit) => nul(limit) !== 0;
}

/** Makes the function that tells whether the first `end` bytes of `memory` are all line feeds and printable ASCII. */
export function plainScan(memory: WebAssembly.Memory): (end: number) => boolean {
  const { plain } = instantiate(fixed().plain, memory) as { plain(end: number): number };
  return (end) => plain(end) !== 0;
}
