/**
 * GitHub code scanning's `primaryLocationLineHash`, computed as its upload action computes it,
 * so that alerts keep their identity across uploads: for each line, a rolling hash (base 37,
 * unsigned 64-bit) of the next 100 characters that are not a space or a tab, counted from the
 * line's start, with CR and CRLF read as LF and an end-of-file marker; `hex:n`, where n counts the
 * lines of the file with an equal hash so far.
 *
 * 64-bit arithmetic runs on two 32-bit halves held in doubles: every intermediate stays below
 * 2^53, so it is exact, and far faster than BigInt.
 */
const window = 100;
const base = 37;
const endOfFile = 65535;
const two32 = 2 ** 32;
const [space, tab, lf, cr] = [32, 9, 10, 13];

/** 37^100 mod 2^64, as high and low 32-bit halves. */
const [firstHigh, firstLow] = (() => {
  let high = 0;
  let low = 1;
  for (let i = 0; i < window; i++) [high, low] = multiplyAdd(high, low, base, 0);
  return [high, low];
})();

/** (high·2^32 + low) · factor + addend, modulo 2^64; factor and addend are small. */
function multiplyAdd(high: number, low: number, factor: number, addend: number): [number, number] {
  const lowProduct = low * factor + addend;
  const carry = Math.floor(lowProduct / two32);
  return [(high * factor + carry) % two32, lowProduct - carry * two32];
}

const wrap = (value: number): number => ((value % two32) + two32) % two32;

function hex(high: number, low: number): string {
  return high === 0 ? low.toString(16) : `${high.toString(16)}${low.toString(16).padStart(8, '0')}`;
}

/**
 * The line hashes of `text` for lines 1 to `lastLine` (all lines when omitted), indexed by line
 * number. The text must be the file as stored, byte order mark included.
 */
export function lineHashes(text: string, lastLine = Number.POSITIVE_INFINITY): string[] {
  const hashes: string[] = [];
  const ring = new Array<number>(window).fill(0);
  const lineAt = new Array<number>(window).fill(-1);
  const counts = new Map<string, number>();
  let high = 0;
  let low = 0;
  let index = 0;
  let line = 0;
  let atLineStart = true;
  let afterCr = false;
  let done = false;

  const emit = (): void => {
    const value = hex(high, low);
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    const emitted = lineAt[index] as number;
    hashes[emitted] = `${value}:${count}`;
    lineAt[index] = -1;
    if (emitted >= lastLine) done = true;
  };

  const update = (current: number): void => {
    const leaving = ring[index] as number;
    ring[index] = current;
    // hash = 37·hash + current − 37^100·leaving, modulo 2^64.
    const lowSum = low * base + current - firstLow * leaving;
    const carry = Math.floor(lowSum / two32);
    low = lowSum - carry * two32;
    high = wrap(high * base - firstHigh * leaving + carry);
    index = (index + 1) % window;
  };

  const take = (code: number): void => {
    if (code === space || code === tab || (afterCr && code === lf)) {
      afterCr = false;
      return;
    }
    afterCr = code === cr;
    const current = afterCr ? lf : code;
    if (lineAt[index] !== -1) emit();
    if (atLineStart) {
      atLineStart = false;
      lineAt[index] = ++line;
    }
    if (current === lf) atLineStart = true;
    update(current);
  };

  for (let i = 0; i < text.length && !done; i++) take(text.charCodeAt(i));
  if (!done) take(endOfFile);
  for (let i = 0; i < window && !done; i++) {
    if (lineAt[index] !== -1) emit();
    update(0);
  }
  return hashes;
}
