import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorOf, ByteSearch } from '../../src/loaders/byte-search.js';
import { pairScan, scanSlack, simdAvailable } from '../../src/loaders/simd-scan.js';
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

describe('pairScan', () => {
  it.runIf(simdAvailable())('stops at each block of 16 bytes where a pair starts, with the lanes it starts at', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const view = Buffer.from(memory.buffer);
    view.fill(0x2e);
    // "ab" at 3, straddling the first block's end at 15, and at 40; "xy" at 41.
    view.write('ab', 3, 'latin1');
    view.write('ab', 15, 'latin1');
    view.write('abxy', 40, 'latin1');
    const scan = pairScan(memory, [
      [0x61, 0x62],
      [0x78, 0x79],
    ]);
    expect(scan.scan(0, 64)).toBe(0);
    expect(scan.lanes()).toBe((1 << 3) | (1 << 15));
    expect(scan.scan(16, 64)).toBe(32);
    expect(scan.lanes()).toBe((1 << 8) | (1 << 10));
    expect(scan.scan(48, 64)).toBe(64);
    // A block that starts before `end` is searched whole: its caller tells which lanes count.
    expect(scan.scan(0, 16)).toBe(0);
    expect(scan.scan(16, 33)).toBe(32);
    // None before `end`: where the steps reached it, or passed it.
    expect(scan.scan(16, 32)).toBe(32);
    expect(scan.scan(16, 31)).toBe(32);
    expect(scanSlack).toBeGreaterThanOrEqual(17);
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
