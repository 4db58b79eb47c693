import { describe, expect, it } from 'vitest';
import { run } from '../../src/engine/run.js';
import { FileSource, type SourceText } from '../../src/loaders/file-source.js';
import { yaml } from '../helpers.js';
import { deployment, irsaAccount, regionalCluster } from '../rules/fixtures.js';
import type { Inputs, Source, SourceItem, SourceNeeds } from '../../src/model/source.js';

/** A source that hands over another's items one at a time, asynchronously, as a network source does. */
class Paced implements Source<AsyncIterable<SourceItem>> {
  pulled = 0;
  constructor(private readonly inner: FileSource) {}
  async *read(needs: SourceNeeds, inputs: Inputs): AsyncIterable<SourceItem> {
    for (const item of this.inner.read(needs, inputs)) {
      await new Promise((resolve) => setImmediate(resolve));
      this.pulled++;
      yield item;
    }
  }
  profiles() {
    return this.inner.profiles();
  }
  texts() {
    return this.inner.texts();
  }
}

const texts: SourceText[] = [
  // The workload comes before its account: it is checked again once the account is read.
  { path: 'deploy.yaml', text: deployment(['env:', '  - name: AWS_STS_REGIONAL_ENDPOINTS', '    value: legacy', '  - name: AWS_REGION', '    value: us-west-2']) },
  { path: 'sa.yaml', text: irsaAccount },
  { path: 'app.py', text: 'sts = boto3.client("sts", endpoint_url="https://sts.amazonaws.com")  # sts-audit-ignore STS008 -- a test double\n' },
  { path: 'bad.yaml', text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: [oops') },
];

describe('the run', () => {
  it('reports the same on a source read synchronously or pulled asynchronously', async () => {
    const settings = { ...regionalCluster, lineHashes: true, suppressions: { reportUnused: true } };
    const sync = run(new FileSource({ texts }, settings), settings);
    const paced = new Paced(new FileSource({ texts }, settings));
    const pulled = await run(paced, settings);
    expect(pulled).toEqual(sync);
    // Each file with an object or a text to check is an item; bad.yaml, an error, is none.
    expect(paced.pulled).toBe(3);
    expect(sync.report.findings.map((finding) => `${finding.ruleId} ${finding.location?.path}:${finding.location?.startLine} ${finding.suppressed?.kind ?? 'open'}`)).toEqual([
      'STS008 app.py:1 inline',
      'STS006 deploy.yaml:16 open',
      'STS013 deploy.yaml:17 open',
    ]);
    expect(sync.report.inputs).toMatchObject({ files: 4, documents: 2, objects: 2, errors: [{ path: 'bad.yaml' }] });
  });

  it('lets the parse of a workload that waits for its account go, and finds its positions again from the text', () => {
    const released: string[] = [];
    const source = new FileSource({ texts }, regionalCluster);
    const releasing: Source<Iterable<SourceItem>> = {
      *read(needs, inputs) {
        for (const item of source.read(needs, inputs)) {
          for (const object of 'objects' in item ? item.objects : []) {
            const document = object.document!;
            const release = document.release!.bind(document);
            Object.assign(document, { release: () => (released.push(`${object.identity.kind} ${document.path}`), release()) });
          }
          yield item;
        }
      },
      profiles: () => source.profiles(),
      texts: () => source.texts(),
    };
    const { report } = run(releasing, regionalCluster);
    expect(released).toEqual(['Deployment deploy.yaml']);
    expect(report.findings.map((finding) => `${finding.ruleId} ${finding.location?.path}:${finding.location?.startLine}:${finding.location?.startColumn}`)).toEqual([
      'STS008 app.py:1:49',
      'STS006 deploy.yaml:16:22',
      'STS013 deploy.yaml:17:21',
    ]);
  });
});
