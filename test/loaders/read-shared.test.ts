import { spawnSync } from 'node:child_process';
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, readFileSync, realpathSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesRead, inspectRead, NotRegularFile, readSize } from '../../src/loaders/code-screen.js';
import { mountPoints, shortReadsEndFiles, shortReadsEndFilesBelow } from '../../src/loaders/short-reads.js';
import { fileKind, type CodeKind } from '../../src/loaders/file-kinds.js';
import { readFiles } from '../../src/loaders/read-files.js';

// readSize reads a file until a read gives nothing, asking its size only once it fills the
// buffer (1,114,080 bytes at first: 17 pages of WebAssembly memory, less 32 bytes of slack) or
// passes the limit, and whether it is a regular file only when a read fails or gives nothing.

const firstBuffer = 17 * 65536 - 32;
const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-read-'));

/** A file of `size` bytes whose every byte tells where it is. */
function fileOf(size: number): { file: string; bytes: Buffer } {
  const bytes = Buffer.alloc(size);
  for (let at = 0; at < size; at++) bytes[at] = (at * 7 + (at >> 11)) & 0xff;
  const file = path.join(folder, `file-${size}`);
  writeFileSync(file, bytes);
  return { file, bytes };
}

// Each as it reads below a root where a short read ends a file (a local file system) and below one where it does not.
/** A file's size and bytes as readSize reads them: no bytes when it is larger than `maxBytes`. */
function readWhole(file: string, maxBytes: number, shortReadEnds = false): { bytes: Buffer; size: number } {
  const size = readSize(file, maxBytes, shortReadEnds);
  return { bytes: size > maxBytes ? Buffer.alloc(0) : bytesRead(size), size };
}

describe.each([false, true])('readSize, a short read ending a file: %s', (shortReadEnds) => {
  it.each([0, 1, 4096, firstBuffer - 1, firstBuffer, firstBuffer + 1, 3 * 1024 * 1024 + 5])('reads a file of %i bytes whole', (size) => {
    const { file, bytes } = fileOf(size);
    const read = readWhole(file, 16 * 1024 * 1024, shortReadEnds);
    expect(read.size).toBe(size);
    expect(read.bytes.equals(bytes)).toBe(true);
  });

  it.each([
    [100, 100, true],
    [101, 100, false],
    [firstBuffer, firstBuffer, true],
    [firstBuffer + 1, firstBuffer, false],
    [3 * 1024 * 1024, firstBuffer + 1, false],
  ])('a file of %i bytes under a limit of %i bytes: read, %s; else its true size and no bytes', (size, maxBytes, whole) => {
    const { file, bytes } = fileOf(size);
    const read = readWhole(file, maxBytes, shortReadEnds);
    expect(read.size).toBe(size);
    if (whole) expect(read.bytes.equals(bytes)).toBe(true);
    else expect(read.bytes.length).toBe(0);
  });

  it('refuses a FIFO without waiting for a writer, a device and a folder as not regular files', () => {
    const fifo = path.join(folder, `pipe-${shortReadEnds}`);
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(() => readWhole(fifo, 1024, shortReadEnds)).toThrow(NotRegularFile);
    // /dev/zero fills the buffer: only then is its size asked, and it has none.
    expect(() => readWhole('/dev/zero', 16 * 1024 * 1024, shortReadEnds)).toThrow(NotRegularFile);
    const inner = path.join(folder, `inner-${shortReadEnds}`);
    mkdirSync(inner);
    expect(() => readWhole(inner, 1024, shortReadEnds)).toThrow(NotRegularFile);
  });
});

describe('a short read ending a file', () => {
  it('where the root is on a local file system with nothing mounted below it', () => {
    const ext4 = 0xef53;
    expect(shortReadsEndFiles(ext4, '/work/repo', ['/', '/proc', '/work', '/work/repository'])).toBe(true);
    expect(shortReadsEndFiles(ext4, '/work/repo', ['/', '/work/repo'])).toBe(true);
    expect(shortReadsEndFiles(ext4, '/work/repo', ['/', '/work/repo/vendor/cache'])).toBe(false);
    expect(shortReadsEndFiles(ext4, '/', ['/', '/proc'])).toBe(false);
    expect(shortReadsEndFiles(0x01021994, '/tmp/x', ['/'])).toBe(true);
    // FUSE, NFS and SMB may give fewer bytes than asked before a file's end.
    for (const type of [0x65735546, 0x6969, 0xfe534d42]) expect(shortReadsEndFiles(type, '/work/repo', ['/'])).toBe(false);
  });

  it("reads the mount points from /proc/self/mountinfo, unescaped, and asks this machine's", () => {
    const mountinfo = '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n28 27 0:25 / /work/my\\040repo/mnt ro - fuse.sshfs host:/ ro\n';
    expect(mountPoints(mountinfo)).toEqual(['/', '/work/my repo/mnt']);
    expect(shortReadsEndFiles(0xef53, '/work/my repo', mountPoints(mountinfo))).toBe(false);
    const below = shortReadsEndFilesBelow(folder);
    if (process.platform === 'linux') {
      expect(below).toBe(shortReadsEndFiles(statfsSync(folder).type, realpathSync.native(folder), mountPoints(readFileSync('/proc/self/mountinfo', 'utf8'))));
    } else expect(below).toBe(false);
    expect(shortReadsEndFilesBelow(path.join(folder, 'missing'))).toBe(false);
  });

  it('refuses a FIFO swapped in for a file with bytes waiting in it, either way, without blocking: a read at a position fails on it', () => {
    const fifo = path.join(folder, 'pipe-with-bytes');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // Held open for writing here, so that the FIFO has a writer and a read of it waits on nothing.
    const writer = openSync(fifo, constants.O_RDWR);
    try {
      writeSync(writer, 'kind: Pod\n');
      expect(() => readWhole(fifo, 1024, true)).toThrow(NotRegularFile);
      expect(() => readWhole(fifo, 1024, false)).toThrow(NotRegularFile);
    } finally {
      closeSync(writer);
    }
  });
});

describe('readSize', () => {
  // That a screen where the bytes were read answers as one of a Buffer of them does is ByteSearch's
  // (test/loaders/byte-search.test.ts): here, the bytes are those of the file, in the memory or past it.
  it('reads a file into the memory or past it, and screens it there with its kind as without', () => {
    const content = fc.constantFrom('', 'x', 'const a = 1;\n', 'sts.amazonaws.com', 'legacy sts_regional_endpoints', 'releases:\n', 'eks.amazonaws.com/role-arn', '\u0000', 'aws-global');
    let index = 0;
    fc.assert(
      fc.property(fc.array(content, { maxLength: 6 }), fc.constantFrom(0, 1000, firstBuffer - 40, firstBuffer + 10), fc.constantFrom('app.ts', 'values.yaml.gotmpl', 'go.mod', 'main.tf'), (parts, padding, name) => {
        const bytes = Buffer.concat([Buffer.alloc(padding, 0x61), Buffer.from(parts.join('\n'))]);
        const file = path.join(folder, `screened-${index++}-${name}`);
        writeFileSync(file, bytes);
        const size = readSize(file, 16 * 1024 * 1024);
        expect(size).toBe(bytes.length);
        expect(bytesRead(size).equals(bytes)).toBe(true);
        const where = inspectRead(name, size);
        expect(inspectRead(name, size, fileKind(name) as CodeKind)).toEqual(where);
        if (bytes.subarray(0, 8000).includes(0)) expect(where).toEqual({ binary: true });
        else if (parts.includes('sts.amazonaws.com') || parts.includes('aws-global')) expect(where).toMatchObject({ screened: true, read: true });
      }),
      { numRuns: 150 },
    );
  });

  it('reads files below a root where a short read ends a file as it reads them elsewhere', () => {
    const content = fc.constantFrom('', 'kind: Pod\n', 'const a = 1;\n', 'sts.amazonaws.com', 'legacy sts_regional_endpoints', '\u0000', 'é');
    let index = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a.yaml', 'b.ts', 'go.mod', 'c.py'), fc.array(content, { maxLength: 5 }), fc.constantFrom(0, 4096, firstBuffer - 8, firstBuffer + 8)), { maxLength: 4 }), (specs) => {
        const files = specs.map(([name, parts, padding]) => {
          const file = `short-${index++}-${name}`;
          writeFileSync(path.join(folder, file), Buffer.concat([Buffer.alloc(padding, 0x61), Buffer.from(parts.join('\n'))]));
          return { path: file, openPath: path.join(folder, file) };
        });
        const outcomes = () => ({ skipped: [] as Array<{ path: string; reason: string }>, errors: [] as Array<{ path: string; message: string }> });
        const [untilNothing, untilShort] = [outcomes(), outcomes()];
        expect(readFiles(files, 1 << 22, untilShort, undefined, true)).toEqual(readFiles(files, 1 << 22, untilNothing, undefined, false));
        expect(untilShort).toEqual(untilNothing);
      }),
      { numRuns: 60 },
    );
  });

  it('throws what opening a missing file throws', () => {
    expect(() => readWhole(path.join(folder, 'missing'), 1024)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});

describe('readFiles, manifests', () => {
  /**
   * What reading a manifest gave before its bytes were looked at first: its text decoded as
   * UTF-8, skipped as binary for a NUL among its first 8,000 characters, an error for a
   * replacement character that comes of bytes that are not UTF-8.
   */
  function decodedAsText(bytes: Buffer): { text: string } | { binary: true } | { invalid: true } {
    const text = bytes.toString('utf8');
    if (text.slice(0, 8000).includes('\0')) return { binary: true };
    if (text.includes('\uFFFD') && !isUtf8(bytes)) return { invalid: true };
    return { text };
  }

  it('reads any bytes as it did when it decoded them first, and marks plain text', () => {
    const byte = fc.constantFrom(0x61, 0x3a, 0x20, 0x0a, 0x09, 0x0d, 0x00, 0x7e, 0x7f, 0x80, 0xc3, 0xa9, 0xef, 0xbb, 0xbf, 0xff);
    let index = 0;
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 120 }), fc.constantFrom(0, 7990, 8100), (tail, padding) => {
        const bytes = Buffer.concat([Buffer.alloc(padding, 0x61), Buffer.from(tail)]);
        const name = `manifest-${index++}.yaml`;
        writeFileSync(path.join(folder, name), bytes);
        const outcomes = { skipped: [] as Array<{ path: string; reason: string }>, errors: [] as Array<{ path: string; message: string }> };
        const [read] = readFiles([{ path: name, openPath: path.join(folder, name) }], 1 << 20, outcomes);
        const expected = decodedAsText(bytes);
        if ('binary' in expected) expect(outcomes.skipped).toEqual([{ path: name, reason: 'binary file' }]);
        else if ('invalid' in expected) expect(outcomes.errors).toEqual([{ path: name, message: 'not valid UTF-8 text' }]);
        else {
          expect(read?.text).toBe(expected.text);
          expect(read && 'plain' in read && read.plain).toBe(bytes.every((each) => each === 0x0a || (each >= 0x20 && each <= 0x7e)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
