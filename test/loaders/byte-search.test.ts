import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorOf, ByteSearch } from '../../src/loaders/byte-search.js';
import { lookupHere, nulScan, plainScan, scanSlack, simdAvailable, textScan, textsPerScan, type Lookup } from '../../src/loaders/simd-scan.js';
import { cliPath, makeTree } from '../helpers.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('anchorOf', () => {
  it('takes the pair of neighbouring bytes rarest in code together, the first of equals', () => {
    expect(anchorOf(bytes('zonaws'))).toBe(0);
    expect(anchorOf(bytes('GLOBAL'))).toBe(0);
    expect(anchorOf(bytes('gacy'))).toBe(2);
    expect(anchorOf(bytes('add_service_account'))).toBe(2);
    expect(anchorOf(bytes('aa'))).toBe(0);
  });

  it('counts bytes outside printable ASCII as the rarest', () => {
    expect(anchorOf(Buffer.from('aaaaé-bbbb'))).toBe(4);
  });
});

describe.runIf(simdAvailable())('textScan', () => {
  /** A memory of dots with `texts` written at their places. */
  function memoryWith(placed: ReadonlyArray<[string, number]>): WebAssembly.Memory {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const view = Buffer.from(memory.buffer);
    view.fill(0x2e);
    for (const [text, at] of placed) view.write(text, at, 'latin1');
    return memory;
  }
  const scanText = (text: string) => ({ bytes: bytes(text), anchor: anchorOf(bytes(text)) });

  it('answers with a bit for each text found: first, straddling a block, last, and none past `end`', () => {
    const memory = memoryWith([
      ['ab', 0],
      ['xyz', 14],
      ['zonaws', 58],
    ]);
    const scan = textScan(memory, ['ab', 'xyz', 'zonaws', 'missing'].map(scanText));
    expect(scan.find(64)).toBe(0b0111);
    expect(scan.find(63)).toBe(0b0011);
    expect(scan.find(17)).toBe(0b0011);
    expect(scan.find(16)).toBe(0b0001);
    expect(scan.find(1)).toBe(0);
    expect(scan.find(0)).toBe(0);
    expect(scanSlack).toBeGreaterThanOrEqual(17);
  });

  it('compares a text whole around its pair, wherever the pair falls in it, and not before the bytes start', () => {
    // `add_service_account` is looked for by `d_`, two bytes in; `_service_account` starts with it too.
    const memory = memoryWith([
      ['d_service_account', 0],
      ['add_service_accoun', 30],
      ['add_service_account', 100],
    ]);
    const scan = textScan(memory, [scanText('add_service_account')]);
    expect(anchorOf(bytes('add_service_account'))).toBe(2);
    expect(scan.find(99)).toBe(0);
    expect(scan.find(119)).toBe(1);
    expect(scan.find(118)).toBe(0);
  });

  it('tells apart texts that share their pair, and texts of 8, 9, 16 and 17 bytes', () => {
    const texts = ['zonaws', 'eks.amazonaws.com/role-arn', '12345678', '123456789', 'abcdefghijklmnop', 'abcdefghijklmnopq'];
    const memory = memoryWith([
      ['eks.amazonaws.com/role-arn', 3],
      ['x12345678x', 40],
      ['abcdefghijklmnopq', 80],
    ]);
    const scan = textScan(memory, texts.map(scanText));
    // Not `123456789`: a `x` follows `12345678`.
    expect(scan.find(200)).toBe(0b110111);
    expect(scan.find(96)).toBe(0b010111);
    expect(scan.find(95)).toBe(0b000111);
  });

  it('finds a text at every place of the 64-byte steps it passes over, and none that `end` cuts', () => {
    // Dots hold no pair: the scan passes over 64 bytes at a time until the step that holds the text.
    for (let at = 0; at < 200; at++) {
      const scan = textScan(memoryWith([['zonaws', at]]), [scanText('zonaws'), scanText('GLOBAL')]);
      expect(scan.find(256), `at ${at}`).toBe(0b01);
      expect(scan.find(at + 6), `ending with it at ${at}`).toBe(0b01);
      expect(scan.find(at + 5), `cut at ${at}`).toBe(0);
    }
    // A pair in one step, the text in the next: the block at a time goes on past the first.
    const scan = textScan(memoryWith([['zo', 60], ['zonaws', 130]]), [scanText('zonaws')]);
    expect(scan.find(256)).toBe(1);
    expect(scan.find(135)).toBe(0);
  });

  it('answers as Buffer.includes does, by its tables (up to 8 pairs) or by comparing each pair, with either lookup', () => {
    // Bytes that share a half with others (0x61 and 0x71, 0x61 and 0x62, 0xe1 and 0x61 …): a
    // lookup by the halves of one pair's byte must not answer for another's.
    const alphabet = fc.constantFrom(0x61, 0x71, 0x62, 0x72, 0xe1, 0xf2, 0x0a, 0x16);
    const text = fc.array(alphabet, { minLength: 2, maxLength: 10 });
    const lookups: Lookup[] = lookupHere() === 'relaxed' ? ['relaxed', 'strict'] : ['strict'];
    const memory = new WebAssembly.Memory({ initial: 1 });
    const view = Buffer.from(memory.buffer);
    let tables = 0;
    fc.assert(
      fc.property(fc.uniqueArray(text, { minLength: 1, maxLength: 14, selector: (each) => each.join(',') }), fc.array(alphabet, { maxLength: 300 }), fc.nat(320), fc.constantFrom(...lookups), (texts, bytesOf, end, lookup) => {
        const haystack = Buffer.from(bytesOf);
        view.fill(0);
        haystack.copy(view);
        const limit = Math.min(end, haystack.length);
        const scanTexts = texts.map((each) => ({ bytes: Uint8Array.from(each), anchor: anchorOf(Uint8Array.from(each)) }));
        if (new Set(scanTexts.map(({ bytes: each, anchor }) => `${each[anchor]},${each[anchor + 1]}`)).size <= 8) tables++;
        const expected = texts.reduce((bits, each, index) => (haystack.subarray(0, limit).includes(Buffer.from(each)) ? bits | (1 << index) : bits), 0);
        expect(textScan(memory, scanTexts, lookup).find(limit)).toBe(expected);
      }),
      { numRuns: 400 },
    );
    // Both ways were tried.
    expect(tables).toBeGreaterThan(40);
    expect(tables).toBeLessThan(360);
  });

  it('looks for at most as many texts as its answer has bits', () => {
    const memory = memoryWith([]);
    const many = Array.from({ length: textsPerScan + 1 }, (_, index) => scanText(`t${String(index).padStart(2, '0')}`));
    expect(textScan(memory, many.slice(0, textsPerScan)).find(64)).toBe(0);
    expect(() => textScan(memory, many)).toThrow(RangeError);
  });
});

describe.runIf(simdAvailable())('nulScan', () => {
  it('finds a NUL before `limit` only: 64 bytes at a time, then in a whole block or in part of one', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const view = Buffer.from(memory.buffer);
    const nul = nulScan(memory);
    view.fill(0x61);
    expect(nul(200)).toBe(false);
    for (const at of [0, 15, 16, 37, 63, 64, 99, 130, 191, 192, 199]) {
      view.fill(0x61);
      view[at] = 0;
      expect(nul(at + 1), `NUL at ${at}`).toBe(true);
      expect(nul(at), `NUL at ${at}`).toBe(false);
      expect(nul(200), `NUL at ${at}`).toBe(true);
      expect(nul(at + 64), `NUL at ${at}`).toBe(true);
    }
    expect(nul(0)).toBe(false);
  });
});

describe.runIf(simdAvailable())('plainScan', () => {
  it('tells line feeds and printable ASCII from every other byte, before `end` only', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const view = Buffer.from(memory.buffer);
    const plain = plainScan(memory);
    const isPlain = (byte: number) => byte === 0x0a || (byte >= 0x20 && byte <= 0x7e);
    for (let byte = 0; byte < 256; byte++) {
      for (const at of [0, 15, 16, 40]) {
        view.fill(0x61, 0, 100);
        view.fill(0x0a, 100, 200);
        view[at] = byte;
        expect(plain(100), `byte ${byte} at ${at}`).toBe(isPlain(byte));
        expect(plain(at), `byte ${byte} at ${at}`).toBe(true);
      }
    }
    view.fill(0x61, 0, 100);
    view[100] = 0;
    expect(plain(100)).toBe(true);
    expect(plain(101)).toBe(false);
    expect(plain(0)).toBe(true);
  });
});

/** What a search answers of each text, as `Buffer.includes` has it. */
function expected(haystack: Buffer, texts: readonly string[]): boolean[] {
  return texts.map((text) => haystack.includes(Buffer.from(text)));
}

describe.each([
  ['with SIMD', true],
  ['without SIMD', false],
])('ByteSearch %s', (_, simd) => {
  it.runIf(!simd || simdAvailable())('finds each text wherever it is: first, last, across blocks, in a file shorter than a block', () => {
    const search = new ByteSearch({ simd });
    const texts = ['zonaws', 'ServiceAccount', 'gacy', '-global'];
    const ids = texts.map((text) => search.text(text));
    const files = [
      'zonaws',
      'x'.repeat(10) + 'ServiceAccount',
      'x'.repeat(14) + 'gacy' + 'y'.repeat(40),
      'a'.repeat(31) + '-global',
      'gac' + 'x'.repeat(100) + 'y',
      'ServiceAccoun',
      '',
      'Se' + 'x'.repeat(16) + 'rviceAccount-globa',
    ];
    for (const file of files) {
      search.start(bytes(file));
      expect(
        ids.map((id) => search.holds(id)),
        file,
      ).toEqual(expected(bytes(file), texts));
      search.start(bytes(file));
      expect(search.holdsAny(ids)).toBe(expected(bytes(file), texts).some(Boolean));
    }
  });

  it.runIf(!simd || simdAvailable())('answers as Buffer.includes does, for any bytes and texts', () => {
    // Few distinct bytes, so that texts and their pairs turn up often, partly and whole.
    const alphabet = fc.constantFrom(...'abcS_-\u00e9\n');
    const text = fc.array(alphabet, { minLength: 2, maxLength: 6 }).map((characters) => characters.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(text, { minLength: 1, maxLength: 6 }), fc.array(fc.array(alphabet, { maxLength: 200 }).map((characters) => characters.join('')), { maxLength: 4 }), (texts, files) => {
        const search = new ByteSearch({ simd });
        const ids = texts.map((each) => search.text(each));
        for (const file of files) {
          const haystack = Buffer.from(file);
          search.start(haystack);
          // Half the texts in one pass, then each alone.
          search.search(ids.filter((_, index) => index % 2 === 0));
          expect(ids.map((id) => search.holds(id))).toEqual(expected(haystack, texts));
        }
      }),
      { numRuns: 300 },
    );
  });

  it.runIf(!simd || simdAvailable())('searches a file read into its buffer where it is, and grows the buffer for a larger one', () => {
    const search = new ByteSearch({ simd });
    const id = search.text('needle');
    const small = search.buffer(10);
    small.write('a needle', 0, 'latin1');
    search.start(small.subarray(0, 8));
    expect(search.holds(id)).toBe(true);
    const size = 3 << 20;
    const large = search.buffer(size);
    expect(large.length).toBeGreaterThanOrEqual(size);
    large.fill(0x61, 0, size);
    large.write('needle', size - 6, 'latin1');
    search.start(large.subarray(0, size));
    expect(search.holds(id)).toBe(true);
    search.start(large.subarray(0, size - 1));
    expect(search.holds(id)).toBe(false);
  });

  it.runIf(!simd || simdAvailable())('answers as Buffer.includes does for texts longer than a word, as lastIndexOf does for a NUL, and tells plain text, alike on bytes started on where they were read', () => {
    const alphabet = fc.constantFrom(...'ab\u0000\n\t~\u007f\u00e9');
    const text = fc.array(fc.constantFrom(...'ab'), { minLength: 2, maxLength: 20 }).map((characters) => characters.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(text, { minLength: 1, maxLength: 8 }), fc.array(alphabet, { maxLength: 300 }), fc.nat(320), (texts, characters, limit) => {
        const search = new ByteSearch({ simd });
        const ids = texts.map((each) => search.text(each));
        const haystack = Buffer.from(characters.join(''), 'latin1');
        search.start(haystack);
        search.search(ids);
        expect(ids.map((id) => search.holds(id))).toEqual(expected(haystack, texts));
        const before = Math.min(limit, haystack.length);
        const answers = { holds: expected(haystack, texts), nul: before > 0 && haystack.subarray(0, before).includes(0), plain: !/[^\n\x20-\x7E]/.test(haystack.toString('latin1')) };
        expect({ holds: ids.map((id) => search.holds(id)), nul: search.holdsNul(limit), plain: search.plain() }).toEqual(answers);
        // Read into the search's buffer and started on there, with no Buffer made for them.
        const buffer = search.buffer(haystack.length);
        haystack.copy(buffer);
        search.startWith(buffer, haystack.length);
        expect({ holds: ids.map((id) => search.holds(id)), nul: search.holdsNul(limit), plain: search.plain() }).toEqual(answers);
      }),
      { numRuns: 300 },
    );
  });

  it.runIf(!simd || simdAvailable())('keeps what a buffer held when a file outgrows it', () => {
    const search = new ByteSearch({ simd });
    const first = search.buffer(0);
    const kept = Math.min(first.length, 4096);
    for (let at = 0; at < kept; at++) first[at] = at & 0xff;
    const size = 8 << 20;
    const larger = search.bufferKeeping(first, kept, size);
    expect(larger.length).toBeGreaterThanOrEqual(size);
    for (let at = 0; at < kept; at++) expect(larger[at]).toBe(at & 0xff);
    // Asked for no more than it holds, the same buffer.
    expect(search.bufferKeeping(larger, kept, 10)).toBe(larger);
  });

  it.runIf(!simd || simdAvailable())('forgets what it found when it starts on the next file', () => {
    const search = new ByteSearch({ simd });
    const id = search.text('STS_REG');
    search.start(bytes('AWS_STS_REGIONAL_ENDPOINTS'));
    expect(search.holds(id)).toBe(true);
    search.start(bytes('nothing'));
    expect(search.holds(id)).toBe(false);
  });
});

describe('ByteSearch texts', () => {
  it('gives a text its id once, and refuses one shorter than two bytes', () => {
    const search = new ByteSearch();
    expect(search.text('cdk')).toBe(search.text('cdk'));
    expect(search.text('pulumi')).not.toBe(search.text('cdk'));
    expect(() => search.text('x')).toThrow(RangeError);
  });
});

describe('the command line without WebAssembly', () => {
  it('reports as it does with it: under `node --jitless` each text is a Buffer search', () => {
    const root = makeTree({
      'app/client.py': 'import boto3\nsts = boto3.client("sts", endpoint_url="https://sts.amazonaws.com")\n',
      'app/config.go': 'cfg.Region = "aws-global"\n',
      'lib/plain.js': `${'const a = 1;\n'.repeat(500)}// legacy, but no setting named\n`,
      'infra/main.tf': 'resource "kubernetes_service_account" "app" {\n  metadata {\n    name = "app"\n    annotations = { "eks.amazonaws.com/role-arn" = "arn:aws:iam::111122223333:role/app" }\n  }\n}\n',
      'cdk/stack.ts': "import * as eks from 'aws-cdk-lib/aws-eks';\ncluster.addServiceAccount('app', { name: 'app' });\n",
    });
    const scan = (flags: string[]) => spawnSync(process.execPath, [...flags, cliPath, 'scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } });
    const [withSimd, without] = [scan([]), scan(['--jitless'])];
    expect(without.status).toBe(0);
    expect(without.stdout).toBe(withSimd.stdout);
    const report = JSON.parse(without.stdout) as { findings: Array<{ location?: { path: string } }>; inputs: { files: number } };
    expect(report.findings.map((finding) => finding.location?.path)).toContain('app/client.py');
    expect(report.inputs.files).toBe(5);
  });
});
